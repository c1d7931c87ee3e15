#pragma once

#include <optional>
#include <string>
#include <vector>

#include "models/run_result.h"

// The timeline of a disturbance, read off the per-interval time series: when the queues built
// up, when requests started and stopped failing, and how long the stack took to get back to
// normal afterwards. All times are seconds of measured time (after the warm-up), the clock of
// the time series and of the downtime windows.
namespace stacksim::findings {

// A queue counts as built up when the total over components exceeds this many times the
// baseline, and never below kMinQueueThreshold.
inline constexpr double kQueueBuildFactor = 10.0;
inline constexpr double kMinQueueThreshold = 1.0;
// Latency is back to normal when the interval's p99 is within this factor of the baseline p99.
inline constexpr double kRecoveredP99Factor = 1.5;

struct Timeline {
  // The normal state: medians over the rows before the first row in trouble, a row in trouble
  // being one with failed requests or whose total queue exceeds the threshold computed from the
  // rows before it (kMinQueueThreshold for the first row). Both unset when the first row is
  // already in trouble; the p99 also when no row before the trouble completed a request.
  std::optional<double> baseline_p99_s;
  std::optional<double> baseline_queue_length;
  // max(kMinQueueThreshold, kQueueBuildFactor x baseline queue); kMinQueueThreshold when there
  // is no baseline.
  double queue_threshold = kMinQueueThreshold;

  // Start of the first row whose total queue length exceeds queue_threshold (rows before the
  // first in trouble are never counted).
  std::optional<double> queues_build_at_s;
  // End of the last row whose total queue length exceeds queue_threshold.
  std::optional<double> queues_end_at_s;
  // Start of the first and end of the last row with failed requests.
  std::optional<double> errors_start_at_s;
  std::optional<double> errors_end_at_s;
  // The largest share of the requests ended in a row that failed (failed / (completed +
  // failed)), and the start of the first row where it was reached.
  std::optional<double> peak_error_rate;
  std::optional<double> peak_error_rate_at_s;
  // Start of the first row after the trouble (after errors_end_at_s, else after queues_end_at_s)
  // that completed requests with a p99 within kRecoveredP99Factor x the baseline p99 and whose
  // queue is not above queue_threshold. Unset when that never happened by the end of the run, or
  // when there is no baseline to compare with.
  std::optional<double> recovered_at_s;
  // recovered_at_s minus the end of the trouble (errors_end_at_s, else queues_end_at_s).
  std::optional<double> recovery_s;

  // The first and the last row are both in trouble: a steady state of overload or failure
  // (a box driven near saturation, a database that is always too slow), not a disturbance.
  bool in_trouble_throughout = false;

  // False when neither queues built up nor requests failed, or when the run was in trouble
  // throughout: the timeline has nothing to say.
  [[nodiscard]] bool has_news() const {
    return !in_trouble_throughout &&
           (queues_build_at_s.has_value() || errors_start_at_s.has_value());
  }
};

// The timeline of one time series (rows in time order).
[[nodiscard]] Timeline compute_timeline(const std::vector<models::IntervalRow>& series);

// The timeline of the first replication: a spike happens at different moments in different
// replications' noise, and averaging the moments would describe none of them. Empty (no news)
// without replications.
[[nodiscard]] Timeline timeline_of(const std::vector<models::RunResult>& replications);

}  // namespace stacksim::findings
