#!/usr/bin/env bash
# Writes the stacksim(1) man page to OUTPUT with help2man, from the help of the stacksim binary
# BINARY: `stacksim --help` gives the synopsis, options and exit codes, and each subcommand's
# `--help` (its options, examples and exit codes) becomes a subsection of COMMANDS.
set -euo pipefail
binary=$1
output=$2
include=$(mktemp)
trap 'rm -f "$include"' EXIT

# Subcommands as listed in the "Subcommands:" section of the help.
commands=$("$binary" --help | awk '/^[A-Za-z][A-Za-z ]*:$/ { s = $0; next } s == "Subcommands:" && /^  [^ ]/ { print $1 }')

# roff: escape backslashes, and keep lines from starting with a control character.
roff_text() { sed -e 's/\\/\\e/g' -e 's/^[.'\'']/\\\&&/'; }

{
  echo "[COMMANDS]"
  for command in $commands; do
    echo ".SS \"stacksim $command\""
    echo ".nf"
    "$binary" "$command" --help | roff_text
    echo ".fi"
  done
  cat <<'TEXT'
[FILES]
.TP
.I share/stacksim/scenarios/
Example scenarios (installed under the prefix, e.g. /usr/share/stacksim/scenarios).
.TP
.I share/stacksim/schema/scenario.schema.json
The JSON Schema of scenario files, for editors; scenarios refer to it with "$schema".
.TP
.I share/stacksim/schema/report.schema.json
The JSON Schema of the run report.
[SEE ALSO]
The README of stacksim, installed as share/doc/stacksim/README.md.
TEXT
} >"$include"

help2man --no-info --section=1 \
  --name="discrete-event simulator of the classic single-server web stack" \
  --include="$include" --output="$output" "$binary"
