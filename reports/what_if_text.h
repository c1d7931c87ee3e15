#pragma once

#include <string>

#include "findings/what_if_impact.h"
#include "reports/text_width.h"

namespace stacksim::reports {

// The what-if table: per target, the requests failed and their share of the window's traffic,
// the window's p99, when the stack noticed and when it was back to normal, beside the share of
// traffic the dependency graph alone says would fail.
// The table leaves out kind, failed and p99, saying which, to be at most `width` columns wide
// (kNoWidthLimit: every column).
[[nodiscard]] std::string what_if_text(const std::string& scenario_name,
                                       const findings::WhatIfReport& report,
                                       std::size_t width = kNoWidthLimit);

}  // namespace stacksim::reports
