#!/usr/bin/env bash
# Fuzzes the scenario loader and a short capped simulation with libFuzzer for SECONDS (default
# 60): builds tests/fuzz/scenario_fuzzer with clang-14, ASan and UBSan in build-asan/ (the
# `asan` preset, which the sanitizer test suite shares), starts from the scenarios in scenarios/
# and the dictionary tests/fuzz/scenario.dict, keeps new inputs in build-asan/corpus/ and writes
# any crashing input to build-asan/crashes/. Exits non-zero when it finds a crash, a sanitizer
# report, a leak or a hang (10 s on one input).
#   scripts/fuzz.sh [SECONDS]
# Reproduce a crash: build-asan/tests/fuzz/scenario_fuzzer build-asan/crashes/crash-...
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
build=build-asan  # the `asan` preset's binary directory (CMakePresets.json)
cmake --preset asan >/dev/null
cmake --build --preset asan --target scenario_fuzzer
mkdir -p "$build/corpus" "$build/crashes"
"$build/tests/fuzz/scenario_fuzzer" "$build/corpus" scenarios \
  -dict=tests/fuzz/scenario.dict -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len=16384 -artifact_prefix="$build/crashes/" -print_final_stats=1
