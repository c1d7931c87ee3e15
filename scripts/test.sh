#!/usr/bin/env bash
# Builds everything (Release, in build/) and runs the whole test suite with CTest.
# STACKSIM_SANITIZE=1 builds into build-asan/ with AddressSanitizer and UBSan instead, and leaves
# out the suites labelled `external` (they drive real services such as Chromium or Slurm).
set -euo pipefail
cd "$(dirname "$0")/.."
build=build
flags=(-DCMAKE_BUILD_TYPE=Release)
select=()
if [ "${STACKSIM_SANITIZE:-0}" = 1 ]; then
  build=build-asan
  flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DSTACKSIM_SANITIZE=ON -DSTACKSIM_BUILD_BENCHMARKS=OFF)
  select=(-LE external)
fi
cmake -S . -B "$build" -G Ninja "${flags[@]}" >/dev/null
cmake --build "$build"
ctest --test-dir "$build" --output-on-failure -j "$(nproc)" "${select[@]}"
