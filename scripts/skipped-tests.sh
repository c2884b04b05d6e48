#!/usr/bin/env bash
# Prints how many tests `swift test` skipped and why, from its output (the file given). With --none-allowed (CI,
# which has the real data beside the checkout), any skipped test is a failure.
set -euo pipefail
log="$1"
skipped=$(grep -E "(Test|Suite) .* skipped" "$log" || true)
if [ -z "$skipped" ]; then
  echo "skipped: none"
  exit 0
fi
count=$(printf '%s\n' "$skipped" | wc -l)
echo "skipped: $count tests or suites"
printf '%s\n' "$skipped" | sed 's/^/  /'
if [ "${2:-}" = "--none-allowed" ]; then
  echo "error: tests were skipped where every test must run" >&2
  exit 1
fi
