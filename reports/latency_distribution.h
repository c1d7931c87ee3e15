#pragma once

#include <vector>

#include "sim/log_histogram.h"

// The shape of the latency of completed requests, read off the log histogram, for the pictures
// of the HTML reports: a histogram with log-spaced bins and the cumulative distribution.
namespace stacksim::reports {

struct LatencyBin {
  double lower_s = 0.0;
  double upper_s = 0.0;
  double share = 0.0;  // of all completed requests
};

struct LatencyDistribution {
  std::vector<LatencyBin> bins;  // in order, adjacent, covering [min, max]; empty when no value
  // The cumulative share of requests at or below each bin's upper edge, aligned with bins: the
  // CDF at the resolution of the bins (the last is 1).
  std::vector<double> cumulative;
  double p50_s = 0.0, p90_s = 0.0, p99_s = 0.0, p999_s = 0.0;
  std::uint64_t count = 0;
};

// At most `max_bins` bins, equally wide on a log scale between the smallest and the largest
// value (a histogram bucket counts in the bin holding its midpoint, clamped to [min, max]). A
// single distinct value gives one bin.
[[nodiscard]] LatencyDistribution latency_distribution(const sim::LogHistogram& latency_ns,
                                                       int max_bins = 50);

}  // namespace stacksim::reports
