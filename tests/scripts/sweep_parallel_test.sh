#!/usr/bin/env bash
# Runs scripts/sweep-parallel.sh (GNU parallel, 4 shards, 2 at a time) on a small sweep and
# checks that its merged report is byte for byte the unsharded sweep's, and that the text
# report it prints is the sweep's too.
#
#   tests/scripts/sweep_parallel_test.sh STACKSIM SOURCE_DIR
#
# Exit 0 on success, 1 on failure, 77 (CTest: skipped) when GNU parallel is missing unless
# CI=true, where that is a failure.
set -euo pipefail
stacksim=$(realpath "$1")
cd "$2"
if ! command -v parallel >/dev/null; then
  [ "${CI:-}" = true ] && { echo "FAIL: GNU parallel is not installed" >&2; exit 1; }
  echo "SKIP: GNU parallel is not installed (scripts/setup.sh installs it)" >&2
  exit 77
fi
work=$(mktemp -d /tmp/stacksim-parallel-XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() {
  echo "FAIL: $1" >&2
  exit 1
}

# 3 x 2 points, so that 4 shards get one or two points each; a quoted --set value with a space.
sweep=(scenarios/mm1.json --vary /workload/arrivals/rate=300,600,850
  --vary /components/server/servers=1,2 --set '/name="mm1 sharded"' --duration 120s
  --latency-target 5ms --latency-percentile mean)
STACKSIM=$stacksim PARALLEL_OPTIONS="--jobs 2" \
  scripts/sweep-parallel.sh 4 "$work/out" "${sweep[@]}" >"$work/merged.txt"
"$stacksim" sweep "${sweep[@]}" --json "$work/whole.json" --csv "$work/whole.csv" \
  >"$work/whole.txt"
for i in 1 2 3 4; do [ -f "$work/out/part-$i.json" ] || fail "no part-$i.json"; done
cmp "$work/out/sweep.json" "$work/whole.json" || fail "the merged JSON differs from the sweep's"
cmp "$work/out/sweep.csv" "$work/whole.csv" || fail "the merged CSV differs from the sweep's"
# The text reports differ only in their wall time.
strip_wall() { sed -E 's/ · [^·]* wall//' "$1"; }
diff <(strip_wall "$work/merged.txt") <(strip_wall "$work/whole.txt") ||
  fail "the merged text report differs from the sweep's"
grep -q "mm1 sharded" "$work/merged.txt" || fail "the --set value with a space was lost"
echo "ok: 4 shards with GNU parallel give the unsharded sweep's report"
