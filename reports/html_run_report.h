#pragma once

#include <string>
#include <vector>

#include "models/run_result.h"
#include "models/scenario_spec.h"
#include "reports/report_context.h"

namespace stacksim::reports {

// The HTML page of `stacksim run --html`: one self-contained document (reports/html_page.h)
// with the run's header and verdict cards (availability by requests and by time, the SLO,
// throughput, latency, the bottleneck), the architecture drawn (reports/architecture_diagram.h),
// the time series of the first replication with its downtime shaded and the timeline's events
// marked, the latency distribution of all replications, and the tables of the text report;
// with several replications, 95% intervals as error bars. Reads the spec (for the picture) and
// the results, nothing else.
[[nodiscard]] std::string html_run_report(const ReportContext& context,
                                          const models::ScenarioSpec& spec,
                                          const std::vector<models::RunResult>& replications);

}  // namespace stacksim::reports
