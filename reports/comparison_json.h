#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "reports/run_comparison.h"

namespace stacksim::reports {

// `stacksim compare --json`: {"runs": [{"label", "source", "simulated", "report"}, ...one per
// input, in order], "differences": [{"label", "baseline", "metrics": {name: {"baseline",
// "value", "difference", "relative"}}, "components": {name: {"baseline_utilization",
// "utilization"}}, "only_in_run", "only_in_baseline", "bottleneck_changed"}, ...one per run after
// the first]}. `reports` holds each run's report (the saved file's, or the one run --json would
// write), aligned with comparison.runs.
[[nodiscard]] nlohmann::ordered_json comparison_json(
    const RunComparison& comparison, const std::vector<nlohmann::ordered_json>& reports);

}  // namespace stacksim::reports
