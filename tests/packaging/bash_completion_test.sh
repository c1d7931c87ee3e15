#!/usr/bin/env bash
# The bash completion under an interactive bash: completes the words of a scripted command line
# (COMP_WORDS as bash would set them) and checks what it offers.
set -euo pipefail
binary=$1
script=$2
fail() { echo "FAIL: $*" >&2; exit 1; }

# Prints what the completion offers for the command line "$@" (the last word is being typed).
offers() {
  bash --norc --noprofile -i -s "$binary" "$script" "$@" 2>/dev/null <<'BASH'
source "$2"
complete -p stacksim >/dev/null || { echo "not registered"; exit 1; }
binary=$1
shift 2
COMP_WORDS=("$binary" "$@")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMP_LINE="${COMP_WORDS[*]}"
COMP_POINT=${#COMP_LINE}
_stacksim
printf '%s\n' "${COMPREPLY[@]}" | sort
BASH
}

expect_offer() {  # WORD then the command line
  local word=$1
  shift
  local got
  got=$(offers "$@")
  grep -qxF -- "$word" <<<"$got" || fail "\"$*\" does not offer \"$word\"; it offers: $got"
}
expect_no_offer() {
  local word=$1
  shift
  local got
  got=$(offers "$@")
  grep -qxF -- "$word" <<<"$got" && fail "\"$*\" offers \"$word\""
  return 0
}

expect_offer run ""
expect_offer validate ""
expect_offer sweep sw
expect_offer schema sch
expect_no_offer run sw
expect_no_offer __pointers ""
expect_offer --version --ver
expect_offer --replications run scenarios/single-server.json --rep
expect_offer --vary sweep scenarios/mm1.json --va
expect_offer --report schema --
expect_no_offer --vary run scenarios/mm1.json --va
expect_offer scenarios/single-server.json run scenarios/sin
expect_offer p95 sweep scenarios/mm1.json --latency-percentile p9
# --set and --vary offer the JSON pointers of the scenario on the command line.
expect_offer /workload/arrivals/rate run scenarios/single-server.json --set /workload/arr
expect_offer /hosts/server1/cores sweep scenarios/vertical-vs-horizontal.json --vary /hosts/
expect_offer /components/app/workers run --set /components/app/w scenarios/single-server.json \
  --set /components/app/w
echo ok
