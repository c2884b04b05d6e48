#!/usr/bin/env python3
"""A scripted stand-in for a model (not a model), for the refinement example in Reports/examples.

It speaks crucible's command-model protocol (one JSON request per line on stdin, one answer per line on stdout).
For Spider dev it answers each task's first request with DAIL-SQL's published prediction, and a repair request
by looking at the feedback it was shown: shown SQLite's error text it returns the gold query for two tasks in
three; told only that the result is wrong, for one in three; otherwise it repeats its previous answer. So the
figures of each round follow from this script, which is what the example is meant to show.

Run from the checkout (crucible starts it there); STANDIN_SPIDER and STANDIN_PREDICTIONS name other files.
"""
import json
import os
import sys

spider = os.environ.get("STANDIN_SPIDER", "../shared/datasets/spider")
predictions = os.environ.get("STANDIN_PREDICTIONS", "../shared/datasets/spider-predictions/dail-sql-gpt4.txt")
gold = [line.split("\t")[0].strip() for line in open(f"{spider}/dev_gold.sql", encoding="utf-8")]
first = [line.strip() for line in open(predictions, encoding="utf-8")]

for line in sys.stdin:
    request = json.loads(line)
    index = int(request["task_id"])
    messages = request.get("prompt", {}).get("messages", [])
    answer = first[index]
    if len(messages) > 1:
        previous = messages[-2]["content"] if messages[-1]["role"] == "user" else answer
        feedback = messages[-1]["content"]
        answer = previous
        if "SQLite gave an error" in feedback and index % 3 != 0:
            answer = gold[index]
        elif "result is wrong" in feedback and index % 3 == 0:
            answer = gold[index]
    reply = {"id": request["id"], "completions": [answer] * int(request.get("n", 1))}
    sys.stdout.write(json.dumps(reply) + "\n")
    sys.stdout.flush()
