#include "findings/what_if_impact.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "models/experiment.h"
#include "models/parallel_tasks.h"
#include "models/run_result.h"

namespace stacksim::findings {

namespace {

// What one run measured: over the window, and from the failure to the end of the run.
struct Measured {
  models::RunResult window;
  models::RunResult whole;
};

// The q-quantile (nearest rank) of `values`; 0 when empty.
double quantile(std::vector<double> values, double q) {
  if (values.empty()) return 0.0;
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(values.size())));
  return values[std::min(values.size() - 1, rank == 0 ? 0 : rank - 1)];
}

// What a normal interval looks like in the run without a failure: an interval is normal when
// it fails no more requests and its p99 stays within the factor of what 99% of the normal
// intervals stay under.
struct Normal {
  double max_failed = 0.0;
  double max_p99_s = 0.0;
};

Normal normal_of(const models::RunResult& baseline) {
  std::vector<double> failed;
  std::vector<double> p99;
  for (const auto& row : baseline.series) {
    failed.push_back(static_cast<double>(row.failed));
    if (row.completed > 0) p99.push_back(row.latency_p99_s);
  }
  return {quantile(failed, 0.99), kWhatIfRecoveredP99Factor * quantile(p99, 0.99)};
}

bool normal_row(const models::IntervalRow& row, const Normal& normal) {
  if (static_cast<double>(row.failed) > normal.max_failed) return false;
  return row.completed == 0 || row.latency_p99_s <= normal.max_p99_s;
}

WhatIfTarget measure_target(const WhatIfCandidate& candidate, const Measured& run,
                            const Measured& baseline, const Normal& normal, double window_s) {
  WhatIfTarget out;
  out.target = candidate.target;
  out.kind = candidate.kind;
  out.structural_failing_share = candidate.structural_failing_share;
  out.offered = run.window.offered;
  out.failed = run.whole.failed;
  out.baseline_failed = baseline.whole.failed;
  if (run.window.offered > 0 && out.failed > out.baseline_failed) {
    out.failed_share = std::min(1.0, static_cast<double>(out.failed - out.baseline_failed) /
                                         static_cast<double>(run.window.offered));
  }
  if (run.window.latency_ns.count() > 0) {
    out.p99_s = run.window.latency_ns.quantile(0.99) / 1e9;
  }
  const auto& rows = run.whole.series;
  if (rows.empty()) return out;
  const double origin = rows.front().start_s;
  // Detection: failures during the window that stopped before it ended.
  std::optional<double> last_failing_end;
  bool failing_at_window_end = false;
  for (const auto& row : rows) {
    if (row.start_s - origin >= window_s - 1e-9) break;
    const bool failing = static_cast<double>(row.failed) > normal.max_failed;
    if (failing) last_failing_end = row.end_s - origin;
    failing_at_window_end = failing;
  }
  if (last_failing_end && !failing_at_window_end) out.detected_after_s = *last_failing_end;
  // Recovery: the end of the last interval that was not normal.
  std::optional<double> last_abnormal_end;
  for (const auto& row : rows) {
    if (!normal_row(row, normal)) last_abnormal_end = row.end_s - origin;
  }
  if (!last_abnormal_end) {
    out.recovered_after_s = 0.0;
  } else if (normal_row(rows.back(), normal)) {
    out.recovered_after_s = *last_abnormal_end;
  }
  return out;
}

}  // namespace

WhatIfReport measure_what_if(const models::ScenarioSpec& spec,
                             const std::vector<WhatIfCandidate>& candidates,
                             const WhatIfOptions& options) {
  const sim::Time at = options.at_ns.value_or(spec.warmup_ns);
  if (at < 0) throw std::invalid_argument("what-if: the failure must start at or after 0");
  if (options.window_ns <= 0) throw std::invalid_argument("what-if: the window must be positive");
  const sim::Time interval = std::min<sim::Time>(sim::kNanosPerSecond, options.window_ns / 10);

  // The runs: the scenario as it is, measured from `at` for two windows, then once per target
  // with that target crashed over the first window.
  models::ScenarioSpec base = spec;
  base.warmup_ns = at;
  base.duration_ns = 2 * options.window_ns;
  base.report_interval_ns = std::max<sim::Time>(1, interval);
  std::vector<models::ScenarioSpec> specs(candidates.size() + 1, base);
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    models::FaultSpec crash;
    crash.kind = models::FaultSpec::Kind::kCrash;
    crash.target = candidates[i].target;
    crash.windows.push_back({at, options.window_ns});
    specs[i + 1].faults.push_back(std::move(crash));
  }

  std::vector<std::optional<Measured>> runs(specs.size());
  models::run_parallel_tasks(
      specs.size(), options.threads, options.interrupt, [&](std::size_t task) {
        auto results =
            models::run_replication_with_checkpoints(specs[task], 0, {at + options.window_ns});
        runs[task] = Measured{std::move(results.front()), std::move(results.back())};
      });

  WhatIfReport report;
  report.at_s = sim::to_seconds(at);
  report.window_s = sim::to_seconds(options.window_ns);
  report.observed_s = sim::to_seconds(base.duration_ns);
  report.interval_s = sim::to_seconds(base.report_interval_ns);
  if (!runs.front()) {
    report.interrupted = true;
    return report;
  }
  const Measured& baseline = *runs.front();
  if (baseline.window.latency_ns.count() > 0) {
    report.baseline_p99_s = baseline.window.latency_ns.quantile(0.99) / 1e9;
  }
  const Normal normal = normal_of(baseline.whole);
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (!runs[i + 1]) {
      report.interrupted = true;
      continue;
    }
    report.targets.push_back(
        measure_target(candidates[i], *runs[i + 1], baseline, normal, report.window_s));
  }
  return report;
}

}  // namespace stacksim::findings
