#pragma once

#include <array>
#include <bit>
#include <cstdint>

namespace stacksim::sim {

// Histogram of non-negative integer values (nanoseconds) with log-spaced buckets in the manner
// of HdrHistogram: 128 linear sub-buckets per power of two, so any reported quantile is within
// 0.4% of an exact value of the sample (bucket width / value <= 1/128, midpoint reported).
// Memory is fixed (about 58 KiB) whatever the number of values; merging is exact.
class LogHistogram {
 public:
  static constexpr int kSubBucketBits = 7;
  static constexpr int kSubBuckets = 1 << kSubBucketBits;
  static constexpr int kBucketCount = (63 - kSubBucketBits + 1) * kSubBuckets;

  void record(std::int64_t value) {
    if (value < 0) value = 0;
    ++counts_[index_of(static_cast<std::uint64_t>(value))];
    ++count_;
    sum_ += static_cast<double>(value);
    if (value > max_) max_ = value;
    if (value < min_) min_ = value;
  }
  void merge(const LogHistogram& other);
  void reset();

  [[nodiscard]] std::uint64_t count() const { return count_; }
  [[nodiscard]] double mean() const { return count_ ? sum_ / static_cast<double>(count_) : 0.0; }
  [[nodiscard]] std::int64_t max() const { return count_ ? max_ : 0; }
  [[nodiscard]] std::int64_t min() const { return count_ ? min_ : 0; }
  // The q-quantile (0 <= q <= 1) by nearest rank, as the midpoint of its bucket clamped to
  // [min, max]; 0 when empty.
  [[nodiscard]] double quantile(double q) const;

  // Bucket geometry, exposed for tests.
  [[nodiscard]] static int index_of(std::uint64_t value) {
    if (value < static_cast<std::uint64_t>(kSubBuckets)) return static_cast<int>(value);
    const int exponent = 63 - std::countl_zero(value);  // >= kSubBucketBits
    const int shift = exponent - kSubBucketBits;
    const int sub = static_cast<int>((value >> shift) & (kSubBuckets - 1));
    return (shift + 1) * kSubBuckets + sub;
  }
  [[nodiscard]] static std::uint64_t bucket_lower(int index);
  [[nodiscard]] static std::uint64_t bucket_width(int index);

 private:
  std::array<std::uint64_t, kBucketCount> counts_{};
  std::uint64_t count_ = 0;
  double sum_ = 0.0;
  std::int64_t max_ = 0;
  std::int64_t min_ = INT64_MAX;
};

}  // namespace stacksim::sim
