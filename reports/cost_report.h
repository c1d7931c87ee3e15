#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "models/monthly_cost.h"

namespace stacksim::reports {

// "Cost       $246.00 a month: server1 (4 cores, 8 GiB) $117.04 · lb (managed load balancer)
// $18.25\n": the line the text report of a run with prices prints.
[[nodiscard]] std::string cost_text(const models::MonthlyCost& cost);

// {"total_per_month", "items": [{"name", "detail", "per_month"}]}: the run report's `cost`.
[[nodiscard]] nlohmann::ordered_json cost_json(const models::MonthlyCost& cost);

}  // namespace stacksim::reports
