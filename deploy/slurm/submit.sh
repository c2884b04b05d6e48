#!/usr/bin/env bash
# Submits the shard array and, after it, the merge: SHARDS=8 MODEL=... DATASET=... deploy/slurm/submit.sh [sbatch options]
# The variables are those of crucible-shards.sbatch; extra arguments (e.g. --partition=gpu, --account=x) go to both jobs.
set -euo pipefail

: "${MODEL:?set MODEL (openai:NAME, replay:FILE or command:PROGRAM)}"
: "${DATASET:?set DATASET (the benchmark file)}"
export SHARDS="${SHARDS:-4}"
export BENCHMARK="${BENCHMARK:-humaneval}"
export RUN_ROOT="${RUN_ROOT:-Reports/runs/${BENCHMARK}-shards}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

array=$(sbatch --parsable --export=ALL --array="1-$SHARDS" "$@" "$here/crucible-shards.sbatch")
array="${array%%;*}" # --parsable prints JOBID or JOBID;CLUSTER
# A failed shard would leave the merge pending forever; drop it instead, and merge by hand once the shard is rerun.
merge=$(sbatch --parsable --export=ALL --dependency="afterok:$array" --kill-on-invalid-dep=yes "$@" \
  "$here/crucible-merge.sbatch")
echo "shards: job $array (array 1-$SHARDS); merge: job ${merge%%;*}, into $RUN_ROOT/merged"
