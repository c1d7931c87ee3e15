#include "findings/timeline.h"

#include <algorithm>
#include <cstddef>
#include <optional>

namespace stacksim::findings {
namespace {

double total_queue(const models::IntervalRow& row) {
  double total = 0.0;
  for (const double q : row.component_queue_length) total += q;
  return total;
}

// The q-quantile, interpolated linearly between the sorted values at (n - 1) q; unset for none.
std::optional<double> quantile(std::vector<double> values, double q) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const double at = q * static_cast<double>(values.size() - 1);
  const auto below = static_cast<std::size_t>(at);
  if (below + 1 >= values.size()) return values.back();
  return values[below] + (at - static_cast<double>(below)) * (values[below + 1] - values[below]);
}

}  // namespace

Timeline compute_timeline(const std::vector<models::IntervalRow>& series) {
  Timeline t;
  const std::size_t n = series.size();
  if (n == 0) return t;
  std::vector<double> queues(n);
  for (std::size_t i = 0; i < n; ++i) queues[i] = total_queue(series[i]);
  t.baseline_queue_length = quantile(queues, 0.25);
  t.queue_threshold = std::max(kMinQueueThreshold, kQueueBuildFactor * *t.baseline_queue_length);
  std::vector<double> normal_p99s;  // of the rows not in trouble that completed requests
  for (std::size_t i = 0; i < n; ++i) {
    const models::IntervalRow& row = series[i];
    if (row.failed == 0 && queues[i] <= t.queue_threshold && row.completed > 0) {
      normal_p99s.push_back(row.latency_p99_s);
    }
  }
  t.baseline_p99_s = quantile(std::move(normal_p99s), 0.5);

  auto in_trouble = [&](std::size_t i) {
    return series[i].failed > 0 || queues[i] > t.queue_threshold;
  };
  t.in_trouble_throughout = in_trouble(0) && in_trouble(n - 1);

  std::optional<std::size_t> last_queue_row;
  std::optional<std::size_t> last_error_row;
  for (std::size_t i = 0; i < n; ++i) {
    const models::IntervalRow& row = series[i];
    if (queues[i] > t.queue_threshold) {
      if (!t.queues_build_at_s) t.queues_build_at_s = row.start_s;
      t.queues_end_at_s = row.end_s;
      last_queue_row = i;
    }
    if (row.failed > 0) {
      if (!t.errors_start_at_s) t.errors_start_at_s = row.start_s;
      t.errors_end_at_s = row.end_s;
      last_error_row = i;
      const double rate = row.error_rate();
      if (!t.peak_error_rate || rate > *t.peak_error_rate) {
        t.peak_error_rate = rate;
        t.peak_error_rate_at_s = row.start_s;
      }
    }
  }

  // Recovery is counted from the end of the errors, or of the queue build-up without errors.
  const std::optional<std::size_t> last_trouble_row =
      last_error_row ? last_error_row : last_queue_row;
  if (last_trouble_row && t.baseline_p99_s) {
    const double trouble_end_s = series[*last_trouble_row].end_s;
    for (std::size_t i = *last_trouble_row + 1; i < n; ++i) {
      const models::IntervalRow& row = series[i];
      if (row.completed > 0 && row.latency_p99_s <= kRecoveredP99Factor * *t.baseline_p99_s &&
          queues[i] <= t.queue_threshold) {
        t.recovered_at_s = row.start_s;
        t.recovery_s = row.start_s - trouble_end_s;
        break;
      }
    }
  }
  return t;
}

Timeline timeline_of(const std::vector<models::RunResult>& replications) {
  if (replications.empty()) return Timeline{};
  return compute_timeline(replications.front().series);
}

}  // namespace stacksim::findings
