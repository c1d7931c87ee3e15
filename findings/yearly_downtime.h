#pragma once

#include <optional>
#include <string>

#include "findings/replication_summary.h"

namespace stacksim::findings {

// The downtime of a run in time (availability_by_time: the share of time every component a
// request needs was up), and the downtime a year only where the run supports saying it: a run
// that measured a year (365 days) or more says what it measured; a shorter one is extrapolated
// when it saw at least kMinOutagesToExtrapolate outages (all replications together), enough for
// a rate. One 4-hour outage in a 12-hour run says nothing about a year.
inline constexpr double kMinOutagesToExtrapolate = 10.0;
inline constexpr double kSecondsPerYear = 365.25 * 86400.0;
inline constexpr double kMeasuredYearS = 365.0 * 86400.0;

struct YearlyDowntime {
  double measured_down_s = 0.0;  // (1 - availability_by_time) x measured span, mean
  double outages = 0.0;          // service outages in all replications together
  std::optional<double> per_year_s;
  // "measured" (the measured span is at least a year), "extrapolated", or "" (per_year_s unset).
  std::string basis;
};

[[nodiscard]] YearlyDowntime yearly_downtime(const SummaryStats& summary);

}  // namespace stacksim::findings
