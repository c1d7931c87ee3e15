#!/usr/bin/env bash
# Engine overhead against a hand-written loop, on the same M/M/1: Poisson arrivals at 900/s,
# one server with exponential service of mean 1 ms (rho = 0.9, mean response 10 ms).
# The numbers are hard-coded to match scenarios/mm1.json; this script does not read it.
#
#   bench/compare_engine.sh [BUILD_DIR] [SIM_SECONDS]
#
# BUILD_DIR defaults to build (relative to the current directory, else to the repository);
# SIM_SECONDS (simulated seconds per run) defaults to 10000 (18M events, 9M requests).
# Needs python3.
#
# Prints, for each program, engine events per wall second and simulated requests per wall
# second, then the ratios. The stacksim run uses --warmup 0 so that both count the same span.
# Its events come from the report's top-level `events`; its wall time is the whole process
# (start-up, loading and the report included, which the minimal loop does not pay), so the
# ratio slightly understates the engine.
set -euo pipefail

readonly RATE=900
readonly MEAN_SERVICE_S=0.001
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly ROOT

build="${1:-build}"
if [[ ! -d "${build}" && -d "${ROOT}/${build}" ]]; then build="${ROOT}/${build}"; fi
sim_seconds="${2:-10000}"

minimal="${build}/bench/minimal_mm1_loop"
stacksim="${build}/cli/stacksim"
scenario="${ROOT}/scenarios/mm1.json"

# report NAME EVENTS WALL_S COMPLETED MEAN_RESPONSE_S [NOTE]; EVENTS < 0 means unknown.
report() {
  python3 -c '
import sys
name, note = sys.argv[1], " ".join(sys.argv[6:])
events, completed = int(sys.argv[2]), int(sys.argv[4])
wall, response = float(sys.argv[3]), float(sys.argv[5])
eps = f"{events / wall:.4g}" if events >= 0 else "n/a"
ev = str(events) if events >= 0 else "n/a"
print(f"{name:<17} events={ev:<10} wall_s={wall:<8.4f} events_per_s={eps:<10} "
      f"requests_per_s={completed / wall:<10.4g} mean_response_s={response:.5g} {note}".rstrip())
' "$@"
}

if [[ ! -x "${minimal}" ]]; then
  echo "compare_engine.sh: ${minimal} not found; build target minimal_mm1_loop" >&2
  exit 1
fi

echo "M/M/1 rate=${RATE}/s mean_service=${MEAN_SERVICE_S}s rho=0.9 simulated=${sim_seconds}s" \
  "(theory: mean response 0.01 s)"

minimal_out="$("${minimal}" "${RATE}" "${MEAN_SERVICE_S}" "${sim_seconds}")"
read -r m_events m_wall m_completed m_response < <(python3 -c '
import sys
kv = dict(f.split("=", 1) for f in sys.argv[1].split())
print(kv["events"], kv["seconds"], kv["completed"], kv["mean_response_s"])
' "${minimal_out}")
report minimal_mm1_loop "${m_events}" "${m_wall}" "${m_completed}" "${m_response}"

if [[ ! -x "${stacksim}" ]]; then
  echo "compare_engine.sh: ${stacksim} not found; build target stacksim to compare" >&2
  exit 1
fi
json="$(mktemp)"
trap 'rm -f "${json}"' EXIT
start_ns="$(date +%s%N)"
"${stacksim}" run "${scenario}" --json - --quiet --duration "${sim_seconds}s" --warmup 0 \
  >"${json}"
end_ns="$(date +%s%N)"
read -r s_events s_wall s_completed s_response < <(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
wall = (int(sys.argv[3]) - int(sys.argv[2])) * 1e-9
mean = r["summary"].get("latency_s", {}).get("mean", float("nan"))
print(r["events"], wall, r["summary"]["completed"], mean)
' "${json}" "${start_ns}" "${end_ns}")
report stacksim "${s_events}" "${s_wall}" "${s_completed}" "${s_response}" "(whole process)"

python3 -c '
import sys
me, mw, mc, se, sw, sc = map(float, sys.argv[1:])
events = f"events_per_s x{(se / sw) / (me / mw):.3f}, " if se >= 0 else ""
print(f"stacksim / minimal: {events}requests_per_s x{(sc / sw) / (mc / mw):.3f}")
' "${m_events}" "${m_wall}" "${m_completed}" "${s_events}" "${s_wall}" "${s_completed}"
