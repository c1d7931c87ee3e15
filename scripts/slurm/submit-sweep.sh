#!/usr/bin/env bash
# Runs a stacksim sweep on a Slurm cluster in N shards: an array job of N tasks (sweep.sbatch,
# task I runs --shard I/N) and a merge job that starts when all of them have ended well
# (merge.sbatch). Prints the two job ids; the results land in OUTDIR/sweep.json and
# OUTDIR/sweep.csv, the logs in OUTDIR/slurm-*.out.
#
#   scripts/slurm/submit-sweep.sh N OUTDIR SCENARIO --vary ... [sweep options]
#
# Run it from the directory the jobs should run in (SCENARIO, OUTDIR and STACKSIM are relative
# to it; it must be on a file system the nodes share). Extra sbatch options (a partition, a time
# limit) go in SBATCH_OPTIONS, e.g. SBATCH_OPTIONS="--partition=short --time=1:00:00".
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: $0 N OUTDIR SCENARIO --vary ... [sweep options]" >&2
  exit 64
fi
shards=$1
outdir=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$outdir"
read -r -a extra <<<"${SBATCH_OPTIONS:-}"
sweep_job=$(sbatch --parsable "${extra[@]}" --array="1-$shards" \
  --output="$outdir/slurm-%A_%a.out" "$here/sweep.sbatch" "$outdir" "$@")
sweep_job=${sweep_job%%;*}
merge_job=$(sbatch --parsable "${extra[@]}" --dependency="afterok:$sweep_job" \
  --kill-on-invalid-dep=yes --output="$outdir/slurm-%j.out" "$here/merge.sbatch" "$outdir")
merge_job=${merge_job%%;*}
echo "sweep array job $sweep_job ($shards shards), merge job $merge_job"
