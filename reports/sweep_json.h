#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "models/run_result.h"
#include "reports/capacity_report.h"
#include "reports/report_context.h"
#include "reports/sweep_grid.h"

namespace stacksim::reports {

// One grid point and the replications run for it.
struct SweepPointRun {
  GridPoint set;
  std::vector<models::RunResult> replications;
};

// The JSON report of `stacksim sweep` (schema_version 1): tool_version, scenario {name, sha256,
// file}, seed, duration_s, warmup_s and replications of the sweep's scenario (before the points'
// values), `interrupted: true` when a SIGINT cut the sweep short (then `points` holds the points
// that ran), vary [{pointer, values}], points [{set, summary, components, bottleneck}] in grid
// order (summary and components as in a run report, reports/json_report.h; bottleneck
// {name, utilization} or null), and capacity (reports/capacity_json.h). `capacity.points` must be
// aligned with `points`.
[[nodiscard]] nlohmann::ordered_json sweep_json(const ReportContext& context,
                                                const std::vector<SweepAxis>& axes,
                                                const std::vector<SweepPointRun>& points,
                                                const CapacityReport& capacity, bool interrupted);

}  // namespace stacksim::reports
