#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "models/run_result.h"
#include "reports/report_context.h"

namespace stacksim::reports {

// The contract's JSON report (schema_version 1) for one or more replications.
[[nodiscard]] nlohmann::json json_report(const ReportContext& context,
                                         const std::vector<models::RunResult>& replications);

// The `summary` and `components` objects alone, as used by run reports and by sweep points.
[[nodiscard]] nlohmann::json summary_json(const std::vector<models::RunResult>& replications);
[[nodiscard]] nlohmann::json components_json(const std::vector<models::RunResult>& replications);

}  // namespace stacksim::reports
