#!/usr/bin/env bash
# Runs a stacksim sweep in N shards with GNU parallel, on this machine or over ssh, then merges
# them into the report the unsharded sweep gives.
#
#   scripts/sweep-parallel.sh N OUTDIR SCENARIO --vary ... [sweep options]
#
# Writes OUTDIR/part-I.json (one per shard), OUTDIR/sweep.json and OUTDIR/sweep.csv, and prints
# the capacity report. PARALLEL_OPTIONS is passed to parallel: "--jobs 4" to run four shards at
# a time (default: one per core), or "--sshlogin host1,host2 --workdir ." to run them on other
# machines that see this directory at the same path (a shared file system) and have stacksim
# at STACKSIM (default build/cli/stacksim, relative to it).
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: $0 N OUTDIR SCENARIO --vary ... [sweep options]" >&2
  exit 64
fi
shards=$1
outdir=$2
shift 2
stacksim=${STACKSIM:-build/cli/stacksim}
mkdir -p "$outdir"
read -r -a options <<<"${PARALLEL_OPTIONS:-}"
# {} is the shard index; every sweep argument is quoted for the shell parallel runs it in.
parallel --halt now,fail=1 "${options[@]}" \
  "$(printf '%q ' "$stacksim" sweep "$@") --quiet --shard {}/$shards --json $(printf '%q' "$outdir")/part-{}.json" \
  ::: $(seq 1 "$shards")
parts=()
for i in $(seq 1 "$shards"); do parts+=("$outdir/part-$i.json"); done
"$stacksim" merge "${parts[@]}" --json "$outdir/sweep.json" --csv "$outdir/sweep.csv"
