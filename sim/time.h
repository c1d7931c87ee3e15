#pragma once

#include <cmath>
#include <cstdint>
#include <limits>

namespace stacksim::sim {

// Simulated time in integer nanoseconds. Integer time makes same-time ties exact and identical
// on every machine; int64 covers about 292 years.
using Time = std::int64_t;

inline constexpr Time kNanosPerSecond = 1'000'000'000;
inline constexpr Time kTimeInfinity = std::numeric_limits<Time>::max();

// Division, not multiplication by 1e-9, so whole seconds convert exactly (60e9 ns -> 60.0).
[[nodiscard]] constexpr double to_seconds(Time t) { return static_cast<double>(t) / 1e9; }

// Rounds to the nearest nanosecond; saturates at kTimeInfinity.
[[nodiscard]] inline Time from_seconds(double seconds) {
  const double ns = seconds * 1e9;
  if (!(ns < 9.2e18)) return kTimeInfinity;
  return static_cast<Time>(std::llround(ns));
}

}  // namespace stacksim::sim
