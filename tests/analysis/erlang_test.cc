#include "analysis/erlang.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace stacksim::analysis {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Erlang B straight from its definition, (a^c / c!) / sum_k a^k / k!, in long double with the
// terms scaled by the largest so that nothing overflows.
double erlang_b_by_definition(int c, double a) {
  const auto log_term = [a](int k) {
    return static_cast<long double>(k) * std::log(static_cast<long double>(a)) -
           std::lgamma(static_cast<long double>(k) + 1.0L);
  };
  long double max_log = log_term(0);
  for (int k = 1; k <= c; ++k) max_log = std::max(max_log, log_term(k));
  long double sum = 0.0L;
  for (int k = 0; k <= c; ++k) sum += std::exp(log_term(k) - max_log);
  return static_cast<double>(std::exp(log_term(c) - max_log) / sum);
}

TEST(ErlangBTest, TableValues) {
  EXPECT_NEAR(erlang_b(10, 8.0), 0.121661, 1e-6);
  EXPECT_EQ(erlang_b(0, 3.0), 1.0);  // no server: everything is lost
  EXPECT_DOUBLE_EQ(erlang_b(1, 0.5), 0.5 / 1.5);
  EXPECT_EQ(erlang_b(5, 0.0), 0.0);
}

TEST(ErlangBTest, StableForTenThousandServers) {
  for (const double a : {100.0, 9000.0, 9900.0, 10000.0, 12000.0}) {
    const double b = erlang_b(10000, a);
    EXPECT_TRUE(std::isfinite(b)) << a;
    EXPECT_NEAR(b, erlang_b_by_definition(10000, a), 1e-10 + 1e-9 * b) << a;
  }
}

TEST(ErlangCTest, SingleServerWaitsWithProbabilityRho) { EXPECT_DOUBLE_EQ(erlang_c(1, 0.7), 0.7); }

TEST(ErlangCTest, TwoServersClosedForm) {
  // M/M/2: C = 2 rho^2 / (1 + rho).
  const double rho = 0.75;
  EXPECT_NEAR(erlang_c(2, 2 * rho), 2 * rho * rho / (1 + rho), 1e-14);
}

TEST(ErlangCTest, EveryoneWaitsWhenOverloaded) {
  EXPECT_EQ(erlang_c(4, 4.0), 1.0);
  EXPECT_EQ(erlang_c(4, 10.0), 1.0);
  const double c = erlang_c(10000, 9500.0);
  EXPECT_GT(c, 0.0);
  EXPECT_LT(c, 1.0);
}

TEST(MmcResponseTest, FourServers) {
  // lambda = 0.35 per minute, S = 10 minutes, in minutes throughout.
  EXPECT_NEAR(mmc_response_s(4, 0.35, 10.0), 24.7572, 1e-4);
}

TEST(MmcResponseTest, SingleServerIsSOverOneMinusRho) {
  EXPECT_NEAR(mmc_response_s(1, 80.0, 0.01), 0.01 / (1 - 0.8), 1e-15);
  EXPECT_EQ(mmc_response_s(3, 0.0, 0.2), 0.2);
}

TEST(MmcResponseTest, UnstableIsInfinite) {
  EXPECT_EQ(mmc_response_s(2, 100.0, 0.02), kInfinity);
  EXPECT_EQ(mmc_response_s(2, 200.0, 0.02), kInfinity);
}

TEST(MmckBlockingTest, HandComputedChains) {
  // M/M/1/2, a = 0.5: state probabilities in proportion 1 : 0.5 : 0.25, blocked in the last.
  EXPECT_NEAR(mmck_blocking(1, 1, 0.5), 0.25 / 1.75, 1e-15);
  // Overloaded, a = 2: 1 : 2 : 4, so 4/7 (the branch for rho > 1).
  EXPECT_NEAR(mmck_blocking(1, 1, 2.0), 4.0 / 7.0, 1e-15);
  // M/M/2/4, a = 1: 1 : 1 : 1/2 : 1/4 : 1/8, so (1/8) / (23/8) = 1/23.
  EXPECT_NEAR(mmck_blocking(2, 2, 1.0), 1.0 / 23.0, 1e-15);
  // No waiting room: Erlang B, (1/2) / (1 + 1 + 1/2) for two servers at one erlang.
  EXPECT_DOUBLE_EQ(mmck_blocking(2, 0, 1.0), 0.2);
  EXPECT_EQ(mmck_blocking(3, 5, 0.0), 0.0);
}

TEST(ErlangTest, ArgumentsOutOfDomainGiveNaN) {
  EXPECT_TRUE(std::isnan(erlang_b(-1, 1.0)));
  EXPECT_TRUE(std::isnan(erlang_b(2, -1.0)));
  EXPECT_TRUE(std::isnan(erlang_c(0, 1.0)));
  EXPECT_TRUE(std::isnan(erlang_c(2, kInfinity)));
  EXPECT_TRUE(std::isnan(mmc_response_s(0, 1.0, 1.0)));
  EXPECT_TRUE(std::isnan(mmc_response_s(1, -1.0, 1.0)));
  EXPECT_TRUE(std::isnan(mmc_response_s(1, 1.0, std::nan(""))));
  EXPECT_TRUE(std::isnan(mmck_blocking(0, 1, 1.0)));
  EXPECT_TRUE(std::isnan(mmck_blocking(1, -1, 1.0)));
  EXPECT_TRUE(std::isnan(mmck_blocking(1, 1, kInfinity)));
}

}  // namespace
}  // namespace stacksim::analysis
