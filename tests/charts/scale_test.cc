#include "charts/scale.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace stacksim::charts {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

TEST(NiceTicks, CoverTheRangeWithOneTwoOrFiveSteps) {
  EXPECT_EQ(nice_ticks(0, 10, 5), (std::vector<double>{0, 2, 4, 6, 8, 10}));
  EXPECT_EQ(nice_ticks(0, 1, 5), (std::vector<double>{0, 0.2, 0.4, 0.6000000000000001, 0.8, 1}));
  EXPECT_EQ(nice_ticks(3, 97, 5), (std::vector<double>{0, 20, 40, 60, 80, 100}));
  EXPECT_EQ(nice_ticks(0, 100, 4), (std::vector<double>{0, 25, 50, 75, 100}));
}

TEST(NiceTicks, NegativeRangesHaveAnExactZero) {
  const auto ticks = nice_ticks(-0.3, 0.3, 6);
  ASSERT_FALSE(ticks.empty());
  EXPECT_LE(ticks.front(), -0.3);
  EXPECT_GE(ticks.back(), 0.3);
  EXPECT_NE(std::find(ticks.begin(), ticks.end(), 0.0), ticks.end());
}

TEST(NiceTicks, DegenerateInputs) {
  EXPECT_EQ(nice_ticks(5, 5), (std::vector<double>{5}));
  EXPECT_TRUE(nice_ticks(kNaN, 1).empty());
  EXPECT_TRUE(nice_ticks(0, kInf).empty());
  EXPECT_TRUE(nice_ticks(2, 1).empty());
}

TEST(LogTicks, OneTwoFivePerDecadeOrDecadesAlone) {
  EXPECT_EQ(log_ticks(1, 100), (std::vector<double>{1, 2, 5, 10, 20, 50, 100}));
  const auto wide = log_ticks(1e-6, 10, 8);
  EXPECT_EQ(wide.front(), 1e-6);
  EXPECT_LE(wide.size(), 8u);
  EXPECT_TRUE(log_ticks(0, 10).empty());
  EXPECT_TRUE(log_ticks(1, kInf).empty());
}

TEST(Extent, IgnoresNonFiniteValues) {
  const auto found = finite_extent({kNaN, 3, kInf, -1, -kInf});
  ASSERT_TRUE(found.found);
  EXPECT_EQ(found.extent.lo, -1);
  EXPECT_EQ(found.extent.hi, 3);
  EXPECT_FALSE(finite_extent({}).found);
  EXPECT_FALSE(finite_extent({kNaN}).found);
}

TEST(Extent, EmptyAndSinglePointAxesStillHaveWidth) {
  const Extent empty = axis_extent(finite_extent({}), true);
  EXPECT_EQ(empty.lo, 0);
  EXPECT_EQ(empty.hi, 1);
  const Extent single = axis_extent(finite_extent({4}), false);
  EXPECT_EQ(single.lo, 2);
  EXPECT_EQ(single.hi, 6);
  const Extent zero = axis_extent(finite_extent({0}), false);
  EXPECT_LT(zero.lo, zero.hi);
  const Extent from_zero = axis_extent(finite_extent({4, 8}), true);
  EXPECT_EQ(from_zero.lo, 0);
  EXPECT_EQ(from_zero.hi, 8);
}

TEST(Scales, MapDomainOntoRange) {
  const LinearScale y({0, 10}, 200, 0);  // an upward y axis
  EXPECT_DOUBLE_EQ(y(0), 200);
  EXPECT_DOUBLE_EQ(y(10), 0);
  EXPECT_DOUBLE_EQ(y(2.5), 150);
  const LinearScale flat({3, 3}, 0, 100);
  EXPECT_DOUBLE_EQ(flat(3), 50);
  const LogScale x({1, 1000}, 0, 300);
  EXPECT_NEAR(x(10), 100, 1e-9);
  EXPECT_NEAR(x(1000), 300, 1e-9);
  EXPECT_EQ(x(0), 0);
  EXPECT_EQ(x(-5), 0);
}

TEST(TickLabels, ShortestForm) {
  EXPECT_EQ(tick_label(0.25), "0.25");
  EXPECT_EQ(tick_label(1500), "1500");
  EXPECT_EQ(tick_label(0.6000000000000001), "0.6");
  EXPECT_EQ(tick_label(kNaN), "");
}

}  // namespace
}  // namespace stacksim::charts
