#pragma once

#include <optional>
#include <string>
#include <vector>

#include "findings/replication_summary.h"
#include "models/scenario_spec.h"

namespace stacksim::findings {

// One objective of the scenario's SLO against what was measured (means over replications).
struct SloObjective {
  // "availability" (a share of ended requests), or "latency_p50_s", "latency_p95_s",
  // "latency_p99_s" (seconds, of completed requests).
  std::string name;
  double target = 0.0;
  // Absent for a latency when no request completed: nothing to measure, and not met.
  std::optional<double> measured;
  bool met = false;  // availability >= target; latency <= target
};

// Part of the error budget burned by one kind of failure.
struct BudgetBurn {
  std::string category;
  double requests = 0.0;         // failed requests of this category
  double budget_fraction = 0.0;  // requests / budget; +inf when the budget is 0
};

// The error budget of an availability objective over the measured period: the failed requests
// the target allows, (1 - target) x offered, and how much of it the failures used.
struct ErrorBudget {
  double target = 0.0;
  double offered = 0.0;
  double budget_requests = 0.0;
  double burned_requests = 0.0;  // failed requests
  double burned_fraction = 0.0;  // burned / budget; 0 when both are 0, +inf when only the budget is
  // "failures", "maintenance", "overload", in that order, then "unattributed" when some failed
  // requests have no origin (failed exceeds the sum of failures_by_origin).
  std::vector<BudgetBurn> by_category;
};

struct SloEvaluation {
  std::vector<SloObjective> objectives;     // availability, then latency p50, p95, p99: those set
  std::optional<ErrorBudget> error_budget;  // with an availability objective
  [[nodiscard]] bool met() const;           // every objective met (true when there are none)
};

// The budget category of a failure origin (models::RunResult::failures_by_origin): "maintenance"
// for planned downtime; "overload" for "overload" and "slowdown" (too much work for the capacity
// there was); "failures" for everything else (crash, process_crash, cold_restart, network,
// dns_outage, dns_records, and any origin a later fault kind adds).
[[nodiscard]] const char* budget_category(const std::string& origin);

[[nodiscard]] SloEvaluation evaluate_slo(const models::SloSpec& slo, const SummaryStats& stats);

}  // namespace stacksim::findings
