#!/usr/bin/env bash
# Renders the generated stacksim(1) with man -l and checks it has the synopsis, every
# subcommand's section with its examples, and the exit codes.
set -euo pipefail
page=$1
fail() { echo "FAIL: $*" >&2; exit 1; }
[ -f "$page" ] || fail "no man page at $page (is help2man installed?)"
text=$(MANWIDTH=100 man -l "$page" 2>&1 | sed 's/.\x08//g')
for expected in "stacksim - discrete-event simulator" "COMMANDS" "stacksim run" "stacksim validate" \
  "stacksim sweep" "stacksim schema" "--replications" "EXAMPLES:" "EXIT CODES:" \
  "65   invalid scenario" "stacksim run scenarios/single-server.json"; do
  grep -qF -- "$expected" <<<"$text" || { echo "$text" | head -80; fail "no \"$expected\""; }
done
grep -q "__pointers" <<<"$text" && fail "the hidden completion helper is in the man page"
echo ok
