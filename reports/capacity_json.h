#pragma once

#include <nlohmann/json.hpp>

#include "reports/capacity_report.h"

namespace stacksim::reports {

// The `capacity` object of the sweep JSON report:
//   latency_statistic ("p99", "p95", "p50", "mean"), latency_target_s (null when none),
//   latency_target_from ("--latency-target", "slo.latency_p99", ...; null when none),
//   availability_target (null when none),
//   points: per grid point, in grid order: set, throughput_rps, latency_s {mean, p50, p95, p99},
//     availability, bottleneck ({name, utilization} or null), meets_targets (null without
//     targets), and usl_throughput_rps when the USL was fitted to the point's line;
//   saturation (only with a rate axis): pointer, scenario_rate (null when unknown), note (only
//     without a latency target), lines: [{fixed, rate (null when no rate met the targets),
//     beyond_grid, headroom (null when unknown)}]; rates are integers when whole;
//   scaling (only with a scaling axis and no rate axis): pointer, note (only with a caveat),
//     lines: [{fixed, usl ({lambda, sigma, kappa,
//     peak_n (null when unbounded), r_squared} or null), error (only without a fit), points:
//     [{n, throughput_rps, usl_throughput_rps (only with a fit)}]}].
// `fixed` holds the values of the other axes (an empty object with a single axis).
[[nodiscard]] nlohmann::ordered_json capacity_json(const CapacityReport& report);

}  // namespace stacksim::reports
