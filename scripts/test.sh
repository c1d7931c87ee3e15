#!/usr/bin/env bash
# Builds everything and runs the whole test suite with CTest, through the CMake presets
# (CMakePresets.json): `release` in build/, or with STACKSIM_SANITIZE=1 `asan` (AddressSanitizer
# and UBSan) in build-asan/. STACKSIM_PRESET=NAME picks any other test preset (debug, tsan).
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${STACKSIM_PRESET:-release}
if [ "${STACKSIM_SANITIZE:-0}" = 1 ]; then
  preset=asan
fi
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
ctest --preset "$preset" -j "$(nproc)"
