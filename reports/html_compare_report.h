#pragma once

#include <string>

#include "reports/run_comparison.h"

namespace stacksim::reports {

// The HTML page of `stacksim compare --html`: the runs side by side (summary table with the
// differences against the first run, latency percentiles and component utilisation as grouped
// bars) and, overlaid, their time series and latency CDFs. A saved report keeps no time series:
// its CDF is drawn through its percentiles and it is missing from the time-series charts (the
// page says so). Reads the comparison only.
[[nodiscard]] std::string html_compare_report(const RunComparison& comparison,
                                              const std::string& tool_version);

}  // namespace stacksim::reports
