#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "models/price_spec.h"

namespace stacksim::models {

// The report values a lab goal can bound, each measured per replication.
enum class LabMetric {
  kAvailability,        // completed / (completed + failed)
  kAvailabilityByTime,  // share of time every component a class needs was up
  kClassAvailability,   // one request class's completed / (completed + failed)
  kLatencyMean,         // seconds, completed requests
  kLatencyP50,          // seconds
  kLatencyP95,          // seconds
  kLatencyP99,          // seconds
  kFailed,              // failed requests
  kLostWrites,          // writes lost in database failovers
  kTimeToRecover,       // seconds from the first failure to latency back to normal
  kCostPerMonth,        // the design's monthly bill at the lab's prices (no replications)
};

// One goal: `metric` must stay at most (or at least) `threshold`. The 95% interval over the
// lab's replications must clear the threshold entirely for the goal to be met.
struct LabGoal {
  std::string name;  // what the student reads, e.g. "p50 latency under 150 ms"
  LabMetric metric = LabMetric::kAvailability;
  std::string request_class;  // kClassAvailability only
  bool at_most = true;        // false: at least
  double threshold = 0.0;     // in the metric's unit (seconds, a share, requests, dollars)
  double points = 1.0;
  std::string hint;  // the lab author's advice, shown under a missed goal
};

// A lab's grading rules, as its lab.json states them (the conditions it imposes on the
// student's scenario are applied by the scenario layer before the run).
struct LabSpec {
  std::string id;
  std::string title;
  int replications = 3;
  PriceSpec prices;  // the prices budgets are computed at, whatever the scenario says
  std::vector<LabGoal> goals;
};

// How goals name a metric in lab.json, its unit and what it means, for the grader's messages and
// docs/glossary.md (which a test checks against this table).
enum class LabUnit { kShare, kSeconds, kCount, kDollarsPerMonth };
struct LabMetricInfo {
  LabMetric metric;
  const char* name;  // as lab.json writes it: "latency_p50", ...
  LabUnit unit;
  const char* meaning;  // one plain sentence
};
[[nodiscard]] std::span<const LabMetricInfo> lab_metrics();
[[nodiscard]] const LabMetricInfo& info(LabMetric metric);

// The metric's name as lab.json writes it ("latency_p50", ...).
[[nodiscard]] const char* to_string(LabMetric metric);

}  // namespace stacksim::models
