#pragma once

#include <string>
#include <vector>

#include "models/run_result.h"
#include "reports/report_context.h"
#include "reports/text_width.h"

namespace stacksim::reports {

// The human summary printed by `stacksim run`: throughput, availability (of requests and of
// time, with the downtime a year at that rate), retries when clients retried, latency
// percentiles, errors by cause and failures by origin, a table of components and hosts, and the
// bottleneck named; then the downtime windows and totals when something was down, the SLO when
// the context has one, and the availability check when the context has a prediction
// (reports/availability_text.h).
// The tables leave out their less essential columns, saying which, to be at most `width`
// columns wide (kNoWidthLimit: every column); the prose is the caller's to wrap (fit_lines).
[[nodiscard]] std::string text_summary(const ReportContext& context,
                                       const std::vector<models::RunResult>& replications,
                                       std::size_t width = kNoWidthLimit);

}  // namespace stacksim::reports
