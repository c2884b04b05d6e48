"""Times nothing itself: runs facebookresearch/cruxeval's evaluation/evaluate_generations.py, unmodified and with
its defaults (a process pool of one worker per core; per generation a multiprocessing manager and a process, 3 s),
on a generations file, and prints its pass@1 and pass@5 as one JSON line.

Usage: run_cruxeval.py CRUXEVAL_DIR GENERATIONS_JSON SCORED_JSON
(the scorer takes the mode from the generations path: it must not contain "input" for output prediction)
"""
import json
import os
import runpy
import sys

directory, generations, scored = (os.path.abspath(path) for path in sys.argv[1:4])
evaluation = os.path.join(directory, "evaluation")
# It reads ../data/cruxeval.jsonl from its working directory and imports its sibling modules.
os.chdir(evaluation)
sys.path.insert(0, evaluation)
sys.argv = ["evaluate_generations.py", "--generations_path", generations, "--scored_results_path", scored]
runpy.run_path("evaluate_generations.py", run_name="__main__")
with open(scored, encoding="utf-8") as file:
    result = json.load(file)
print(json.dumps({"pass@1": result["pass_at_1"], "pass@5": result["pass_at_5"]}))
