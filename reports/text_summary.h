#pragma once

#include <string>
#include <vector>

#include "models/run_result.h"
#include "reports/report_context.h"

namespace stacksim::reports {

// The human summary printed by `stacksim run`: throughput, availability, latency percentiles,
// errors by cause, a table of components and hosts, and the bottleneck named.
[[nodiscard]] std::string text_summary(const ReportContext& context,
                                       const std::vector<models::RunResult>& replications);

}  // namespace stacksim::reports
