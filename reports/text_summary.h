#pragma once

#include <string>
#include <vector>

#include "models/run_result.h"
#include "reports/report_context.h"

namespace stacksim::reports {

// The human summary printed by `stacksim run`: throughput, availability (of requests and of
// time, with the downtime a year at that rate), retries when clients retried, latency
// percentiles, errors by cause and failures by origin, a table of components and hosts, and the
// bottleneck named; then the downtime windows and totals when something was down, the SLO when
// the context has one, and the availability check when the context has a prediction
// (reports/availability_text.h).
[[nodiscard]] std::string text_summary(const ReportContext& context,
                                       const std::vector<models::RunResult>& replications);

}  // namespace stacksim::reports
