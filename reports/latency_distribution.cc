#include "reports/latency_distribution.h"

#include <algorithm>
#include <cmath>

#include "sim/time.h"

namespace stacksim::reports {

LatencyDistribution latency_distribution(const sim::LogHistogram& latency_ns, int max_bins) {
  LatencyDistribution d;
  d.count = latency_ns.count();
  if (d.count == 0 || max_bins < 1) return d;
  d.p50_s = latency_ns.quantile(0.50) / 1e9;
  d.p90_s = latency_ns.quantile(0.90) / 1e9;
  d.p99_s = latency_ns.quantile(0.99) / 1e9;
  d.p999_s = latency_ns.quantile(0.999) / 1e9;
  // Work in nanoseconds, at least 1 so that the log scale is defined.
  const double lo = std::max<double>(1.0, static_cast<double>(latency_ns.min()));
  const double hi = std::max<double>(lo, static_cast<double>(latency_ns.max()));
  const int bins = hi > lo ? max_bins : 1;
  const double log_lo = std::log(lo);
  const double step = bins > 1 ? (std::log(hi) - log_lo) / bins : 1.0;
  std::vector<double> counts(static_cast<std::size_t>(bins), 0.0);
  for (int i = 0; i < sim::LogHistogram::kBucketCount; ++i) {
    const std::uint64_t n = latency_ns.bucket_count(i);
    if (n == 0) continue;
    const double mid = static_cast<double>(sim::LogHistogram::bucket_lower(i)) +
                       static_cast<double>(sim::LogHistogram::bucket_width(i)) / 2;
    const double v = std::clamp(mid, lo, hi);
    int bin = bins > 1 ? static_cast<int>((std::log(v) - log_lo) / step) : 0;
    bin = std::clamp(bin, 0, bins - 1);
    counts[static_cast<std::size_t>(bin)] += static_cast<double>(n);
  }
  double cumulative = 0.0;
  const double total = static_cast<double>(d.count);
  for (int b = 0; b < bins; ++b) {
    LatencyBin bin;
    bin.lower_s = (bins > 1 ? std::exp(log_lo + step * b) : lo) / 1e9;
    bin.upper_s = (bins > 1 ? std::exp(log_lo + step * (b + 1)) : hi) / 1e9;
    bin.share = counts[static_cast<std::size_t>(b)] / total;
    cumulative += bin.share;
    d.bins.push_back(bin);
    d.cumulative.push_back(std::min(cumulative, 1.0));
  }
  if (!d.cumulative.empty()) d.cumulative.back() = 1.0;
  return d;
}

}  // namespace stacksim::reports
