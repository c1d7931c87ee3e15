#!/usr/bin/env bash
# Starts a real one-node Slurm cluster on this machine (munged, slurmctld and slurmd with a
# minimal slurm.conf, all in a temporary directory, as root, without systemd), runs a sweep in 3
# shards through scripts/slurm/submit-sweep.sh (an sbatch array job and a dependent merge job),
# waits for it, and checks that the merged report is byte for byte the unsharded sweep's.
# Prints the wall time of both. Stops its daemons and removes its files whatever happens.
#
#   tests/scripts/slurm_sweep_test.sh STACKSIM SOURCE_DIR
#
# Exit 0 on success, 1 on failure, 77 (CTest: skipped) when it cannot run here (not root, or
# Slurm missing) unless CI=true, where that is a failure.
set -euo pipefail
stacksim=$(realpath "$1")
source_dir=$(realpath "$2")
deadline=$((SECONDS + ${SLURM_TEST_TIMEOUT:-240}))

cannot_run() {
  if [ "${CI:-}" = true ]; then
    echo "FAIL: $1 (CI=true: the Slurm test must run)" >&2
    exit 1
  fi
  echo "SKIP: $1" >&2
  exit 77
}
if [ "$(id -u)" -ne 0 ]; then
  # Root is needed to run jobs as their submitter; sudo without a password will do.
  if sudo -n true 2>/dev/null; then exec sudo -n --preserve-env=CI,SLURM_TEST_TIMEOUT "$0" "$@"; fi
  cannot_run "starting slurmctld, slurmd and munged needs root (or sudo without a password)"
fi
for tool in munged slurmctld slurmd sbatch squeue sinfo scontrol; do
  command -v "$tool" >/dev/null || cannot_run "$tool is not installed (scripts/setup.sh installs it)"
done

work=$(mktemp -d /tmp/stacksim-slurm-XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  local status=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ $status -ne 0 ]; then
    for log in "$work"/*.log "$work"/out/slurm-*.out; do
      [ -f "$log" ] && { echo "--- $log"; tail -n 30 "$log"; }
    done >&2
  fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $1" >&2
  exit 1
}
wait_for() {  # wait_for WHAT COMMAND...: polls COMMAND until it succeeds or the deadline passes
  local what=$1
  shift
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || fail "timed out waiting for $what"
    sleep 0.5
  done
}

# Ports and names of their own, so that two runs on one machine do not meet.
port=$((20000 + ($$ % 10000) * 2))
node=stacksim$$
cores=$(nproc)

# munged with a fresh key and its own socket.
dd if=/dev/urandom of="$work/munge.key" bs=1024 count=1 status=none
chmod 400 "$work/munge.key"
mkdir -m 700 "$work/munge"
munged --force --key-file="$work/munge.key" --socket="$work/munge/munge.socket" \
  --pid-file="$work/munge/munged.pid" --seed-file="$work/munge/seed" \
  --log-file="$work/munged.log" --foreground >"$work/munged.out.log" 2>&1 &
pids+=($!)
wait_for "munged" test -S "$work/munge/munge.socket"

mkdir -p "$work/state" "$work/spool" "$work/out"
cat >"$work/slurm.conf" <<CONF
ClusterName=stacksim-test
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge/munge.socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
MailProg=/bin/true
SlurmctldTimeout=30
SlurmdTimeout=30
NodeName=$node NodeHostname=$(hostname) NodeAddr=127.0.0.1 CPUs=$cores State=UNKNOWN
PartitionName=test Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$work/slurm.conf
slurmctld -D -i -f "$SLURM_CONF" >"$work/slurmctld.out.log" 2>&1 &
pids+=($!)
slurmd -D -N "$node" -f "$SLURM_CONF" >"$work/slurmd.out.log" 2>&1 &
pids+=($!)
node_idle() { [ "$(sinfo -h -n "$node" -o %t 2>/dev/null)" = idle ]; }
wait_for "the node to be idle (slurmctld and slurmd up)" node_idle

# The sweep: 5 rates x 2 replications, so that 3 shards get unequal shares.
sweep=(scenarios/mm1.json --vary /workload/arrivals/rate=300:900:5 --replications 2
  --duration 600s --latency-target 5ms --latency-percentile mean)
cd "$source_dir"
start=$(date +%s%N)
STACKSIM=$stacksim scripts/slurm/submit-sweep.sh 3 "$work/out" "${sweep[@]}"
jobs_done() { [ -z "$(squeue -h -o %i)" ]; }
wait_for "the sweep and merge jobs to finish" jobs_done
slurm_ms=$((($(date +%s%N) - start) / 1000000))
[ -f "$work/out/sweep.json" ] || fail "the merge job wrote no sweep.json"

start=$(date +%s%N)
"$stacksim" sweep "${sweep[@]}" --quiet --json "$work/whole.json" --csv "$work/whole.csv"
whole_ms=$((($(date +%s%N) - start) / 1000000))
cmp "$work/out/sweep.json" "$work/whole.json" || fail "the merged JSON differs from the sweep's"
cmp "$work/out/sweep.csv" "$work/whole.csv" || fail "the merged CSV differs from the sweep's"
for i in 1 2 3; do [ -f "$work/out/part-$i.json" ] || fail "no part-$i.json"; done
echo "ok: 3-shard Slurm sweep ${slurm_ms} ms (submit to merged), unsharded sweep ${whole_ms} ms"
