# The two commands README.md gives: `make sample` (the main job on the bundled data) and `make test`.
SWIFT ?= swift
# pipefail: the tests' status must survive the tee that keeps their output for the skip count.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
SAMPLE := Datasets/sql-sample
PYSAMPLE := Datasets/python-sample

.PHONY: setup sample test lint benchmark examples

setup:
	@scripts/setup.sh

sample: setup
	$(SWIFT) build -c release
	.build/release/crucible make-databases --scripts $(SAMPLE)/sql --into $(SAMPLE)/database
	.build/release/crucible score --benchmark spider --dataset $(SAMPLE) \
		--predictions $(SAMPLE)/predictions.txt --timeout 2 --rules all --out Reports/sql-sample
	.build/release/crucible run --benchmark spider --dataset $(SAMPLE) --model replay:$(SAMPLE)/predictions.txt \
		--few-shot $(SAMPLE)/train.json --timeout 2 --run-dir Reports/runs/sql-sample-replay --quiet
	scripts/python-env.sh ds1000
	.build/release/crucible score --benchmark humaneval --dataset $(PYSAMPLE)/humaneval.jsonl \
		--predictions $(PYSAMPLE)/humaneval-answers.jsonl --k 1,2 --timeout 3 --out Reports/python-sample/humaneval
	.build/release/crucible score --benchmark ds1000 --dataset $(PYSAMPLE)/ds1000.jsonl \
		--predictions $(PYSAMPLE)/ds1000-answers.jsonl --python-path .python/ds1000 --out Reports/python-sample/ds1000
	.build/release/crucible score --benchmark cruxeval-o --dataset $(PYSAMPLE)/cruxeval.jsonl \
		--predictions $(PYSAMPLE)/cruxeval-o-answers.json --k 1,2 --out Reports/python-sample/cruxeval-o
	@echo "Reports: Reports/sql-sample/report.md, Reports/python-sample/*/report.md, Reports/runs/*/report.md"

test:
	@scripts/setup.sh test
	scripts/python-env.sh ds1000
	$(SWIFT) build --build-tests
	# The benchmarks are not run here, but they must keep compiling against the libraries they measure.
	$(SWIFT) build --package-path Benchmarks
	$(SWIFT) test 2>&1 | tee .build/test-output.log
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests Plugins
	@scripts/skipped-tests.sh .build/test-output.log $(if $(CRUCIBLE_REQUIRE_SHARED_DATA),--none-allowed)

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests Plugins

# Set SPIDER_EVAL_DIR (test-suite-sql-eval) and HUMAN_EVAL_DIR (openai/human-eval) to time the official
# evaluators in the same run (Benchmarks/README.md).
benchmark: setup
	scripts/python-env.sh ds1000
	$(SWIFT) build -c release
	cd Benchmarks && $(SWIFT) package --disable-sandbox benchmark --no-progress

# Reports/examples (committed; aggregate figures only, no task text), from the real data in ../shared/datasets:
# DAIL-SQL's published Spider dev predictions against the gold queries, the two published DS-1000 answer sets,
# and a 3-round refinement of DAIL-SQL's answers by a scripted stand-in model (scripts/stand-in-model.py).
DATA := ../shared/datasets
EXAMPLES := Reports/examples
WORK := .build/examples
examples: setup
	scripts/python-env.sh ds1000
	$(SWIFT) build -c release
	rm -rf $(WORK) $(EXAMPLES) && mkdir -p $(WORK) $(EXAMPLES)
	cut -f1 $(DATA)/spider/dev_gold.sql > $(WORK)/spider-gold.txt
	.build/release/crucible score --benchmark spider --dataset $(DATA)/spider --allow-unavailable \
		--predictions $(DATA)/spider-predictions/dail-sql-gpt4.txt --out $(WORK)/spider-dail-sql
	.build/release/crucible score --benchmark spider --dataset $(DATA)/spider --allow-unavailable \
		--predictions $(WORK)/spider-gold.txt --out $(WORK)/spider-gold
	mkdir -p $(EXAMPLES)/spider-compare $(EXAMPLES)/ds1000-compare
	.build/release/crucible compare $(WORK)/spider-dail-sql $(WORK)/spider-gold > $(EXAMPLES)/spider-compare/compare.md
	.build/release/crucible compare $(WORK)/spider-dail-sql $(WORK)/spider-gold --json \
		> $(EXAMPLES)/spider-compare/compare.json
	.build/release/crucible report $(WORK)/spider-dail-sql $(WORK)/spider-gold --out $(EXAMPLES)/spider
	for model in codex002 gpt-3.5-turbo-0613; do \
		.build/release/crucible score --benchmark ds1000 --dataset $(DATA)/ds1000/ds1000.jsonl.gz \
			--predictions $(DATA)/ds1000/answers/$$model-answers.jsonl --python-path .python/ds1000 \
			--seaborn-data $(DATA)/ds1000/seaborn-data --out $(WORK)/ds1000-$$model || exit 1; \
	done
	.build/release/crucible compare $(WORK)/ds1000-codex002 $(WORK)/ds1000-gpt-3.5-turbo-0613 \
		> $(EXAMPLES)/ds1000-compare/compare.md
	.build/release/crucible compare $(WORK)/ds1000-codex002 $(WORK)/ds1000-gpt-3.5-turbo-0613 --json \
		> $(EXAMPLES)/ds1000-compare/compare.json
	.build/release/crucible report $(WORK)/ds1000-codex002 $(WORK)/ds1000-gpt-3.5-turbo-0613 --out $(EXAMPLES)/ds1000
	CRUCIBLE_GENERATION_CACHE=off .build/release/crucible run --benchmark spider --dataset $(DATA)/spider \
		--allow-unavailable --run-dir $(WORK)/spider-refined --rounds 3 --feedback error --quiet \
		--model "command:$(CURDIR)/scripts/stand-in-model.py" --model-version stand-in
	.build/release/crucible report $(WORK)/spider-refined --out $(EXAMPLES)/refinement
	@echo "Examples: $(EXAMPLES)/*/report.md, $(EXAMPLES)/*/compare.md"
