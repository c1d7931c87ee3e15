#include "models/lab_spec.h"

#include <array>

namespace stacksim::models {

namespace {

constexpr std::array<LabMetricInfo, 11> kMetrics = {{
    {LabMetric::kAvailability, "availability", LabUnit::kShare,
     "The share of finished requests that succeeded: completed / (completed + failed)."},
    {LabMetric::kAvailabilityByTime, "availability_by_time", LabUnit::kShare,
     "The share of measured time during which every component a request class needs was up, "
     "weighted by the classes' weights."},
    {LabMetric::kClassAvailability, "class_availability", LabUnit::kShare,
     "The availability of one request class (the goal's \"class\"), e.g. checkout."},
    {LabMetric::kLatencyMean, "latency_mean", LabUnit::kSeconds,
     "The mean response time of the completed requests, as the browser sees it."},
    {LabMetric::kLatencyP50, "latency_p50", LabUnit::kSeconds,
     "The median response time: half the completed requests took less."},
    {LabMetric::kLatencyP95, "latency_p95", LabUnit::kSeconds,
     "The response time 95% of the completed requests stayed under."},
    {LabMetric::kLatencyP99, "latency_p99", LabUnit::kSeconds,
     "The response time 99% of the completed requests stayed under: the slow tail."},
    {LabMetric::kFailed, "failed", LabUnit::kCount,
     "Requests that ended in an error, whatever the cause."},
    {LabMetric::kLostWrites, "lost_writes", LabUnit::kCount,
     "Writes a database primary had acknowledged but lost when a replica that had not received "
     "them yet was promoted."},
    {LabMetric::kTimeToRecover, "time_to_recover", LabUnit::kSeconds,
     "From the first failed request until latency is back to its level before the failures: 0 "
     "without failures, infinite when it never comes back."},
    {LabMetric::kCostPerMonth, "cost_per_month", LabUnit::kDollarsPerMonth,
     "What the design's hosts and managed parts cost per month at the lab's prices."},
}};

}  // namespace

std::span<const LabMetricInfo> lab_metrics() { return kMetrics; }

const LabMetricInfo& info(LabMetric metric) {
  for (const LabMetricInfo& entry : kMetrics) {
    if (entry.metric == metric) return entry;
  }
  return kMetrics.front();
}

const char* to_string(LabMetric metric) { return info(metric).name; }

}  // namespace stacksim::models
