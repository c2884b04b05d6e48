#!/usr/bin/env bash
# Prints how many tests `swift test` skipped and why, from its output (the file given). With --none-allowed (CI,
# which has the real data beside the checkout), any skipped test is a failure.
set -euo pipefail
log="$1"
# Swift Testing prints one line per skipped test, and one more for each suite skipped whole.
tests=$(grep -E '^\s*➜ Test .* skipped' "$log" || true)
suites=$(grep -E '^\s*➜ Suite .* skipped' "$log" || true)
if [ -z "$tests" ] && [ -z "$suites" ]; then
  echo "skipped: none"
  exit 0
fi
count=$(printf '%s\n' "$tests" | grep -c . || true)
reasons=$(printf '%s\n' "$tests" | grep -o 'skipped: ".*"' | sed 's/^skipped: //' | sort | uniq -c | sed 's/^ */  /')
echo "skipped: $count tests (tests per reason below)"
printf '%s\n' "$reasons"
if [ "${2:-}" = "--none-allowed" ]; then
  printf '%s\n' "$tests" "$suites" | grep . >&2
  echo "error: tests were skipped where every test must run" >&2
  exit 1
fi
