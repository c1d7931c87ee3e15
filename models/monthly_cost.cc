#include "models/monthly_cost.h"

#include <cstdint>

namespace stacksim::models {

namespace {

std::string describe_size(std::int64_t bytes) {
  constexpr double kGib = 1024.0 * 1024.0 * 1024.0;
  const double gib = static_cast<double>(bytes) / kGib;
  std::string text = std::to_string(gib);
  text.erase(text.find_last_not_of('0') + 1);
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text + " GiB";
}

}  // namespace

MonthlyCost monthly_cost(const ScenarioSpec& spec, const PriceSpec& prices) {
  constexpr double kGib = 1024.0 * 1024.0 * 1024.0;
  MonthlyCost cost;
  for (const HostSpec& host : spec.hosts) {
    CostItem item;
    item.name = host.name;
    item.detail = std::to_string(host.cores) + (host.cores == 1 ? " core" : " cores");
    item.per_month = prices.host_per_month + host.cores * prices.core_per_month;
    if (host.memory_bytes > 0) {
      item.detail += ", " + describe_size(host.memory_bytes);
      item.per_month += static_cast<double>(host.memory_bytes) / kGib * prices.memory_gib_per_month;
    }
    cost.items.push_back(std::move(item));
  }
  for (const ComponentSpec& component : spec.components) {
    if (component.kind != ComponentKind::kLb || !component.host.empty() ||
        !component.instance_hosts.empty()) {
      continue;
    }
    cost.items.push_back({component.name, "managed load balancer", prices.managed_lb_per_month});
  }
  for (const CostItem& item : cost.items) cost.total_per_month += item.per_month;
  return cost;
}

}  // namespace stacksim::models
