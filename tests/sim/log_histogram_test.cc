#include "sim/log_histogram.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "sim/distribution.h"
#include "sim/random_stream.h"

namespace stacksim::sim {
namespace {

using H = LogHistogram;

// Nearest-rank quantile of a sorted sample, the definition LogHistogram::quantile approximates.
double nearest_rank(const std::vector<std::int64_t>& sorted, double q) {
  const auto n = static_cast<double>(sorted.size());
  auto rank = static_cast<std::size_t>(std::ceil(q * n));
  rank = std::clamp<std::size_t>(rank, 1, sorted.size());
  return static_cast<double>(sorted[rank - 1]);
}

void expect_bucket_holds(std::uint64_t v) {
  const int i = H::index_of(v);
  ASSERT_GE(i, 0) << v;
  ASSERT_LT(i, H::kBucketCount) << v;
  const std::uint64_t lower = H::bucket_lower(i);
  ASSERT_LE(lower, v) << v;
  ASSERT_LT(v - lower, H::bucket_width(i)) << v;
}

TEST(LogHistogramTest, EveryValueLiesInItsBucket) {
  for (std::uint64_t v = 0; v < 300'000; ++v) expect_bucket_holds(v);
  RandomStream rng(1, 0, "log_histogram/geometry");
  for (int i = 0; i < 1'000'000; ++i) {
    // Spread over all magnitudes of a non-negative int64.
    const std::uint64_t v = (rng.next_u64() >> 1) >> rng.below(63);
    expect_bucket_holds(v);
  }
  for (int e = 0; e < 63; ++e) {
    const std::uint64_t p = std::uint64_t{1} << e;
    expect_bucket_holds(p - 1);
    expect_bucket_holds(p);
    expect_bucket_holds(p + 1);
  }
  expect_bucket_holds(static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()));
  EXPECT_EQ(H::index_of(static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())),
            H::kBucketCount - 1);
}

TEST(LogHistogramTest, BucketsTileTheRangeWithoutGapsOrOverlap) {
  EXPECT_EQ(H::bucket_lower(0), 0u);
  for (int i = 0; i < H::kBucketCount; ++i) {
    ASSERT_EQ(H::index_of(H::bucket_lower(i)), i) << i;
    ASSERT_EQ(H::index_of(H::bucket_lower(i) + H::bucket_width(i) - 1), i) << i;
    if (i + 1 < H::kBucketCount) {
      ASSERT_EQ(H::bucket_lower(i) + H::bucket_width(i), H::bucket_lower(i + 1)) << i;
    }
  }
}

TEST(LogHistogramTest, ExactBelow128AndRelativeWidthAtMostOneIn128) {
  for (std::uint64_t v = 0; v < 128; ++v) {
    EXPECT_EQ(H::index_of(v), static_cast<int>(v));
    EXPECT_EQ(H::bucket_lower(static_cast<int>(v)), v);
    EXPECT_EQ(H::bucket_width(static_cast<int>(v)), 1u);
  }
  for (int i = 128; i < H::kBucketCount; ++i) {
    ASSERT_LE(static_cast<double>(H::bucket_width(i)) / static_cast<double>(H::bucket_lower(i)),
              1.0 / 128.0)
        << i;
  }
}

TEST(LogHistogramTest, SmallValuesGiveExactQuantiles) {
  H h;
  std::vector<std::int64_t> values;
  for (std::int64_t v = 0; v < 128; ++v) {
    h.record(v);
    values.push_back(v);
  }
  for (int k = 0; k <= 128; ++k) {
    const double q = k / 128.0;
    EXPECT_EQ(h.quantile(q), nearest_rank(values, q)) << q;
  }
}

TEST(LogHistogramTest, QuantilesOfOneToAMillionWithinOnePercent) {
  constexpr std::int64_t kN = 1'000'000;
  H h;
  for (std::int64_t v = 1; v <= kN; ++v) h.record(v);
  ASSERT_EQ(h.count(), static_cast<std::uint64_t>(kN));
  for (const double q : {0.0, 1e-6, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999,
                         0.9999, 0.99999, 1.0}) {
    // Nearest rank of 1..n is the rank itself.
    const double exact = std::max(1.0, std::ceil(q * kN));
    const double got = h.quantile(q);
    EXPECT_LE(std::abs(got - exact), 0.01 * exact) << "q=" << q;
    // The header's sharper claim: half a bucket, at most 1/256 of the value.
    EXPECT_LE(std::abs(got - exact), exact / 256.0) << "q=" << q;
  }
  EXPECT_EQ(h.quantile(0.0), 1.0);                      // a width-1 bucket
  EXPECT_EQ(h.quantile(1.0), static_cast<double>(kN));  // the midpoint, clamped to max
}

TEST(LogHistogramTest, LognormalSampleQuantilesWithinOnePercentOfSorted) {
  RandomStream rng(3, 0, "log_histogram/lognormal");
  const Distribution d = Distribution::lognormal(10'000'000, 1.5);
  H h;
  std::vector<std::int64_t> values;
  for (int i = 0; i < 200'000; ++i) {
    const std::int64_t v = d.sample(rng);
    values.push_back(v);
    h.record(v);
  }
  std::sort(values.begin(), values.end());
  for (int k = 0; k <= 1000; ++k) {
    const double q = k / 1000.0;
    const double exact = nearest_rank(values, q);
    ASSERT_LE(std::abs(h.quantile(q) - exact), 0.01 * exact) << "q=" << q;
  }
  for (const double q : {0.9999, 0.99999}) {
    const double exact = nearest_rank(values, q);
    EXPECT_LE(std::abs(h.quantile(q) - exact), 0.01 * exact) << "q=" << q;
  }
  // min and max are tracked exactly; quantile(0) and quantile(1) are bucket midpoints (clamped
  // to [min, max]), so they are only within the bucket error, checked in the loop above.
  EXPECT_EQ(h.min(), values.front());
  EXPECT_EQ(h.max(), values.back());
}

TEST(LogHistogramTest, MeanMinMaxAreExact) {
  H h;
  for (const std::int64_t v : {3, 1000, 7, 123'456'789, 42}) h.record(v);
  EXPECT_EQ(h.count(), 5u);
  EXPECT_EQ(h.mean(), (3.0 + 1000 + 7 + 123'456'789 + 42) / 5);
  EXPECT_EQ(h.min(), 3);
  EXPECT_EQ(h.max(), 123'456'789);
}

TEST(LogHistogramTest, EmptyHistogramReturnsZeros) {
  const H h;
  EXPECT_EQ(h.count(), 0u);
  EXPECT_EQ(h.mean(), 0.0);
  EXPECT_EQ(h.min(), 0);
  EXPECT_EQ(h.max(), 0);
  EXPECT_EQ(h.quantile(0.0), 0.0);
  EXPECT_EQ(h.quantile(0.5), 0.0);
  EXPECT_EQ(h.quantile(1.0), 0.0);
}

TEST(LogHistogramTest, NegativeValuesCountAsZeroAndOutOfRangeQuantilesClamp) {
  H h;
  h.record(-5);
  h.record(10);
  EXPECT_EQ(h.min(), 0);
  EXPECT_EQ(h.quantile(-1.0), 0.0);
  EXPECT_EQ(h.quantile(2.0), 10.0);
}

TEST(LogHistogramTest, MergeEqualsRecordingBoth) {
  RandomStream rng(4, 0, "log_histogram/merge");
  const Distribution fast = Distribution::exponential(200'000);
  const Distribution slow = Distribution::lognormal(50'000'000, 2.0);
  H a, b, both;
  for (int i = 0; i < 100'000; ++i) {
    const Time x = fast.sample(rng);
    const Time y = slow.sample(rng);
    a.record(x);
    b.record(y);
    both.record(x);
    both.record(y);
  }
  H merged = a;
  merged.merge(b);
  EXPECT_EQ(merged.count(), both.count());
  // Values are whole nanoseconds and the sums stay far below 2^53: the double sums are exact.
  EXPECT_EQ(merged.mean(), both.mean());
  EXPECT_EQ(merged.min(), both.min());
  EXPECT_EQ(merged.max(), both.max());
  for (int k = 0; k <= 1000; ++k) {
    ASSERT_EQ(merged.quantile(k / 1000.0), both.quantile(k / 1000.0)) << k;
  }

  // Merging an empty histogram changes nothing, and merging into an empty one copies.
  H copy = both;
  copy.merge(H());
  EXPECT_EQ(copy.count(), both.count());
  EXPECT_EQ(copy.min(), both.min());
  EXPECT_EQ(copy.max(), both.max());
  EXPECT_EQ(copy.quantile(0.5), both.quantile(0.5));
  H empty;
  empty.merge(both);
  EXPECT_EQ(empty.count(), both.count());
  EXPECT_EQ(empty.min(), both.min());
  EXPECT_EQ(empty.max(), both.max());
  EXPECT_EQ(empty.mean(), both.mean());
  EXPECT_EQ(empty.quantile(0.99), both.quantile(0.99));
}

TEST(LogHistogramTest, ResetForgetsEverything) {
  H h;
  h.record(5);
  h.record(5'000'000);
  h.reset();
  EXPECT_EQ(h.count(), 0u);
  EXPECT_EQ(h.quantile(0.5), 0.0);
  h.record(77);
  EXPECT_EQ(h.min(), 77);
  EXPECT_EQ(h.max(), 77);
  EXPECT_EQ(h.quantile(0.5), 77.0);
}

}  // namespace
}  // namespace stacksim::sim
