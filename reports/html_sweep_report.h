#pragma once

#include <string>
#include <vector>

#include "reports/capacity_report.h"
#include "reports/report_context.h"
#include "reports/sweep_grid.h"

namespace stacksim::reports {

// The HTML page of `stacksim sweep --html`: the capacity report drawn. Throughput and latency
// percentiles against the first axis (one line per combination of the other axes), the latency
// target and the saturation point marked, availability and the bottleneck per point, and over a
// resource count the Universal Scalability Law curve through the measured points with sigma,
// kappa and N* explained in words. Reads the capacity report only.
[[nodiscard]] std::string html_sweep_report(const ReportContext& context,
                                            const std::vector<SweepAxis>& axes,
                                            const CapacityReport& capacity, bool interrupted);

}  // namespace stacksim::reports
