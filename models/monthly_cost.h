#pragma once

#include <string>
#include <vector>

#include "models/price_spec.h"
#include "models/scenario_spec.h"

namespace stacksim::models {

// One item of a design's monthly bill: a host (its cores and memory) or a managed part.
struct CostItem {
  std::string name;    // the host's or the component's name
  std::string detail;  // "4 cores, 8 GiB" or "managed load balancer"
  double per_month = 0.0;
};

// A design's monthly bill at `prices`: one item per host, in scenario order, then one per lb
// component placed on no host.
struct MonthlyCost {
  std::vector<CostItem> items;
  double total_per_month = 0.0;
};

// The bill of `spec` at `prices`. A host without a modelled memory size is billed for its cores
// only.
[[nodiscard]] MonthlyCost monthly_cost(const ScenarioSpec& spec, const PriceSpec& prices);

}  // namespace stacksim::models
