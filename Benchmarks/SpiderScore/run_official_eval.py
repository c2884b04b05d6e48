#!/usr/bin/env python3
"""Run test-suite-sql-eval's evaluation.py, unmodified, without NLTK's punkt model.

The official evaluator (taoyds/test-suite-sql-eval) tokenizes SQL with
`nltk.word_tokenize`, which first splits the text into sentences with the
punkt model. That model is a separate download that is not available here.
Tokenizing with `preserve_line=True` skips the sentence splitter and uses the
same Treebank word tokenizer, which needs no model data. This shim patches
`nltk.word_tokenize` accordingly, before `process_sql.py` imports it, and then
runs `evaluation.py` as `__main__` with the remaining arguments.

Usage:
    run_official_eval.py EVAL_DIR [evaluation.py arguments...]

EVAL_DIR is the directory that holds evaluation.py (a checkout or export of
test-suite-sql-eval). Nothing of that repository is copied into this project.
"""

import os
import runpy
import sys

import nltk
from nltk.tokenize import word_tokenize as _treebank_word_tokenize


def _word_tokenize_without_punkt(text, language="english", preserve_line=False):
    del preserve_line  # always keep the line whole: sentence splitting needs punkt
    return _treebank_word_tokenize(text, language=language, preserve_line=True)


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit("usage: run_official_eval.py EVAL_DIR [evaluation.py arguments...]")
    eval_dir = os.path.abspath(sys.argv[1])
    script = os.path.join(eval_dir, "evaluation.py")
    if not os.path.isfile(script):
        sys.exit(f"run_official_eval.py: no evaluation.py in {eval_dir}")

    nltk.word_tokenize = _word_tokenize_without_punkt
    sys.path.insert(0, eval_dir)
    sys.argv = [script] + sys.argv[2:]
    runpy.run_path(script, run_name="__main__")


if __name__ == "__main__":
    main()
