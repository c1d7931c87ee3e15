#pragma once

#include <string>

#include "findings/what_if_impact.h"

namespace stacksim::reports {

// The what-if table: per target, the requests failed and their share of the window's traffic,
// the window's p99, when the stack noticed and when it was back to normal, beside the share of
// traffic the dependency graph alone says would fail.
[[nodiscard]] std::string what_if_text(const std::string& scenario_name,
                                       const findings::WhatIfReport& report);

}  // namespace stacksim::reports
