#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>

#include "reports/report_context.h"

// The keys every run and sweep report starts with, in the contract's order.
namespace stacksim::reports {

// {"schema_version": 1, "tool_version", "scenario": {"name", "sha256", "file"}, "seed",
// "duration_s", "warmup_s", "replications"}.
[[nodiscard]] nlohmann::ordered_json report_header_json(const ReportContext& context,
                                                        std::size_t replications);

}  // namespace stacksim::reports
