#include "reports/lab_grading.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "reports/downtime_summary.h"
#include "reports/replication_summary.h"
#include "reports/text_format.h"
#include "reports/timeline.h"  // kRecoveredP99Factor

namespace stacksim::reports {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kNanos = 1e9;
// A host whose memory demand exceeded its size for more than this share of the time is short of
// memory, whatever its CPU says.
constexpr double kMemoryShortShare = 0.01;
// A host whose cores are busy this share of the time limits whatever runs on it.
constexpr double kCpuSaturated = 0.9;
// Below this utilization nothing queues much: a slow response is waiting, not queueing.
constexpr double kSaturated = 0.7;

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

std::string resource_of(const ComponentStats& component) {
  if (component.kind == "app") return "workers";
  if (component.kind == "web" || component.kind == "db" || component.kind == "lb") {
    return "connections";
  }
  return "servers";
}

std::string percent(double share) { return format_percent(share, 1); }

std::string resource_hint(const LimitingResource& limit) {
  const std::string busy = percent(limit.utilization) + " busy";
  if (limit.resource == "memory") {
    return "limited by memory: " + limit.where + " needed more memory than it has " +
           percent(limit.utilization) +
           " of the time (swapping or OOM kills); give it more memory or fewer workers";
  }
  if (limit.resource == "cpu") {
    return "limited by cpu: " + limit.where + "'s cores are " + busy +
           "; more cores, or spread the work over more hosts";
  }
  if (limit.resource == "workers") {
    return "limited by workers: " + limit.where + "'s workers are " + busy +
           "; more workers (if CPU and memory allow), or make what they wait on faster";
  }
  if (limit.resource == "connections") {
    return "limited by connections: " + limit.where + "'s connection slots are " + busy +
           "; raise its connection limit, or make what holds the connections faster";
  }
  return "limited by servers: " + limit.where + "'s servers are " + busy + "; add servers";
}

// A latency goal missed with nothing saturated: the time goes to waits, not queues. Names each
// component's mean response and visits per request, and the round trip a new connection costs.
std::string waiting_hint(const LimitingResource& busiest, const models::ScenarioSpec& spec,
                         const std::vector<models::RunResult>& replications) {
  std::string text = "limited by latency, not capacity: nothing is saturated (the busiest, " +
                     busiest.where + ", is " + percent(busiest.utilization) +
                     " busy); per request the time goes to";
  const auto summary = summarize(replications);
  const double requests_per_s = summary.throughput_rps.mean;
  std::string parts;
  for (const auto& component : mean_components(replications)) {
    if (requests_per_s <= 0.0 || component.throughput_rps <= 0.0) continue;
    const double visits = component.throughput_rps / requests_per_s;
    parts += (parts.empty() ? " " : ", ") + component.name + " " +
             format_seconds(component.mean_response_s) + " x " + format_significant(visits);
  }
  text += parts.empty() ? " round trips" : parts;
  text += " (a component's time includes what it calls)";
  if (spec.network.rtt_ns > 0) {
    text += "; a new TCP connection costs one more round trip of " +
            format_seconds(static_cast<double>(spec.network.rtt_ns) / kNanos) + " (" +
            percent(1.0 - spec.network.keepalive_share) + " of requests open one)";
  }
  return text;
}

// The target that was down longest, and why, for an availability hint. A host wins a tie with
// the components that went down with it: its crash is the cause.
std::string downtime_hint(const models::ScenarioSpec& spec,
                          const std::vector<models::RunResult>& replications) {
  const DowntimeTotals totals = downtime_totals(replications);
  std::string worst;
  double worst_s = 0.0;
  bool worst_is_host = false;
  std::string cause;
  for (const auto& [target, causes] : totals.seconds) {
    double sum = 0.0;
    std::string main_cause;
    for (const auto& [c, seconds] : causes) {
      sum += seconds;
      if (main_cause.empty() || seconds > causes.at(main_cause)) main_cause = c;
    }
    const bool is_host = spec.find_host(target) != nullptr;
    const bool longer = sum > worst_s * (1.0 + 1e-9);
    const bool tie_won_by_host =
        !longer && sum >= worst_s * (1.0 - 1e-9) && is_host && !worst_is_host;
    if (worst.empty() || longer || tie_won_by_host) {
      worst = target;
      worst_s = sum;
      worst_is_host = is_host;
      cause = main_cause;
    }
  }
  if (worst.empty()) {
    return "limited by down: requests failed because a component they needed was down";
  }
  return "limited by down: requests failed while " + worst + " was down (" + cause + ", " +
         format_duration(worst_s) +
         " per run on average); a part whose failure alone stops requests is a single point of "
         "failure (stacksim graph lists them)";
}

// "timeout 1,204 · rejected 17": the mean failed requests per run by cause, most first.
std::string causes_text(const SummaryStats& s) {
  std::vector<std::pair<double, std::string>> causes;
  for (const auto& [cause, count] : s.errors) causes.emplace_back(count, cause);
  std::sort(causes.rbegin(), causes.rend());
  std::string text;
  for (const auto& [count, cause] : causes) {
    if (!text.empty()) text += kFactSeparator;
    text += cause + " " + format_count(count);
  }
  return text;
}

// Most failed requests met something down: their origin is a fault, or their cause says so
// (a balancer left without a healthy backend fails requests as component_down).
bool failures_from_faults(const std::vector<models::RunResult>& replications) {
  double faults = 0.0;
  double down = 0.0;
  double failed = 0.0;
  for (const auto& run : replications) {
    failed += static_cast<double>(run.failed);
    for (const auto& [origin, count] : run.failures_by_origin) {
      if (origin != "overload") faults += static_cast<double>(count);
    }
    for (const auto& [cause, count] : run.errors) {
      if (cause == "component_down" || cause == "dns_failure") down += static_cast<double>(count);
    }
  }
  return std::max(faults, down) > failed / 2;
}

void explain_miss(GoalResult& result, const LabGrade& grade, const models::ScenarioSpec& spec,
                  const std::vector<models::RunResult>& replications) {
  using models::LabMetric;
  const LabMetric metric = result.goal.metric;
  if (metric == LabMetric::kCostPerMonth) {
    result.limiting_resource = "cost";
    const models::CostItem* largest = nullptr;
    for (const auto& item : grade.cost.items) {
      if (largest == nullptr || item.per_month > largest->per_month) largest = &item;
    }
    result.hint =
        "over budget: the design costs " + format_money(grade.cost.total_per_month) + " a month";
    if (largest != nullptr) {
      result.hint += "; the largest item is " + largest->name + " (" + largest->detail + ", " +
                     format_money(largest->per_month) + ")";
    }
    return;
  }
  const bool fault_metric = metric == LabMetric::kAvailability ||
                            metric == LabMetric::kAvailabilityByTime ||
                            metric == LabMetric::kClassAvailability ||
                            metric == LabMetric::kFailed || metric == LabMetric::kLostWrites;
  if (metric == LabMetric::kAvailabilityByTime || metric == LabMetric::kLostWrites ||
      (fault_metric && failures_from_faults(replications))) {
    result.limiting_resource = "down";
    result.hint = downtime_hint(spec, replications);
    return;
  }
  const LimitingResource limit = limiting_resource(replications);
  const bool latency_metric = metric == LabMetric::kLatencyMean ||
                              metric == LabMetric::kLatencyP50 ||
                              metric == LabMetric::kLatencyP95 || metric == LabMetric::kLatencyP99;
  if (latency_metric && limit.resource != "memory" && limit.utilization < kSaturated) {
    result.limiting_resource = "latency";
    result.hint = waiting_hint(limit, spec, replications);
    return;
  }
  result.limiting_resource = limit.resource;
  result.hint = resource_hint(limit);
  if (!replications.empty()) {
    const SummaryStats s = summarize(replications);
    if (s.retry_amplification.mean > 1.2) {
      result.hint +=
          "; retries multiplied the load by " + format_significant(s.retry_amplification.mean);
    }
    if (fault_metric && !s.errors.empty()) result.hint += "; failed requests: " + causes_text(s);
  }
}

}  // namespace

LimitingResource limiting_resource(const std::vector<models::RunResult>& replications) {
  LimitingResource limit;
  if (replications.empty()) return limit;
  const auto hosts = mean_hosts(replications);
  for (const auto& host : hosts) {
    if (host.memory_over_share > kMemoryShortShare && host.memory_over_share > limit.utilization) {
      limit = {"memory", "host " + host.name, host.memory_over_share};
    }
  }
  if (!limit.resource.empty()) return limit;
  // Cores nearly always busy are the cause even when the workers look as busy: they wait for a
  // core while they hold their slot.
  for (const auto& host : hosts) {
    if (host.cpu_utilization >= kCpuSaturated && host.cpu_utilization > limit.utilization) {
      limit = {"cpu", "host " + host.name, host.cpu_utilization};
    }
  }
  if (!limit.resource.empty()) return limit;
  const auto components = mean_components(replications);
  const Bottleneck bottleneck = find_bottleneck(components, hosts);
  limit.utilization = bottleneck.utilization;
  for (const auto& component : components) {
    if (component.name == bottleneck.name) {
      limit.resource = resource_of(component);
      limit.where = component.name;
      return limit;
    }
  }
  limit.resource = "cpu";
  limit.where = bottleneck.name.substr(0, bottleneck.name.size() - 4);  // "host X cpu"
  return limit;
}

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
    if (!result.met) explain_miss(result, grade, spec, replications);
  }
  return grade;
}

}  // namespace stacksim::reports
