#include "reports/availability_json.h"

#include "reports/json_numbers.h"

namespace stacksim::reports {

using nlohmann::ordered_json;

ordered_json downtime_json(const std::vector<models::RunResult>& replications) {
  ordered_json windows = ordered_json::array();
  if (replications.empty()) return windows;
  for (const models::DowntimeWindow& w : replications.front().downtime) {
    windows.push_back(ordered_json{{"target", w.target},
                                   {"cause", w.cause},
                                   {"start_s", w.start_s},
                                   {"end_s", w.end_s},
                                   {"duration_s", w.end_s - w.start_s}});
  }
  return windows;
}

ordered_json downtime_by_target_json(const findings::DowntimeTotals& totals) {
  ordered_json j = ordered_json::object();
  for (const auto& [target, causes] : totals.seconds) {
    ordered_json by_cause = ordered_json::object();
    for (const auto& [cause, seconds] : causes) by_cause[cause] = seconds;
    j[target] = std::move(by_cause);
  }
  return j;
}

ordered_json slo_json(const findings::SloEvaluation& evaluation) {
  ordered_json objectives = ordered_json::object();
  for (const findings::SloObjective& o : evaluation.objectives) {
    objectives[o.name] = ordered_json{
        {"target", o.target}, {"measured", optional_or_null(o.measured)}, {"met", o.met}};
  }
  ordered_json j;
  j["met"] = evaluation.met();
  j["objectives"] = std::move(objectives);
  if (evaluation.error_budget) {
    const findings::ErrorBudget& b = *evaluation.error_budget;
    ordered_json by_category = ordered_json::object();
    for (const findings::BudgetBurn& burn : b.by_category) {
      by_category[burn.category] =
          ordered_json{{"requests", count_json(burn.requests)},
                       {"budget_fraction", finite_or_null(burn.budget_fraction)}};
    }
    j["error_budget"] = ordered_json{{"target", b.target},
                                     {"offered", count_json(b.offered)},
                                     {"budget_requests", b.budget_requests},
                                     {"burned_requests", count_json(b.burned_requests)},
                                     {"burned_fraction", finite_or_null(b.burned_fraction)},
                                     {"by_category", std::move(by_category)}};
  }
  return j;
}

ordered_json availability_check_json(const findings::AvailabilityCheck& check) {
  return ordered_json{
      {"method", "ctmc"},
      {"exact", check.exact},
      {"predicted", optional_or_null(check.predicted)},
      {"simulated", check.simulated.mean},
      {"ci_low", check.has_interval ? ordered_json(check.simulated.low()) : nullptr},
      {"ci_high", check.has_interval ? ordered_json(check.simulated.high()) : nullptr},
      {"within_ci", optional_or_null(check.within_ci)},
      {"note", check.note}};
}

}  // namespace stacksim::reports
