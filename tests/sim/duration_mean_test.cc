#include "sim/duration_mean.h"

#include <gtest/gtest.h>

namespace stacksim::sim {
namespace {

TEST(DurationMeanTest, EmptyIsZero) {
  const DurationMean m;
  EXPECT_EQ(m.count(), 0u);
  EXPECT_EQ(m.mean_s(), 0.0);
}

TEST(DurationMeanTest, ExactSumDividedOnce) {
  DurationMean m;
  m.add(1);
  m.add(2);
  m.add(kNanosPerSecond);
  EXPECT_EQ(m.count(), 3u);
  EXPECT_DOUBLE_EQ(m.mean_s(), (1 + 2 + 1e9) / 3 / 1e9);
  m.reset();
  EXPECT_EQ(m.count(), 0u);
}

TEST(DurationMeanTest, SumsPastTheRangeOfOneTime) {
  // Three values of 2^62 ns overflow a 64-bit sum; the mean is still 2^62 ns.
  DurationMean m;
  for (int i = 0; i < 3; ++i) m.add(Time{1} << 62);
  EXPECT_DOUBLE_EQ(m.mean_s(), 0x1.0p62 / 1e9);
}

}  // namespace
}  // namespace stacksim::sim
