#pragma once

#include <cstdint>

// Limits that keep a run's memory and time bounded; the scenario loader refuses what exceeds
// them.
namespace stacksim::models {

// Browsers of an open workload: each keeps a DNS cache entry (12 bytes).
inline constexpr int kMaxClients = 1'000'000;
// Users of a closed workload: each holds a request (about 300 bytes) and its events.
inline constexpr int kMaxUsers = 100'000;
// The clock counts nanoseconds: a higher rate would put many arrivals on every tick.
inline constexpr double kMaxArrivalRatePerSecond = 1e9;
// Rows of the time series (duration / report interval).
inline constexpr std::int64_t kMaxReportRows = 100'000;

}  // namespace stacksim::models
