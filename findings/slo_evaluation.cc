#include "findings/slo_evaluation.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "sim/time.h"

namespace stacksim::findings {
namespace {

constexpr const char* kCategories[] = {"failures", "maintenance", "overload"};

// part / whole, where a zero whole gives 0 for a zero part and +inf otherwise.
double fraction_of(double part, double whole) {
  if (whole > 0.0) return part / whole;
  return part > 0.0 ? std::numeric_limits<double>::infinity() : 0.0;
}

ErrorBudget error_budget(double target, const SummaryStats& stats) {
  ErrorBudget budget;
  budget.target = target;
  budget.offered = stats.offered.mean;
  budget.budget_requests = (1.0 - target) * stats.offered.mean;
  budget.burned_requests = stats.failed.mean;
  budget.burned_fraction = fraction_of(budget.burned_requests, budget.budget_requests);
  double attributed = 0.0;
  for (const char* category : kCategories) {
    double requests = 0.0;
    for (const auto& [origin, n] : stats.failures_by_origin) {
      if (std::string(budget_category(origin)) == category) requests += n;
    }
    attributed += requests;
    budget.by_category.push_back(
        {category, requests, fraction_of(requests, budget.budget_requests)});
  }
  const double unattributed = budget.burned_requests - attributed;
  if (unattributed > 1e-9 * std::max(1.0, budget.burned_requests)) {
    budget.by_category.push_back(
        {"unattributed", unattributed, fraction_of(unattributed, budget.budget_requests)});
  }
  return budget;
}

SloObjective latency_objective(std::string name, sim::Time target_ns, const Interval& measured,
                               bool any_completed) {
  SloObjective objective{std::move(name), sim::to_seconds(target_ns), std::nullopt, false};
  if (any_completed) {
    objective.measured = measured.mean;
    objective.met = measured.mean <= objective.target;
  }
  return objective;
}

}  // namespace

bool SloEvaluation::met() const {
  return std::all_of(objectives.begin(), objectives.end(),
                     [](const SloObjective& o) { return o.met; });
}

const char* budget_category(const std::string& origin) {
  if (origin == "maintenance") return "maintenance";
  if (origin == "overload" || origin == "slowdown") return "overload";
  return "failures";
}

SloEvaluation evaluate_slo(const models::SloSpec& slo, const SummaryStats& stats) {
  SloEvaluation evaluation;
  if (slo.availability) {
    const double target = *slo.availability;
    const double measured = stats.availability.mean;
    evaluation.objectives.push_back({"availability", target, measured, measured >= target});
    evaluation.error_budget = error_budget(target, stats);
  }
  const bool any_completed = stats.completed.mean > 0.0;
  if (slo.latency_p50_ns) {
    evaluation.objectives.push_back(latency_objective("latency_p50_s", *slo.latency_p50_ns,
                                                      stats.latency_p50_s, any_completed));
  }
  if (slo.latency_p95_ns) {
    evaluation.objectives.push_back(latency_objective("latency_p95_s", *slo.latency_p95_ns,
                                                      stats.latency_p95_s, any_completed));
  }
  if (slo.latency_p99_ns) {
    evaluation.objectives.push_back(latency_objective("latency_p99_s", *slo.latency_p99_ns,
                                                      stats.latency_p99_s, any_completed));
  }
  return evaluation;
}

}  // namespace stacksim::findings
