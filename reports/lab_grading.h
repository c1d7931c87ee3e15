#pragma once

#include <string>
#include <vector>

#include "models/lab_spec.h"
#include "models/monthly_cost.h"
#include "models/run_result.h"
#include "models/scenario_spec.h"

// Grading a lab submission: each goal's metric measured over the lab's replications, judged by
// one rule, and, for a missed goal, a hint naming what limited the design.
namespace stacksim::reports {

// The replication rule: a goal is met when the whole 95% interval (Student t over the
// replications) of its metric lies on the goal's side of the threshold, so that a design does
// not pass or fail by the luck of one seed. The cost has no interval (it is not random).
struct GoalResult {
  models::LabGoal goal;
  double mean = 0.0;
  double low = 0.0;  // the 95% interval; both equal the mean for the cost
  double high = 0.0;
  bool met = false;
  double score = 0.0;  // goal.points when met, else 0
  // For a missed goal: which resource limited the design ("cpu", "memory", "workers",
  // "connections", "backlog", "servers", "down"; "latency" for a latency goal missed with
  // nothing more than 70% busy; "cost" for a budget), and a sentence that teaches.
  std::string limiting_resource;
  std::string hint;
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

// The resource a run's most utilized part stands for: "memory" when a host's memory was over its
// size more than 1% of the time, "cpu" when a host's cores were 90% busy or more (or are the most
// utilized part), else the most utilized component's: "workers" for app workers,
// "connections" for web, db and lb slots, "servers" for stations and DNS, "down" when failures
// came from faults rather than overload.
struct LimitingResource {
  std::string resource;
  std::string where;  // "app", "host server1", ...
  double utilization = 0.0;
};
[[nodiscard]] LimitingResource limiting_resource(
    const std::vector<models::RunResult>& replications);

}  // namespace stacksim::reports
