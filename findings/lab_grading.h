#pragma once

#include <string>
#include <utility>
#include <vector>

#include "findings/bottleneck.h"
#include "models/lab_spec.h"
#include "models/monthly_cost.h"
#include "models/run_result.h"
#include "models/scenario_spec.h"

// Grading a lab submission: each goal's metric measured over the lab's replications, judged by
// one rule, and, for a missed goal, what limited the design (reports/lab_report renders it).
namespace stacksim::findings {

// A component's part of a request's time: its mean response and its visits per request.
struct ComponentTime {
  std::string name;
  double mean_response_s = 0.0;
  double visits_per_request = 0.0;
};

// Why a goal was missed, as facts for a hint. `resource` says which of the fields apply: the
// run's bottleneck (findings::find_bottleneck, the report's Bottleneck line) names it: "cpu",
// "memory", "workers", "connections", "backlog", "servers" (bottleneck), "down" (down_target...);
// then "latency" (a latency goal missed while nothing limits yet, the bottleneck only the
// busiest part: times and the network) and "cost" (largest_item).
struct MissExplanation {
  std::string resource;
  Bottleneck bottleneck;
  // down: the bottleneck when it is down, else (an availability-by-time or lost-writes goal) the
  // target down longest over the run (a host wins a tie with its components); its main cause
  // and its mean seconds down per replication.
  std::string down_target;
  std::string down_cause;
  double down_s = 0.0;
  // latency: where a request's time goes, and what a new TCP connection adds.
  std::vector<ComponentTime> times;
  double rtt_s = 0.0;
  double new_connection_share = 0.0;
  // cost: the largest item of the bill.
  models::CostItem largest_item;
  // Any miss from load: attempts per request (above 1 with retries) and, for availability-type
  // goals, the failed requests by cause (mean per replication, most first).
  double retry_amplification = 1.0;
  std::vector<std::pair<std::string, double>> failure_causes;
};

// The replication rule: a goal is met when the whole 95% interval (Student t over the
// replications) of its metric lies on the goal's side of the threshold, so that a design does
// not pass or fail by the luck of one seed. The cost has no interval (it is not random).
struct GoalResult {
  models::LabGoal goal;
  double mean = 0.0;
  double low = 0.0;   // the 95% interval, kept within the metric's range; both equal the mean
  double high = 0.0;  // for the cost; infinite when a replication's value is (never recovered)
  bool met = false;
  double score = 0.0;   // goal.points when met, else 0
  MissExplanation why;  // for a missed goal
};

struct LabGrade {
  std::string lab_id;
  std::string lab_title;
  int replications = 0;
  models::MonthlyCost cost;  // at the lab's prices
  std::vector<GoalResult> goals;
  double score = 0.0;
  double max_score = 0.0;
  [[nodiscard]] bool passed() const {
    for (const auto& g : goals) {
      if (!g.met) return false;
    }
    return true;
  }
};

// Grades `spec` (the submission with the lab's conditions imposed) from its replications.
[[nodiscard]] LabGrade grade_lab(const models::LabSpec& lab, const models::ScenarioSpec& spec,
                                 const std::vector<models::RunResult>& replications);

}  // namespace stacksim::findings
