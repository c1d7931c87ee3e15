#include "sim/binomial.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>

namespace stacksim::sim {
namespace {

double pmf(int n, int k, double p) {
  double c = 1.0;
  for (int i = 0; i < k; ++i) c = c * (n - i) / (i + 1);
  return c * std::pow(p, k) * std::pow(1.0 - p, n - k);
}

TEST(BinomialTest, CertainOutcomes) {
  RandomStream rng(1, 0, "test/binomial");
  const Binomial never(4, 0.0);
  const Binomial always(4, 1.0);
  const Binomial no_trials(0, 0.5);
  for (int i = 0; i < 1000; ++i) {
    EXPECT_EQ(never.sample(rng), 0);
    EXPECT_EQ(always.sample(rng), 4);
    EXPECT_EQ(no_trials.sample(rng), 0);
  }
}

// Each count's frequency within 5 standard errors of the exact probability, for a buffer
// pool's 2% miss ratio over 4 reads and for a fair coin over 6 tosses.
TEST(BinomialTest, CountsMatchTheExactProbabilities) {
  constexpr int kN = 400'000;
  for (const auto& [n, p] : {std::pair{4, 0.02}, std::pair{6, 0.5}}) {
    RandomStream rng(3, 0, "test/binomial");
    const Binomial binomial(n, p);
    std::array<int, 7> counts{};
    for (int i = 0; i < kN; ++i) ++counts.at(binomial.sample(rng));
    for (int k = 0; k <= n; ++k) {
      const double expected = pmf(n, k, p);
      const double error = std::sqrt(expected * (1 - expected) / kN);
      EXPECT_NEAR(static_cast<double>(counts[k]) / kN, expected, 5 * error + 1e-9)
          << "n=" << n << " p=" << p << " k=" << k;
    }
  }
}

}  // namespace
}  // namespace stacksim::sim
