#include "findings/lab_grading.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "findings/bottleneck.h"
#include "findings/downtime_summary.h"
#include "findings/replication_summary.h"
#include "findings/timeline.h"  // kRecoveredP99Factor

namespace stacksim::findings {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kNanos = 1e9;

double class_availability(const models::RunResult& run, const std::string& name) {
  for (const auto& c : run.classes) {
    if (c.name != name) continue;
    const auto ended = c.completed + c.failed;
    return ended ? static_cast<double>(c.completed) / static_cast<double>(ended) : 1.0;
  }
  return 0.0;  // a class the run never saw counts as never served
}

// From the first interval with a failed request to the first interval after the last one whose
// p99 is back within kRecoveredP99Factor of its median before the failures: 0 without failures,
// infinite when it never comes back (or failed from the first interval on).
double time_to_recover_s(const models::RunResult& run) {
  const auto& rows = run.series;
  std::size_t first = 0;
  while (first < rows.size() && rows[first].failed == 0) ++first;
  if (first == rows.size()) return 0.0;
  std::vector<double> before;
  for (std::size_t i = 0; i < first; ++i) {
    if (rows[i].completed > 0) before.push_back(rows[i].latency_p99_s);
  }
  if (before.empty()) return kInfinity;
  std::nth_element(before.begin(), before.begin() + before.size() / 2, before.end());
  const double baseline_p99_s = before[before.size() / 2];
  std::size_t last = rows.size() - 1;
  while (rows[last].failed == 0) --last;
  for (std::size_t i = last + 1; i < rows.size(); ++i) {
    if (rows[i].completed > 0 && rows[i].latency_p99_s <= kRecoveredP99Factor * baseline_p99_s) {
      return rows[i].start_s - rows[first].start_s;
    }
  }
  return kInfinity;
}

double measure(const models::LabGoal& goal, const models::RunResult& run) {
  using models::LabMetric;
  switch (goal.metric) {
    case LabMetric::kAvailability:
      return run.availability();
    case LabMetric::kAvailabilityByTime:
      return run.availability_by_time;
    case LabMetric::kClassAvailability:
      return class_availability(run, goal.request_class);
    case LabMetric::kLatencyMean:
      return run.latency_ns.mean() / kNanos;
    case LabMetric::kLatencyP50:
      return run.latency_ns.quantile(0.50) / kNanos;
    case LabMetric::kLatencyP95:
      return run.latency_ns.quantile(0.95) / kNanos;
    case LabMetric::kLatencyP99:
      return run.latency_ns.quantile(0.99) / kNanos;
    case LabMetric::kFailed:
      return static_cast<double>(run.failed);
    case LabMetric::kLostWrites:
      return static_cast<double>(run.lost_writes);
    case LabMetric::kTimeToRecover:
      return time_to_recover_s(run);
    case LabMetric::kCostPerMonth:
      return 0.0;  // not measured per replication
  }
  return 0.0;
}

// The target down longest; a host wins a tie with the components that went down with it (its
// crash is the cause).
void find_longest_down(const models::ScenarioSpec& spec,
                       const std::vector<models::RunResult>& replications, MissExplanation& why) {
  const DowntimeTotals totals = downtime_totals(replications);
  bool worst_is_host = false;
  for (const auto& [target, causes] : totals.seconds) {
    double sum = 0.0;
    std::string main_cause;
    for (const auto& [cause, seconds] : causes) {
      sum += seconds;
      if (main_cause.empty() || seconds > causes.at(main_cause)) main_cause = cause;
    }
    const bool is_host = spec.find_host(target) != nullptr;
    const bool longer = sum > why.down_s * (1.0 + 1e-9);
    const bool tie_to_host =
        !longer && sum >= why.down_s * (1.0 - 1e-9) && is_host && !worst_is_host;
    if (why.down_target.empty() || longer || tie_to_host) {
      why.down_target = target;
      why.down_cause = main_cause;
      why.down_s = sum;
      worst_is_host = is_host;
    }
  }
}

bool is_latency(models::LabMetric metric) {
  using models::LabMetric;
  return metric == LabMetric::kLatencyMean || metric == LabMetric::kLatencyP50 ||
         metric == LabMetric::kLatencyP95 || metric == LabMetric::kLatencyP99;
}

// The main cause of `target`'s downtime over the replications.
std::string main_down_cause(const DowntimeTotals& totals, const std::string& target) {
  const auto found = totals.seconds.find(target);
  if (found == totals.seconds.end()) return "";
  std::string cause;
  double longest = 0.0;
  for (const auto& [name, seconds] : found->second) {
    if (cause.empty() || seconds > longest) {
      cause = name;
      longest = seconds;
    }
  }
  return cause;
}

MissExplanation explain_miss(const models::LabGoal& goal, const LabGrade& grade,
                             const models::ScenarioSpec& spec,
                             const std::vector<models::RunResult>& replications) {
  using models::LabMetric;
  MissExplanation why;
  if (goal.metric == LabMetric::kCostPerMonth) {
    why.resource = "cost";
    for (const auto& item : grade.cost.items) {
      if (item.per_month > why.largest_item.per_month) why.largest_item = item;
    }
    return why;
  }
  // The report's bottleneck, so that the hint names what `stacksim run` does.
  why.bottleneck = find_bottleneck(replications);
  why.resource = why.bottleneck.resource;
  if (why.bottleneck.resource == "down") {
    why.down_target = why.bottleneck.name;
    why.down_cause = main_down_cause(downtime_totals(replications), why.bottleneck.name);
    why.down_s = why.bottleneck.down_s;
    return why;
  }
  // Time up and lost writes are about downtime, whatever limits the load.
  if (goal.metric == LabMetric::kAvailabilityByTime || goal.metric == LabMetric::kLostWrites) {
    why.resource = "down";
    find_longest_down(spec, replications, why);
    return why;
  }
  const SummaryStats s = summarize(replications);
  if (is_latency(goal.metric) && why.bottleneck.because == "busiest") {
    // Nothing limits yet: the time goes to the path itself, not to queueing.
    why.resource = "latency";
    const double requests_per_s = s.throughput_rps.mean;
    for (const auto& component : mean_components(replications)) {
      if (requests_per_s <= 0.0 || component.throughput_rps <= 0.0) continue;
      why.times.push_back(
          {component.name, component.mean_response_s, component.throughput_rps / requests_per_s});
    }
    why.rtt_s = static_cast<double>(spec.network.rtt_ns) / kNanos;
    why.new_connection_share = 1.0 - spec.network.keepalive_share;
    return why;
  }
  why.retry_amplification = s.retry_amplification.mean;
  if (goal.metric == LabMetric::kAvailability || goal.metric == LabMetric::kClassAvailability ||
      goal.metric == LabMetric::kFailed) {
    for (const auto& [cause, count] : s.errors) why.failure_causes.emplace_back(cause, count);
    std::sort(why.failure_causes.begin(), why.failure_causes.end(),
              [](const auto& a, const auto& b) { return a.second > b.second; });
  }
  return why;
}

}  // namespace

LabGrade grade_lab(const models::LabSpec& lab, const models::ScenarioSpec& spec,
                   const std::vector<models::RunResult>& replications) {
  LabGrade grade;
  grade.lab_id = lab.id;
  grade.lab_title = lab.title;
  grade.replications = static_cast<int>(replications.size());
  grade.cost = models::monthly_cost(spec, lab.prices);
  for (const models::LabGoal& goal : lab.goals) {
    GoalResult result;
    result.goal = goal;
    if (goal.metric == models::LabMetric::kCostPerMonth) {
      result.mean = result.low = result.high = grade.cost.total_per_month;
    } else {
      std::vector<double> values;
      for (const auto& run : replications) values.push_back(measure(goal, run));
      if (std::any_of(values.begin(), values.end(), [](double v) { return !std::isfinite(v); })) {
        result.mean = result.low = result.high = kInfinity;
      } else {
        const Interval interval = mean_interval(values);
        // The interval cannot leave the metric's range: a share stays in [0, 1], counts and
        // times stay at or above 0.
        const double top =
            models::info(goal.metric).unit == models::LabUnit::kShare ? 1.0 : kInfinity;
        result.mean = interval.mean;
        result.low = std::clamp(interval.low(), 0.0, top);
        result.high = std::clamp(interval.high(), 0.0, top);
      }
    }
    result.met = !replications.empty() &&
                 (goal.at_most ? result.high <= goal.threshold : result.low >= goal.threshold);
    result.score = result.met ? goal.points : 0.0;
    grade.score += result.score;
    grade.max_score += goal.points;
    grade.goals.push_back(std::move(result));
  }
  for (auto& result : grade.goals) {
    if (!result.met) result.why = explain_miss(result.goal, grade, spec, replications);
  }
  return grade;
}

}  // namespace stacksim::findings
