#pragma once

#include <nlohmann/json.hpp>

#include "reports/report_context.h"
#include "findings/what_if_impact.h"

namespace stacksim::reports {

// The what-if report: the common header, the failure's start and window, and "targets", one
// object per host or component instance with "target", "kind", "failed", "failed_share",
// "p99_s", "detected_after_s", "recovered_after_s" and "structural_failing_share" (null where
// the report has no value), plus "offered" and "baseline_failed".
[[nodiscard]] nlohmann::ordered_json what_if_json(const ReportContext& context,
                                                  const findings::WhatIfReport& report);

}  // namespace stacksim::reports
