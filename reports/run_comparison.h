#pragma once

#include <optional>
#include <string>
#include <vector>

#include "models/run_result.h"
#include "scenario/run_report_reader.h"

// `stacksim compare`: several runs side by side (a single server against a load-balanced pair, a
// restart against a rolling deploy), each against the first, the baseline.
namespace stacksim::reports {

// One input of a comparison.
struct ComparedRun {
  std::string label;       // --labels, else the scenario's name (the file's stem when two clash)
  std::string source;      // the file it came from
  bool simulated = false;  // a scenario run by compare; false for a saved report
  scenario::RunDigest digest;
  // The first replication of a simulated input, for its time series and latency distribution;
  // absent for a saved report, which keeps neither.
  std::optional<models::RunResult> first_replication;
};

// One metric of a run against the baseline's.
struct MetricDifference {
  std::string name;  // "availability", "latency_p99_s", ... (the digest's field)
  double baseline = 0.0;
  double value = 0.0;
  double difference = 0.0;         // value - baseline
  std::optional<double> relative;  // difference / baseline; absent when baseline is 0
  bool higher_is_better = true;
};

// A component in both runs, its utilisation against the baseline's.
struct ComponentDifference {
  std::string name;
  double baseline_utilization = 0.0;
  double utilization = 0.0;
};

struct RunDifferences {
  std::string label;     // the run
  std::string baseline;  // the first run's label
  std::vector<MetricDifference> metrics;
  std::vector<ComponentDifference> components;  // in the run's order, those the baseline has
  std::vector<std::string> only_in_run;         // components the baseline lacks
  std::vector<std::string> only_in_baseline;    // components the run lacks
  bool bottleneck_changed = false;
};

struct RunComparison {
  std::vector<ComparedRun> runs;
  std::vector<RunDifferences> differences;  // one per run after the first
};

// The metrics compared, in order: availability, availability_by_time, throughput_rps,
// latency_mean_s, latency_p50_s, latency_p99_s, latency_p999_s, failed.
[[nodiscard]] std::vector<MetricDifference> metric_differences(const scenario::RunDigest& baseline,
                                                               const scenario::RunDigest& run);

// Compares every run with the first. Requires at least one run.
[[nodiscard]] RunComparison compare_runs(std::vector<ComparedRun> runs);

// Labels for runs: `given` when it has one per run, else each scenario name, replaced by the
// source file's stem when two runs share a name (and by "run N" when those clash too).
[[nodiscard]] std::vector<std::string> comparison_labels(const std::vector<ComparedRun>& runs,
                                                         const std::vector<std::string>& given);

}  // namespace stacksim::reports
