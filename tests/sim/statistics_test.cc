#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "sim/random_stream.h"
#include "sim/tally.h"
#include "sim/time_weighted.h"

namespace stacksim::sim {
namespace {

struct TwoPass {
  double mean;
  double variance;
};

// Reference: two passes in long double, mean first, then the sum of squared deviations.
TwoPass two_pass(const std::vector<double>& x) {
  long double sum = 0;
  for (const double v : x) sum += v;
  const long double mean = sum / x.size();
  long double ss = 0;
  for (const double v : x) ss += (v - mean) * (v - mean);
  return {static_cast<double>(mean), static_cast<double>(ss / (x.size() - 1))};
}

std::vector<double> data(int n, double offset) {
  RandomStream rng(1, 0, "statistics_test/data");
  std::vector<double> x;
  for (int i = 0; i < n; ++i) x.push_back(offset + 1000.0 * rng.standard_normal());
  return x;
}

TEST(TallyTest, EmptyAndSingleObservation) {
  Tally t;
  EXPECT_EQ(t.count(), 0u);
  EXPECT_EQ(t.mean(), 0.0);
  EXPECT_EQ(t.variance(), 0.0);
  t.add(42.5);
  EXPECT_EQ(t.count(), 1u);
  EXPECT_EQ(t.mean(), 42.5);
  EXPECT_EQ(t.variance(), 0.0);
  EXPECT_EQ(t.stddev(), 0.0);
}

TEST(TallyTest, SmallHandComputedExample) {
  Tally t;
  for (const double v : {2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0}) t.add(v);
  EXPECT_DOUBLE_EQ(t.mean(), 5.0);
  EXPECT_DOUBLE_EQ(t.variance(), 32.0 / 7.0);  // squared deviations sum to 32, n - 1 = 7
  EXPECT_DOUBLE_EQ(t.stddev(), std::sqrt(32.0 / 7.0));
}

TEST(TallyTest, MatchesTwoPassEvenWithALargeOffset) {
  // Nanosecond latencies around 1e12 with a spread of 1000: the naive sum-of-squares formula
  // would lose every significant digit of the variance here.
  for (const double offset : {0.0, 1e6, 1e12}) {
    const std::vector<double> x = data(100'000, offset);
    Tally t;
    for (const double v : x) t.add(v);
    const TwoPass ref = two_pass(x);
    EXPECT_EQ(t.count(), x.size());
    EXPECT_NEAR(t.mean(), ref.mean, 1e-12 * std::abs(ref.mean) + 1e-9) << offset;
    EXPECT_NEAR(t.variance(), ref.variance, 1e-6 * ref.variance) << offset;
  }
}

TEST(TallyTest, MergeEqualsCombined) {
  const std::vector<double> x = data(30'000, 5e9);
  Tally all, a, b, c;
  for (std::size_t i = 0; i < x.size(); ++i) {
    all.add(x[i]);
    (i < 1000 ? a : i < 21'000 ? b : c).add(x[i]);
  }
  Tally merged = a;
  merged.merge(b);
  merged.merge(c);
  EXPECT_EQ(merged.count(), all.count());
  EXPECT_NEAR(merged.mean(), all.mean(), 1e-12 * all.mean());
  EXPECT_NEAR(merged.variance(), all.variance(), 1e-6 * all.variance());

  // Empty on either side.
  Tally empty;
  empty.merge(all);
  EXPECT_EQ(empty.count(), all.count());
  EXPECT_EQ(empty.mean(), all.mean());
  EXPECT_EQ(empty.variance(), all.variance());
  Tally copy = all;
  copy.merge(Tally());
  EXPECT_EQ(copy.count(), all.count());
  EXPECT_EQ(copy.mean(), all.mean());
  EXPECT_EQ(copy.variance(), all.variance());
}

TEST(TallyTest, ResetForgetsEverything) {
  Tally t;
  t.add(1);
  t.add(100);
  t.reset();
  EXPECT_EQ(t.count(), 0u);
  t.add(3);
  EXPECT_EQ(t.mean(), 3.0);
  EXPECT_EQ(t.variance(), 0.0);
}

TEST(TimeWeightedTest, AreaAndMeanOfAHandComputedPath) {
  // Level 0 on [0,10), 2 on [10,30), 3 on [30,60), 0 on [60,100]:
  // area = 0*10 + 2*20 + 3*30 + 0*40 = 130; mean over [0,100] = 1.3.
  TimeWeighted tw;
  EXPECT_EQ(tw.mean(0), 0.0);
  tw.set(10, 2.0);
  tw.add(30, 1.0);
  EXPECT_EQ(tw.level(), 3.0);
  EXPECT_DOUBLE_EQ(tw.area(30), 40.0);
  EXPECT_DOUBLE_EQ(tw.area(40), 70.0);  // a query does not change the accumulated area
  EXPECT_DOUBLE_EQ(tw.area(30), 40.0);
  tw.set(60, 0.0);
  EXPECT_DOUBLE_EQ(tw.area(100), 130.0);
  EXPECT_DOUBLE_EQ(tw.mean(100), 1.3);
  EXPECT_DOUBLE_EQ(tw.mean(60), 130.0 / 60.0);
}

TEST(TimeWeightedTest, RestartForgetsTheAreaButKeepsTheLevel) {
  TimeWeighted tw;
  tw.set(0, 4.0);
  tw.add(20, -1.0);  // 4 on [0,20), then 3
  tw.restart(40);    // warm-up ends at 40 with level 3
  EXPECT_EQ(tw.level(), 3.0);
  EXPECT_EQ(tw.area(40), 0.0);
  EXPECT_EQ(tw.mean(40), 0.0);                  // empty interval
  tw.set(60, 1.0);                              // 3 on [40,60): 60
  EXPECT_DOUBLE_EQ(tw.area(100), 60.0 + 40.0);  // then 1 on [60,100]
  EXPECT_DOUBLE_EQ(tw.mean(100), 100.0 / 60.0);
}

TEST(TimeWeightedTest, SeveralChangesAtTheSameInstantAddNoArea) {
  TimeWeighted tw;
  tw.set(10, 5.0);
  tw.add(10, 1.0);
  tw.add(10, -3.0);
  EXPECT_EQ(tw.level(), 3.0);
  EXPECT_EQ(tw.area(10), 0.0);
  EXPECT_DOUBLE_EQ(tw.mean(20), 30.0 / 20.0);
}

}  // namespace
}  // namespace stacksim::sim
