#include "sim/exponential_ziggurat.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>

#include "sim/random_stream.h"

namespace stacksim::sim {
namespace {

TEST(ExponentialZigguratTest, LayersHaveEqualAreaAndCloseAtTheTop) {
  const ExponentialZiggurat& z = kExponentialZiggurat;
  EXPECT_EQ(z.x[1], ExponentialZiggurat::kR);
  // The base: a rectangle of height exp(-r) out to r plus the tail, of total area v.
  EXPECT_NEAR(z.x[0] * std::exp(-z.x[1]), ExponentialZiggurat::kArea, 1e-15);
  EXPECT_NEAR(ExponentialZiggurat::kR * std::exp(-ExponentialZiggurat::kR) +
                  std::exp(-ExponentialZiggurat::kR),
              ExponentialZiggurat::kArea, 1e-12);
  for (int i = 1; i < ExponentialZiggurat::kLayers; ++i) {
    ASSERT_GT(z.x[i], z.x[i + 1]) << i;
    EXPECT_NEAR(z.x[i] * (z.f[i + 1] - z.f[i]), ExponentialZiggurat::kArea, 1e-12) << i;
  }
  // The last layer, computed from the others, reaches f = 1 at x = 0: r and v fit together.
  const int top = ExponentialZiggurat::kLayers - 1;
  EXPECT_NEAR(z.x[top] * (1.0 - z.f[top]), ExponentialZiggurat::kArea, 1e-9);
}

// Chi-square over 16 bins of equal probability under Exp(1), the last one the tail past
// -log(1/16) = 2.77, and a separate count past the ziggurat's tail start r = 7.7, where
// exp(-r) = 4.5e-4. Fixed seed; the bounds are 5 standard deviations of the statistic.
TEST(ExponentialZigguratTest, DrawsFollowTheExponentialIncludingTheTail) {
  constexpr int kN = 2'000'000;
  constexpr int kBins = 16;
  RandomStream rng(7, 0, "test/ziggurat");
  std::array<int, kBins> counts{};
  int past_r = 0;
  double sum = 0.0;
  double sum_past_r = 0.0;
  for (int i = 0; i < kN; ++i) {
    const double x = rng.standard_exponential();
    ASSERT_GE(x, 0.0);
    sum += x;
    // F(x) = 1 - exp(-x): the bin is floor(F * kBins).
    const int bin = static_cast<int>((1.0 - std::exp(-x)) * kBins);
    ++counts[bin < kBins ? bin : kBins - 1];
    if (x > ExponentialZiggurat::kR) {
      ++past_r;
      sum_past_r += x - ExponentialZiggurat::kR;
    }
  }
  const double expected = static_cast<double>(kN) / kBins;
  double chi2 = 0.0;
  for (const int c : counts) chi2 += (c - expected) * (c - expected) / expected;
  EXPECT_LT(chi2, 15.0 + 5 * std::sqrt(2.0 * 15.0));  // 15 degrees of freedom
  EXPECT_NEAR(sum / kN, 1.0, 5.0 / std::sqrt(kN));
  const double tail_expected = kN * std::exp(-ExponentialZiggurat::kR);  // about 906
  EXPECT_NEAR(past_r, tail_expected, 5 * std::sqrt(tail_expected));
  // Memoryless: past r, the excess is again Exp(1) (standard error 1/sqrt(906) = 0.033).
  EXPECT_NEAR(sum_past_r / past_r, 1.0, 5.0 / std::sqrt(tail_expected));
}

}  // namespace
}  // namespace stacksim::sim
