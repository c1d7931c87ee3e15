#include "analysis/usl_fit.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace stacksim::analysis {
namespace {

const std::vector<double> kN = {1, 2, 4, 8, 16, 32, 64};

std::vector<double> usl_points(const std::vector<double>& n, double lambda, double sigma,
                               double kappa) {
  std::vector<double> x;
  for (const double v : n) x.push_back(lambda * v / (1 + sigma * (v - 1) + kappa * v * (v - 1)));
  return x;
}

TEST(UslFitTest, RecoversExactParameters) {
  const auto fit = fit_usl(kN, usl_points(kN, 100.0, 0.05, 0.001));
  ASSERT_TRUE(fit.ok()) << fit.error();
  EXPECT_NEAR(fit->lambda, 100.0, 1e-6);
  EXPECT_NEAR(fit->sigma, 0.05, 1e-6);
  EXPECT_NEAR(fit->kappa, 0.001, 1e-6);
  EXPECT_NEAR(fit->peak_n, std::sqrt(0.95 / 0.001), 1e-3);
  EXPECT_NEAR(fit->r_squared, 1.0, 1e-12);
  EXPECT_NEAR(usl_throughput(*fit, 8.0), 100.0 * 8 / (1 + 0.05 * 7 + 0.001 * 56), 1e-6);
}

TEST(UslFitTest, DoesNotNeedTheSingleUserPoint) {
  const std::vector<double> n = {3, 5, 10, 20, 40, 80};
  const auto fit = fit_usl(n, usl_points(n, 250.0, 0.02, 0.0005));
  ASSERT_TRUE(fit.ok()) << fit.error();
  EXPECT_NEAR(fit->lambda, 250.0, 1e-6);
  EXPECT_NEAR(fit->sigma, 0.02, 1e-8);
  EXPECT_NEAR(fit->kappa, 0.0005, 1e-9);
}

TEST(UslFitTest, RecoversParametersFromNoisyPoints) {
  // A fixed pseudo-random multiplier in [0.98, 1.02] per point (a 64-bit LCG, so the same on
  // every platform). Five noise patterns, each fitted to within the stated tolerances.
  std::uint64_t state = 20240601;
  const auto uniform = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) / 9007199254740992.0;  // [0, 1)
  };
  for (int pattern = 0; pattern < 5; ++pattern) {
    std::vector<double> x = usl_points(kN, 100.0, 0.05, 0.001);
    for (double& v : x) v *= 0.98 + 0.04 * uniform();
    const auto fit = fit_usl(kN, x);
    ASSERT_TRUE(fit.ok()) << fit.error();
    SCOPED_TRACE(pattern);
    EXPECT_NEAR(fit->lambda, 100.0, 3.0);
    EXPECT_NEAR(fit->sigma, 0.05, 0.01);
    EXPECT_NEAR(fit->kappa, 0.001, 0.0003);
    EXPECT_GT(fit->r_squared, 0.99);
  }
}

TEST(UslFitTest, LinearScalingHasNoPeak) {
  const auto fit = fit_usl(kN, usl_points(kN, 40.0, 0.0, 0.0));
  ASSERT_TRUE(fit.ok()) << fit.error();
  EXPECT_NEAR(fit->lambda, 40.0, 1e-9);
  EXPECT_NEAR(fit->sigma, 0.0, 1e-12);
  EXPECT_EQ(fit->kappa, 0.0);
  EXPECT_EQ(fit->peak_n, std::numeric_limits<double>::infinity());
}

TEST(UslFitTest, AmdahlCurveHasNoCoherencyCost) {
  const auto fit = fit_usl(kN, usl_points(kN, 100.0, 0.1, 0.0));
  ASSERT_TRUE(fit.ok()) << fit.error();
  EXPECT_NEAR(fit->sigma, 0.1, 1e-9);
  EXPECT_EQ(fit->kappa, 0.0);
  EXPECT_EQ(fit->peak_n, std::numeric_limits<double>::infinity());
}

TEST(UslFitTest, ClampsAtZeroWhenTheDataCurveUpwards) {
  // Superlinear growth (a cache warming up) would need sigma < 0: the fit keeps sigma at 0.
  const std::vector<double> n = {1, 2, 4, 8, 16};
  std::vector<double> x;
  for (const double v : n) x.push_back(10.0 * v * (1 + 0.02 * v));
  const auto fit = fit_usl(n, x);
  ASSERT_TRUE(fit.ok()) << fit.error();
  EXPECT_EQ(fit->sigma, 0.0);
  EXPECT_EQ(fit->kappa, 0.0);
  EXPECT_GT(fit->lambda, 10.0);
  EXPECT_LT(fit->r_squared, 1.0);
}

TEST(UslFitTest, SigmaOfOneOrMorePeaksAtOne) {
  const auto fit = fit_usl(kN, usl_points(kN, 100.0, 1.5, 0.01));
  ASSERT_TRUE(fit.ok()) << fit.error();
  EXPECT_NEAR(fit->sigma, 1.5, 1e-6);
  EXPECT_EQ(fit->peak_n, 1.0);
}

void expect_error(const std::vector<double>& n, const std::vector<double>& x,
                  const std::string& fragment) {
  const auto fit = fit_usl(n, x);
  ASSERT_FALSE(fit.ok()) << "expected an error mentioning " << fragment;
  EXPECT_NE(fit.error().find(fragment), std::string::npos) << fit.error();
}

TEST(UslFitTest, RejectsUnusableData) {
  expect_error({1, 2, 3}, {1, 2}, "differ in length (3 and 2)");
  expect_error({1, 2, 2, 1}, {1, 2, 2, 1}, "at least 3 distinct values of n");
  expect_error({}, {}, "at least 3 distinct");
  expect_error({1, 0, 3}, {1, 2, 3}, "n[1] must be positive and finite");
  expect_error({1, 2, 3}, {1, -2, 3}, "throughput[1] must be positive and finite");
  expect_error({1, 2, 3}, {1, 2, std::nan("")}, "throughput[2]");
}

}  // namespace
}  // namespace stacksim::analysis
