#include "sim/log_histogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace stacksim::sim {

std::uint64_t LogHistogram::bucket_lower(int index) {
  if (index < kSubBuckets) return static_cast<std::uint64_t>(index);
  const int shift = index / kSubBuckets - 1;
  const std::uint64_t sub = static_cast<std::uint64_t>(index % kSubBuckets);
  return (static_cast<std::uint64_t>(kSubBuckets) + sub) << shift;
}

std::uint64_t LogHistogram::bucket_width(int index) {
  if (index < kSubBuckets) return 1;
  return std::uint64_t{1} << (index / kSubBuckets - 1);
}

void LogHistogram::merge(const LogHistogram& other) {
  for (int i = 0; i < kBucketCount; ++i) counts_[i] += other.counts_[i];
  count_ += other.count_;
  sum_ += other.sum_;
  max_ = std::max(max_, other.max_);
  min_ = std::min(min_, other.min_);
}

void LogHistogram::reset() { *this = LogHistogram(); }

double LogHistogram::quantile(double q) const {
  if (count_ == 0) return 0.0;
  q = std::clamp(q, 0.0, 1.0);
  std::uint64_t rank = static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(count_)));
  rank = std::clamp<std::uint64_t>(rank, 1, count_);
  std::uint64_t seen = 0;
  for (int i = 0; i < kBucketCount; ++i) {
    seen += counts_[i];
    if (seen >= rank) {
      const double mid =
          static_cast<double>(bucket_lower(i)) + (static_cast<double>(bucket_width(i)) - 1.0) / 2.0;
      return std::clamp(mid, static_cast<double>(min_), static_cast<double>(max_));
    }
  }
  return static_cast<double>(max_);
}

}  // namespace stacksim::sim
