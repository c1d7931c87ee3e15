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

// The median (the mean of the middle two for an even count); unset for none.
std::optional<double> median(std::vector<double> values) {
  if (values.empty()) return std::nullopt;
  const std::size_t mid = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid), values.end());
  const double upper = values[mid];
  if (values.size() % 2 == 1) return upper;
  return (upper + *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid))) / 2.0;
}

}  // namespace

Timeline compute_timeline(const std::vector<models::IntervalRow>& series) {
  Timeline t;
  const std::size_t n = series.size();
  if (n == 0) return t;
  std::vector<double> queues(n);
  std::size_t failing_rows = 0;
  for (std::size_t i = 0; i < n; ++i) {
    queues[i] = total_queue(series[i]);
    if (series[i].failed > 0) ++failing_rows;
  }
  t.baseline_queue_length = median(queues);
  t.queue_threshold = std::max(kMinQueueThreshold, kQueueBuildFactor * *t.baseline_queue_length);
  t.in_trouble_throughout = 2 * failing_rows > n;
  std::vector<double> normal_p99s;  // of the rows not in trouble that completed requests
  for (std::size_t i = 0; i < n; ++i) {
    const models::IntervalRow& row = series[i];
    if (row.failed == 0 && queues[i] <= t.queue_threshold && row.completed > 0) {
      normal_p99s.push_back(row.latency_p99_s);
    }
  }
  t.baseline_p99_s = median(std::move(normal_p99s));

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
