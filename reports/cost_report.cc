#include "reports/cost_report.h"

#include "reports/text_format.h"

namespace stacksim::reports {

std::string cost_text(const models::MonthlyCost& cost) {
  std::string items;
  for (const auto& item : cost.items) {
    if (!items.empty()) items += kFactSeparator;
    items += item.name + " (" + item.detail + ") " + format_money(item.per_month);
  }
  std::string text = format_money(cost.total_per_month) + " a month";
  if (!items.empty()) text += ": " + items;
  return section_line("Cost", text);
}

nlohmann::ordered_json cost_json(const models::MonthlyCost& cost) {
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  for (const auto& item : cost.items) {
    items.push_back({{"name", item.name}, {"detail", item.detail}, {"per_month", item.per_month}});
  }
  return {{"total_per_month", cost.total_per_month}, {"items", std::move(items)}};
}

}  // namespace stacksim::reports
