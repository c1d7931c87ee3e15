#pragma once

#include <string>
#include <vector>

#include "models/run_result.h"

namespace stacksim::reports {

// The per-interval time series as CSV with a header row: start_s, end_s (seconds on the scenario
// clock, 0 = the simulation's start: the first row starts when the warm-up ends), offered,
// completed, failed, throughput_rps, error_rate, latency_p50_s, latency_p99_s, then
// <component>_utilization and <component>_queue_length for each component and
// <host>_cpu_utilization for each host, then <component>_up for each component and <host>_up for
// each host: the fraction of the interval it was up (0..1; 1 when the row does not say), for
// shading outages on a plot. With several replications each cell is the mean over replications of
// that interval, and there are as many rows as the shortest series has. Whole numbers are printed
// exactly, others to nine significant digits; names holding a comma or quote are quoted (RFC 4180).
[[nodiscard]] std::string csv_timeseries(const std::vector<models::RunResult>& replications);

// The same numbers in long ("tidy") form, for pandas and R: the header
// start_s,end_s,metric,target,value and one row per interval, metric and target, in time order.
// Metrics: offered, completed, failed, throughput_rps, error_rate, latency_p50_s, latency_p99_s
// (target "system"); utilization, queue_length, up (target a component); cpu_utilization, up
// (target a host). These names do not change with the scenario; only the targets do.
[[nodiscard]] std::string csv_timeseries_long(const std::vector<models::RunResult>& replications);

}  // namespace stacksim::reports
