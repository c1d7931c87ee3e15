#pragma once

#include <string>

#include "findings/what_if_impact.h"
#include "reports/report_context.h"

namespace stacksim::reports {

// The HTML page of `stacksim whatif --html`: what failing each host, component instance and the
// DNS cost, beside what the dependency graph says of it. A header like the other pages, cards
// for the worst target, one pair of bars per target (measured failed share beside the graph's
// structural failing share), the detection and recovery times per target, and a table of every
// target. Reads the measured report only.
[[nodiscard]] std::string html_what_if_report(const findings::WhatIfReport& report,
                                              const ReportContext& context);

}  // namespace stacksim::reports
