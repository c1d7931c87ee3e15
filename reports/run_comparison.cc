#include "reports/run_comparison.h"

#include <algorithm>
#include <filesystem>
#include <set>

namespace stacksim::reports {

std::vector<MetricDifference> metric_differences(const scenario::RunDigest& baseline,
                                                 const scenario::RunDigest& run) {
  std::vector<MetricDifference> metrics;
  auto add = [&](const char* name, double b, double v, bool higher_is_better) {
    MetricDifference m;
    m.name = name;
    m.baseline = b;
    m.value = v;
    m.difference = v - b;
    if (b != 0) m.relative = (v - b) / b;
    m.higher_is_better = higher_is_better;
    metrics.push_back(m);
  };
  add("availability", baseline.availability, run.availability, true);
  add("availability_by_time", baseline.availability_by_time, run.availability_by_time, true);
  add("throughput_rps", baseline.throughput_rps, run.throughput_rps, true);
  add("latency_mean_s", baseline.latency_mean_s, run.latency_mean_s, false);
  add("latency_p50_s", baseline.latency_p50_s, run.latency_p50_s, false);
  add("latency_p99_s", baseline.latency_p99_s, run.latency_p99_s, false);
  add("latency_p999_s", baseline.latency_p999_s, run.latency_p999_s, false);
  add("failed", baseline.failed, run.failed, false);
  return metrics;
}

RunComparison compare_runs(std::vector<ComparedRun> runs) {
  RunComparison comparison;
  comparison.runs = std::move(runs);
  const ComparedRun& base = comparison.runs.front();
  for (std::size_t i = 1; i < comparison.runs.size(); ++i) {
    const ComparedRun& run = comparison.runs[i];
    RunDifferences d;
    d.label = run.label;
    d.baseline = base.label;
    d.metrics = metric_differences(base.digest, run.digest);
    for (const auto& c : run.digest.components) {
      const auto match = std::find_if(base.digest.components.begin(), base.digest.components.end(),
                                      [&](const auto& b) { return b.name == c.name; });
      if (match == base.digest.components.end()) {
        d.only_in_run.push_back(c.name);
      } else {
        d.components.push_back({c.name, match->utilization, c.utilization});
      }
    }
    for (const auto& b : base.digest.components) {
      const bool found = std::any_of(run.digest.components.begin(), run.digest.components.end(),
                                     [&](const auto& c) { return c.name == b.name; });
      if (!found) d.only_in_baseline.push_back(b.name);
    }
    d.bottleneck_changed = run.digest.bottleneck != base.digest.bottleneck;
    comparison.differences.push_back(std::move(d));
  }
  return comparison;
}

std::vector<std::string> comparison_labels(const std::vector<ComparedRun>& runs,
                                           const std::vector<std::string>& given) {
  if (given.size() == runs.size()) return given;
  auto unique = [](const std::vector<std::string>& labels) {
    return std::set<std::string>(labels.begin(), labels.end()).size() == labels.size();
  };
  std::vector<std::string> labels;
  for (const auto& r : runs) labels.push_back(r.digest.scenario_name);
  if (unique(labels)) return labels;
  labels.clear();
  for (const auto& r : runs) labels.push_back(std::filesystem::path(r.source).stem().string());
  if (unique(labels)) return labels;
  labels.clear();
  for (std::size_t i = 0; i < runs.size(); ++i) labels.push_back("run " + std::to_string(i + 1));
  return labels;
}

}  // namespace stacksim::reports
