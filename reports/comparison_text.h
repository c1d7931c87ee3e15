#pragma once

#include <string>

#include "reports/run_comparison.h"
#include "reports/text_width.h"

namespace stacksim::reports {

// The terminal report of `stacksim compare`: one column per run (its label), rows for the
// summary metrics and each component's utilisation, then per run after the first its changes
// against the first ("p99 +38.2%").
// With many runs or long labels the tables may be wider than `width`: the runs after the first
// are then left out of them, saying so (their changes follow); kNoWidthLimit: every run.
[[nodiscard]] std::string comparison_text(const RunComparison& comparison,
                                          std::size_t width = kNoWidthLimit);

// How a metric reads in reports: "availability" -> "availability (requests)", "latency_p99_s" ->
// "p99 latency", ...
[[nodiscard]] std::string metric_title(const std::string& name);

// The metric's value as the text report writes it (a percentage, a duration, a count).
[[nodiscard]] std::string format_metric(const std::string& name, double value);

}  // namespace stacksim::reports
