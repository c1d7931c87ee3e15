#include "sim/distribution.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "sim/random_stream.h"

namespace stacksim::sim {
namespace {

constexpr Time kMs = 1'000'000;
constexpr Time kUs = 1'000;

// ---- Closed forms, written out independently of the implementation. ----

TEST(DistributionTest, DefaultIsAFixedZero) {
  const Distribution d;
  RandomStream rng(1, 0, "default");
  EXPECT_TRUE(d.is_zero());
  EXPECT_EQ(d.kind(), Distribution::Kind::kDeterministic);
  EXPECT_EQ(d.sample(rng), 0);
  EXPECT_EQ(d.mean_ns(), 0.0);
  EXPECT_EQ(d.scv(), 0.0);
}

TEST(DistributionTest, MeanAndScvClosedForms) {
  const Distribution exp = Distribution::exponential(2 * kMs);
  EXPECT_EQ(exp.kind(), Distribution::Kind::kExponential);
  EXPECT_DOUBLE_EQ(exp.mean_ns(), 2e6);
  EXPECT_DOUBLE_EQ(exp.scv(), 1.0);

  const Distribution det = Distribution::deterministic(3 * kMs);
  EXPECT_FALSE(det.is_zero());
  EXPECT_DOUBLE_EQ(det.mean_ns(), 3e6);
  EXPECT_DOUBLE_EQ(det.scv(), 0.0);
  EXPECT_TRUE(Distribution::deterministic(0).is_zero());
  EXPECT_FALSE(Distribution::exponential(0).is_zero());  // zero mean, but not the fixed kind

  // Uniform(a, b): mean (a+b)/2, variance (b-a)^2/12; for (1ms, 3ms) the SCV is 1/12.
  const Distribution uni = Distribution::uniform(1 * kMs, 3 * kMs);
  EXPECT_DOUBLE_EQ(uni.mean_ns(), 2e6);
  EXPECT_DOUBLE_EQ(uni.scv(), 1.0 / 12.0);
  EXPECT_DOUBLE_EQ(Distribution::uniform(5 * kMs, 5 * kMs).scv(), 0.0);
  EXPECT_DOUBLE_EQ(Distribution::uniform(0, 0).scv(), 0.0);

  // Lognormal and gamma are parameterized by mean and cv directly.
  const Distribution logn = Distribution::lognormal(10 * kMs, 0.5);
  EXPECT_DOUBLE_EQ(logn.mean_ns(), 1e7);
  EXPECT_DOUBLE_EQ(logn.scv(), 0.25);
  const Distribution gam = Distribution::gamma(10 * kMs, 2.0);
  EXPECT_DOUBLE_EQ(gam.mean_ns(), 1e7);
  EXPECT_DOUBLE_EQ(gam.scv(), 4.0);

  // Weibull: mean = scale * G(1 + 1/k), SCV = G(1 + 2/k) / G(1 + 1/k)^2 - 1.
  // k = 1 is the exponential; k = 0.5 gives G(3) = 2 and G(5)/G(3)^2 - 1 = 24/4 - 1 = 5;
  // k = 2 gives sqrt(pi)/2 and 4/pi - 1; k = 1.5 gives G(5/3) = 0.90274529295093...
  const Distribution w1 = Distribution::weibull(1.0, 5 * kMs);
  EXPECT_DOUBLE_EQ(w1.mean_ns(), 5e6);
  EXPECT_NEAR(w1.scv(), 1.0, 1e-12);
  const Distribution w05 = Distribution::weibull(0.5, 1 * kMs);
  EXPECT_DOUBLE_EQ(w05.mean_ns(), 2e6);
  EXPECT_NEAR(w05.scv(), 5.0, 1e-12);
  const Distribution w2 = Distribution::weibull(2.0, 1 * kMs);
  EXPECT_NEAR(w2.mean_ns(), 1e6 * std::sqrt(M_PI) / 2, 1e-6);
  EXPECT_NEAR(w2.scv(), 4.0 / M_PI - 1.0, 1e-12);
  const Distribution w15 = Distribution::weibull(1.5, 1 * kMs);
  EXPECT_NEAR(w15.mean_ns(), 0.9027452929509336e6, 1e-6);
  EXPECT_NEAR(w15.scv(), 0.4609984862063179, 1e-12);

  // Empirical {1, 2, 3, 6}: mean 3, population variance (4 + 1 + 0 + 9) / 4 = 3.5.
  const Distribution emp = Distribution::empirical({1, 2, 3, 6});
  EXPECT_DOUBLE_EQ(emp.mean_ns(), 3.0);
  EXPECT_DOUBLE_EQ(emp.scv(), 3.5 / 9.0);
  EXPECT_DOUBLE_EQ(Distribution::empirical({7, 7, 7}).scv(), 0.0);
  EXPECT_DOUBLE_EQ(Distribution::empirical({0}).scv(), 0.0);
}

TEST(DistributionTest, DescribeStrings) {
  EXPECT_EQ(Distribution().describe(), "0s");
  EXPECT_EQ(Distribution::deterministic(500).describe(), "500ns");
  EXPECT_EQ(Distribution::deterministic(1500).describe(), "1.5us");
  EXPECT_EQ(Distribution::deterministic(2 * kNanosPerSecond).describe(), "2s");
  EXPECT_EQ(Distribution::exponential(10 * kMs).describe(), "exponential(mean=10ms)");
  EXPECT_EQ(Distribution::uniform(1 * kMs, 3 * kMs).describe(), "uniform(1ms..3ms)");
  EXPECT_EQ(Distribution::lognormal(10 * kMs, 0.5).describe(), "lognormal(mean=10ms, cv=0.5)");
  EXPECT_EQ(Distribution::gamma(2 * kNanosPerSecond, 2.0).describe(), "gamma(mean=2s, cv=2)");
  EXPECT_EQ(Distribution::weibull(1.5, 250 * kUs).describe(), "weibull(shape=1.5, scale=250us)");
  EXPECT_EQ(Distribution::empirical({1 * kMs, 2 * kMs, 3 * kMs}).describe(),
            "empirical(3 values, mean=2ms)");
}

TEST(DistributionTest, DeterministicSamplesTheValueExactly) {
  RandomStream rng(2, 0, "deterministic");
  EXPECT_EQ(Distribution::deterministic(1234567).sample(rng), 1234567);
  // The largest representable duration ("never") must not overflow on the way back from
  // double: kTimeInfinity as a double is 2^63, one past the largest Time.
  EXPECT_EQ(Distribution::deterministic(kTimeInfinity).sample(rng), kTimeInfinity);
}

TEST(DistributionTest, ExponentialWithZeroMeanAlwaysGivesZero) {
  RandomStream rng(3, 0, "zero");
  const Distribution d = Distribution::exponential(0);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(d.sample(rng), 0);
}

TEST(DistributionTest, UniformStaysInItsRange) {
  RandomStream rng(4, 0, "uniform/range");
  const Distribution d = Distribution::uniform(10 * kUs, 20 * kUs);
  Time lo = kTimeInfinity;
  Time hi = 0;
  for (int i = 0; i < 100'000; ++i) {
    const Time t = d.sample(rng);
    ASSERT_GE(t, 10 * kUs);
    ASSERT_LE(t, 20 * kUs);
    lo = std::min(lo, t);
    hi = std::max(hi, t);
  }
  EXPECT_LT(lo, 10 * kUs + 10);
  EXPECT_GT(hi, 20 * kUs - 10);
}

TEST(DistributionTest, EmpiricalDrawsOnlyItsValuesEquallyOften) {
  RandomStream rng(5, 0, "empirical/freq");
  const std::vector<Time> values = {3 * kMs, 1 * kMs, 3 * kMs, 9 * kMs};  // 3ms twice
  const Distribution d = Distribution::empirical(values);
  std::map<Time, int> counts;
  constexpr int kN = 400'000;
  for (int i = 0; i < kN; ++i) ++counts[d.sample(rng)];
  ASSERT_EQ(counts.size(), 3u);
  // Binomial standard error sqrt(p(1-p)/n): 6.8e-4 for p = 1/4, 7.9e-4 for p = 1/2; 5 of them.
  EXPECT_NEAR(counts[1 * kMs] / double{kN}, 0.25, 5 * 6.8e-4);
  EXPECT_NEAR(counts[3 * kMs] / double{kN}, 0.50, 5 * 7.9e-4);
  EXPECT_NEAR(counts[9 * kMs] / double{kN}, 0.25, 5 * 6.8e-4);
}

TEST(DistributionTest, SameStreamGivesTheSameSamples) {
  const Distribution d = Distribution::gamma(1 * kMs, 0.7);
  RandomStream a(9, 1, "service/db");
  RandomStream b(9, 1, "service/db");
  for (int i = 0; i < 10'000; ++i) ASSERT_EQ(d.sample(a), d.sample(b));
}

// ---- Sample moments against mean_ns() and scv(). ----

// Raw moments E[X^j], j = 1..4, from each distribution's closed form.
struct RawMoments {
  double m[5];
};

RawMoments exponential_moments(double mean) {
  return {{1, mean, 2 * std::pow(mean, 2), 6 * std::pow(mean, 3), 24 * std::pow(mean, 4)}};
}
RawMoments uniform_moments(double a, double b) {
  RawMoments r{{1}};
  for (int j = 1; j <= 4; ++j)
    r.m[j] = (std::pow(b, j + 1) - std::pow(a, j + 1)) / ((j + 1) * (b - a));
  return r;
}
RawMoments lognormal_moments(double mean, double cv) {
  const double s2 = std::log1p(cv * cv);
  const double mu = std::log(mean) - s2 / 2;
  RawMoments r{{1}};
  for (int j = 1; j <= 4; ++j) r.m[j] = std::exp(j * mu + j * j * s2 / 2);
  return r;
}
RawMoments gamma_moments(double mean, double cv) {
  const double k = 1 / (cv * cv);
  const double theta = mean / k;
  RawMoments r{{1}};
  double rising = 1;  // k (k+1) ... (k+j-1)
  for (int j = 1; j <= 4; ++j) {
    rising *= k + j - 1;
    r.m[j] = rising * std::pow(theta, j);
  }
  return r;
}
RawMoments weibull_moments(double shape, double scale) {
  RawMoments r{{1}};
  for (int j = 1; j <= 4; ++j) r.m[j] = std::pow(scale, j) * std::tgamma(1 + j / shape);
  return r;
}
RawMoments empirical_moments(const std::vector<Time>& values) {
  RawMoments r{{1, 0, 0, 0, 0}};
  for (const Time v : values) {
    for (int j = 1; j <= 4; ++j) r.m[j] += std::pow(static_cast<double>(v), j) / values.size();
  }
  return r;
}

struct MomentCase {
  std::string name;
  Distribution dist;
  RawMoments raw;
};

// Test names and failure messages show the case name rather than the struct's bytes.
void PrintTo(const MomentCase& c, std::ostream* os) { *os << c.name << ": " << c.dist.describe(); }

class DistributionMomentsTest : public testing::TestWithParam<MomentCase> {};

TEST_P(DistributionMomentsTest, SampleMeanAndScvMatchWithinFiveStandardErrors) {
  constexpr int kN = 200'000;
  const MomentCase& c = GetParam();
  const double* m = c.raw.m;

  // Population moments from the closed form: mean, variance, third and fourth central moments.
  const double mean = m[1];
  const double var = m[2] - m[1] * m[1];
  const double mu3 = m[3] - 3 * m[1] * m[2] + 2 * std::pow(m[1], 3);
  const double mu4 = m[4] - 4 * m[1] * m[3] + 6 * m[1] * m[1] * m[2] - 3 * std::pow(m[1], 4);
  EXPECT_NEAR(c.dist.mean_ns(), mean, 1e-9 * mean);
  EXPECT_NEAR(c.dist.scv(), var / (mean * mean), 1e-9 * std::max(1.0, var / (mean * mean)));

  RandomStream rng(2024, 0, "distribution_test/" + c.name);
  std::vector<double> x(kN);
  for (double& v : x) {
    const Time t = c.dist.sample(rng);
    ASSERT_GE(t, 0);
    v = static_cast<double>(t);
  }
  double sum = 0;
  for (const double v : x) sum += v;
  const double sample_mean = sum / kN;
  double ss = 0;
  for (const double v : x) ss += (v - sample_mean) * (v - sample_mean);
  const double sample_scv = ss / (kN - 1) / (sample_mean * sample_mean);

  // Standard error of the sample mean: sigma / sqrt(n). Samples are rounded to whole
  // nanoseconds, which moves the mean by well under 1 ns; allowed for separately.
  const double se_mean = std::sqrt(var / kN);
  // Standard error of the sample SCV s^2 / xbar^2, by the delta method:
  //   Var / scv^2 = [ (mu4 - sigma^4) / sigma^4 + 4 sigma^2 / mean^2 - 4 mu3 / (sigma^2 mean) ] / n
  // (variance of s^2, variance of xbar, and their covariance mu3 / n).
  const double scv = var / (mean * mean);
  const double rel_var_scv =
      var > 0 ? ((mu4 - var * var) / (var * var) + 4 * scv - 4 * mu3 / (var * mean)) / kN : 0.0;
  const double se_scv = scv * std::sqrt(std::max(rel_var_scv, 0.0));
  // Tolerance: 5 standard errors (a fixed seed makes the test deterministic; 5 SE would be
  // exceeded by chance about once in 1.7 million seeds for a normal estimate).
  EXPECT_NEAR(sample_mean, c.dist.mean_ns(), 5 * se_mean + 1.0) << "standard error " << se_mean;
  EXPECT_NEAR(sample_scv, c.dist.scv(), 5 * se_scv + 1e-9) << "standard error " << se_scv;
}

const std::vector<Time> kEmpiricalValues = {100 * kUs, 200 * kUs, 250 * kUs, 1 * kMs,
                                            1 * kMs,   5 * kMs,   7 * kMs};

INSTANTIATE_TEST_SUITE_P(
    AllKinds, DistributionMomentsTest,
    testing::Values(
        MomentCase{"deterministic", Distribution::deterministic(kMs), {{1, 1e6, 1e12, 1e18, 1e24}}},
        MomentCase{"exponential", Distribution::exponential(kMs), exponential_moments(1e6)},
        MomentCase{"uniform", Distribution::uniform(kMs / 2, 3 * kMs / 2),
                   uniform_moments(0.5e6, 1.5e6)},
        MomentCase{"lognormal_cv05", Distribution::lognormal(kMs, 0.5),
                   lognormal_moments(1e6, 0.5)},
        MomentCase{"lognormal_cv1", Distribution::lognormal(kMs, 1.0), lognormal_moments(1e6, 1.0)},
        MomentCase{"gamma_cv05", Distribution::gamma(kMs, 0.5), gamma_moments(1e6, 0.5)},
        // cv 2 is shape 0.25 < 1: the boosted path X(k+1) * U^(1/k).
        MomentCase{"gamma_cv2", Distribution::gamma(kMs, 2.0), gamma_moments(1e6, 2.0)},
        MomentCase{"weibull_k05", Distribution::weibull(0.5, kMs), weibull_moments(0.5, 1e6)},
        MomentCase{"weibull_k15", Distribution::weibull(1.5, kMs), weibull_moments(1.5, 1e6)},
        MomentCase{"empirical", Distribution::empirical(kEmpiricalValues),
                   empirical_moments(kEmpiricalValues)}),
    [](const testing::TestParamInfo<MomentCase>& info) { return info.param.name; });

}  // namespace
}  // namespace stacksim::sim
