#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "models/run_result.h"
#include "reports/report_context.h"

namespace stacksim::reports {

// The contract's JSON report (schema_version 1) for one or more replications, keys in the
// contract's order. The number of replications reported is replications.size(); with more than
// one, every number is the mean over replications and `confidence` holds 95% intervals of the
// summary metrics. Counts are integers whenever their value is whole.
[[nodiscard]] nlohmann::ordered_json json_report(
    const ReportContext& context, const std::vector<models::RunResult>& replications);

// The `summary` and `components` objects alone, as used by run reports and by sweep points.
[[nodiscard]] nlohmann::ordered_json summary_json(
    const std::vector<models::RunResult>& replications);
[[nodiscard]] nlohmann::ordered_json components_json(
    const std::vector<models::RunResult>& replications);

}  // namespace stacksim::reports
