#include "findings/timeline.h"

#include <algorithm>
#include <cstddef>
#include <functional>
#include <queue>

namespace stacksim::findings {
namespace {

// The median of the values added so far (the mean of the middle two for an even count; unset
// when none), in O(log n) an addition: a max-heap of the lower half and a min-heap of the upper
// half, the lower one at most one longer.
class RunningMedian {
 public:
  void add(double value) {
    if (lower_.empty() || value <= lower_.top()) {
      lower_.push(value);
    } else {
      upper_.push(value);
    }
    if (lower_.size() > upper_.size() + 1) {
      upper_.push(lower_.top());
      lower_.pop();
    } else if (upper_.size() > lower_.size()) {
      lower_.push(upper_.top());
      upper_.pop();
    }
  }
  [[nodiscard]] std::optional<double> value() const {
    if (lower_.empty()) return std::nullopt;
    return lower_.size() > upper_.size() ? lower_.top() : (lower_.top() + upper_.top()) / 2.0;
  }

 private:
  std::priority_queue<double> lower_;
  std::priority_queue<double, std::vector<double>, std::greater<>> upper_;
};

double total_queue(const models::IntervalRow& row) {
  double total = 0.0;
  for (const double q : row.component_queue_length) total += q;
  return total;
}

double threshold_for(const std::optional<double>& baseline_queue) {
  return std::max(kMinQueueThreshold, kQueueBuildFactor * baseline_queue.value_or(0.0));
}

}  // namespace

Timeline compute_timeline(const std::vector<models::IntervalRow>& series) {
  Timeline t;
  const std::size_t n = series.size();
  std::vector<double> queues(n);
  for (std::size_t i = 0; i < n; ++i) queues[i] = total_queue(series[i]);

  // The first row in trouble: one with failed requests, or whose queue exceeds the threshold
  // set by the median queue of the rows before it (kMinQueueThreshold for the first row).
  std::size_t trouble = 0;
  RunningMedian queue_before;
  RunningMedian p99_before;  // of the rows that completed requests: the others have none
  while (trouble < n && series[trouble].failed == 0 &&
         queues[trouble] <= threshold_for(queue_before.value())) {
    queue_before.add(queues[trouble]);
    if (series[trouble].completed > 0) p99_before.add(series[trouble].latency_p99_s);
    ++trouble;
  }

  // Both unset when the first row is already in trouble.
  t.baseline_p99_s = p99_before.value();
  t.baseline_queue_length = queue_before.value();
  t.queue_threshold = threshold_for(t.baseline_queue_length);

  std::optional<std::size_t> last_queue_row;
  std::optional<std::size_t> last_error_row;
  // The rows before the first in trouble are the normal state, none of them failed or built up a
  // queue (even one the final threshold, below an earlier one, would call built up).
  for (std::size_t i = trouble; i < n; ++i) {
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

  if (trouble == 0 && n > 0) {
    t.in_trouble_throughout = series[n - 1].failed > 0 || queues[n - 1] > t.queue_threshold;
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
