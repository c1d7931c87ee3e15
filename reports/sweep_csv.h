#pragma once

#include <string>
#include <vector>

#include "reports/sweep_grid.h"
#include "reports/sweep_point.h"

namespace stacksim::reports {

// The sweep as CSV, one row per point in grid order after a header row: one column per axis
// (headed by its pointer, holding the point's value: numbers as JSON writes them, strings bare,
// other values as JSON), then offered, completed, failed, availability, throughput_rps,
// latency_mean_s, latency_p50_s, latency_p95_s, latency_p99_s, bottleneck, bottleneck_resource,
// bottleneck_utilization; then utilization_<component> for every component of any point (in the
// order they first appear; empty where a point lacks it) and failed_<cause> for every cause of
// failure of any point (in name order; 0 where a point has none); and when the points ran more
// than one replication, the 95% intervals availability_low, availability_high,
// throughput_rps_low, throughput_rps_high, latency_mean_s_low, latency_mean_s_high,
// latency_p99_s_low, latency_p99_s_high. Whole numbers are printed exactly, others to nine
// significant digits; fields holding a comma, quote or line break are quoted (RFC 4180).
[[nodiscard]] std::string sweep_csv(const std::vector<SweepAxis>& axes,
                                    const std::vector<PointMeasure>& points);

}  // namespace stacksim::reports
