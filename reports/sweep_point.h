#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "findings/bottleneck.h"
#include "findings/replication_summary.h"
#include "models/run_result.h"
#include "reports/sweep_grid.h"

// What one point of a sweep measured, reduced to the numbers the capacity report and the sweep
// CSV read.
namespace stacksim::reports {

// The latency statistic a capacity target applies to.
enum class LatencyStatistic { kMean, kP50, kP95, kP99 };

// "mean", "p50", "p95", "p99" -> the statistic; nullopt for anything else.
[[nodiscard]] std::optional<LatencyStatistic> parse_latency_statistic(std::string_view name);
[[nodiscard]] const char* to_string(LatencyStatistic statistic);

// One grid point's results: means over its replications (as a run report's summary gives them)
// and the most utilized resource.
struct PointMeasure {
  GridPoint set;
  double offered = 0.0;
  double completed = 0.0;
  double failed = 0.0;
  double availability = 1.0;  // completed / (completed + failed); 1 when nothing ended
  double throughput_rps = 0.0;
  double latency_mean_s = 0.0;
  double latency_p50_s = 0.0;
  double latency_p95_s = 0.0;
  double latency_p99_s = 0.0;
  findings::Bottleneck bottleneck;  // empty name when the scenario has no component and no host
};

// The measure of the point `set` from its replications (summarize and find_bottleneck over the
// mean components and hosts, as the run report does).
[[nodiscard]] PointMeasure measure_point(GridPoint set,
                                         const std::vector<models::RunResult>& replications);

// The point's value of the statistic, in seconds.
[[nodiscard]] double latency_of(const PointMeasure& point, LatencyStatistic statistic);

}  // namespace stacksim::reports
