# The two commands README.md gives: `make sample` (the main job on the bundled data) and `make test`.
SWIFT ?= swift
SAMPLE := Datasets/sql-sample

.PHONY: setup sample test lint benchmark

setup:
	@scripts/setup.sh

sample: setup
	$(SWIFT) build -c release
	.build/release/crucible make-databases --scripts $(SAMPLE)/sql --into $(SAMPLE)/database
	.build/release/crucible score --benchmark spider --dataset $(SAMPLE) \
		--predictions $(SAMPLE)/predictions.txt --timeout 2 --rules all --out Reports/sql-sample
	@echo "Report: Reports/sql-sample/report.md"

test: setup
	scripts/python-env.sh ds1000
	$(SWIFT) build --build-tests
	$(SWIFT) test
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

# Set SPIDER_EVAL_DIR to a copy of test-suite-sql-eval to time the official evaluator in the same run.
benchmark: setup
	$(SWIFT) build -c release
	cd Benchmarks && $(SWIFT) package --disable-sandbox benchmark --no-progress
