#include "sim/distribution.h"

#include <cassert>
#include <cmath>
#include <cstdio>

namespace stacksim::sim {

namespace {

std::string format_duration(double ns) {
  char buf[64];
  if (ns >= 1e9 || ns == 0.0) {
    std::snprintf(buf, sizeof buf, "%gs", ns * 1e-9);
  } else if (ns >= 1e6) {
    std::snprintf(buf, sizeof buf, "%gms", ns * 1e-6);
  } else if (ns >= 1e3) {
    std::snprintf(buf, sizeof buf, "%gus", ns * 1e-3);
  } else {
    std::snprintf(buf, sizeof buf, "%gns", ns);
  }
  return buf;
}

}  // namespace

Distribution Distribution::deterministic(Time value_ns) {
  assert(value_ns >= 0);
  Distribution d;
  d.kind_ = Kind::kDeterministic;
  d.a_ = static_cast<double>(value_ns);
  d.mean_ = d.a_;
  d.scv_ = 0.0;
  return d;
}

Distribution Distribution::exponential(Time mean_ns) {
  assert(mean_ns >= 0);
  Distribution d;
  d.kind_ = Kind::kExponential;
  d.a_ = static_cast<double>(mean_ns);
  d.mean_ = d.a_;
  d.scv_ = 1.0;
  d.exponential_draw_ = true;
  d.scale_ = d.a_;
  return d;
}

Distribution Distribution::uniform(Time min_ns, Time max_ns) {
  assert(0 <= min_ns && min_ns <= max_ns);
  Distribution d;
  d.kind_ = Kind::kUniform;
  d.a_ = static_cast<double>(min_ns);
  d.b_ = static_cast<double>(max_ns);
  d.mean_ = (d.a_ + d.b_) / 2.0;
  const double var = (d.b_ - d.a_) * (d.b_ - d.a_) / 12.0;
  d.scv_ = d.mean_ > 0 ? var / (d.mean_ * d.mean_) : 0.0;
  return d;
}

Distribution Distribution::lognormal(Time mean_ns, double cv) {
  assert(mean_ns > 0 && cv > 0);
  Distribution d;
  d.kind_ = Kind::kLognormal;
  const double sigma2 = std::log1p(cv * cv);
  d.b_ = std::sqrt(sigma2);                                    // sigma
  d.a_ = std::log(static_cast<double>(mean_ns)) - sigma2 / 2;  // mu
  d.mean_ = static_cast<double>(mean_ns);
  d.scv_ = cv * cv;
  return d;
}

Distribution Distribution::gamma(Time mean_ns, double cv) {
  assert(mean_ns > 0 && cv > 0);
  Distribution d;
  d.kind_ = Kind::kGamma;
  d.a_ = 1.0 / (cv * cv);                      // shape k
  d.b_ = static_cast<double>(mean_ns) / d.a_;  // scale theta
  d.mean_ = static_cast<double>(mean_ns);
  d.scv_ = cv * cv;
  // Shape 1 (cv 1) is the exponential: one ziggurat draw instead of Marsaglia-Tsang.
  d.exponential_draw_ = d.a_ == 1.0;
  d.scale_ = d.b_;
  return d;
}

Distribution Distribution::weibull(double shape, Time scale_ns) {
  assert(shape > 0 && scale_ns > 0);
  Distribution d;
  d.kind_ = Kind::kWeibull;
  d.a_ = shape;
  d.b_ = static_cast<double>(scale_ns);
  const double g1 = std::tgamma(1.0 + 1.0 / shape);
  const double g2 = std::tgamma(1.0 + 2.0 / shape);
  d.mean_ = d.b_ * g1;
  d.scv_ = g2 / (g1 * g1) - 1.0;
  return d;
}

Distribution Distribution::empirical(std::vector<Time> values_ns) {
  assert(!values_ns.empty());
  Distribution d;
  d.kind_ = Kind::kEmpirical;
  double sum = 0.0;
  double sum_sq = 0.0;
  for (const Time v : values_ns) {
    assert(v >= 0);
    sum += static_cast<double>(v);
    sum_sq += static_cast<double>(v) * static_cast<double>(v);
  }
  const double n = static_cast<double>(values_ns.size());
  d.mean_ = sum / n;
  const double var = sum_sq / n - d.mean_ * d.mean_;
  d.scv_ = d.mean_ > 0 ? (var > 0 ? var : 0.0) / (d.mean_ * d.mean_) : 0.0;
  d.values_ = std::move(values_ns);
  return d;
}

double Distribution::sample_gamma_unit_scale(RandomStream& rng, double shape) const {
  // Marsaglia & Tsang (2000); shapes below one use the boost X * U^(1/k).
  if (shape < 1.0) {
    const double boost = std::pow(rng.uniform01(), 1.0 / shape);
    return sample_gamma_unit_scale(rng, shape + 1.0) * boost;
  }
  const double d = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    double x, v;
    do {
      x = rng.standard_normal();
      v = 1.0 + c * x;
    } while (v <= 0.0);
    v = v * v * v;
    const double u = rng.uniform01();
    if (u < 1.0 - 0.0331 * x * x * x * x) return d * v;
    if (std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v))) return d * v;
  }
}

Time Distribution::sample_other(RandomStream& rng) const {
  switch (kind_) {
    case Kind::kDeterministic:
      // Not static_cast<Time>(a_): kTimeInfinity as a double is 2^63, out of Time's range.
      return round_non_negative(a_);
    case Kind::kExponential:
      return round_non_negative(a_ * rng.standard_exponential());
    case Kind::kUniform:
      return round_non_negative(a_ + (b_ - a_) * rng.uniform01());
    case Kind::kLognormal:
      return round_non_negative(std::exp(a_ + b_ * rng.standard_normal()));
    case Kind::kGamma:
      return round_non_negative(b_ * sample_gamma_unit_scale(rng, a_));
    case Kind::kWeibull:
      return round_non_negative(b_ * std::pow(-std::log(rng.uniform01()), 1.0 / a_));
    case Kind::kEmpirical:
      return values_[rng.below(values_.size())];
  }
  return 0;
}

double Distribution::mean_ns() const { return mean_; }

double Distribution::scv() const { return scv_; }

std::string Distribution::describe() const {
  char cv[32];
  switch (kind_) {
    case Kind::kDeterministic:
      return format_duration(a_);
    case Kind::kExponential:
      return "exponential(mean=" + format_duration(a_) + ")";
    case Kind::kUniform:
      return "uniform(" + format_duration(a_) + ".." + format_duration(b_) + ")";
    case Kind::kLognormal:
      std::snprintf(cv, sizeof cv, "%g", std::sqrt(scv_));
      return "lognormal(mean=" + format_duration(mean_) + ", cv=" + cv + ")";
    case Kind::kGamma:
      std::snprintf(cv, sizeof cv, "%g", std::sqrt(scv_));
      return "gamma(mean=" + format_duration(mean_) + ", cv=" + cv + ")";
    case Kind::kWeibull:
      std::snprintf(cv, sizeof cv, "%g", a_);
      return "weibull(shape=" + std::string(cv) + ", scale=" + format_duration(b_) + ")";
    case Kind::kEmpirical:
      return "empirical(" + std::to_string(values_.size()) +
             " values, mean=" + format_duration(mean_) + ")";
  }
  return "?";
}

}  // namespace stacksim::sim
