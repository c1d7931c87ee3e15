#pragma once

#include <string>
#include <vector>

#include "sim/random_stream.h"
#include "sim/time.h"

namespace stacksim::sim {

// A probability distribution of durations, implemented here (not with std::*_distribution) so
// that the same stream gives the same numbers with every standard library. A value type: cheap
// to copy, immutable after construction. Parameters must be valid (the scenario loader checks
// them); constructing with invalid ones is a programming error.
class Distribution {
 public:
  enum class Kind {
    kDeterministic,
    kExponential,
    kUniform,
    kLognormal,
    kGamma,
    kWeibull,
    kEmpirical
  };

  // A fixed duration of zero.
  Distribution() = default;

  [[nodiscard]] static Distribution deterministic(Time value_ns);
  [[nodiscard]] static Distribution exponential(Time mean_ns);
  [[nodiscard]] static Distribution uniform(Time min_ns, Time max_ns);
  // `cv` is the coefficient of variation (standard deviation / mean), > 0.
  [[nodiscard]] static Distribution lognormal(Time mean_ns, double cv);
  [[nodiscard]] static Distribution gamma(Time mean_ns, double cv);
  // Weibull with shape k > 0 and scale lambda: P(X > x) = exp(-(x/lambda)^k).
  [[nodiscard]] static Distribution weibull(double shape, Time scale_ns);
  // Each value equally likely. Requires a non-empty list.
  [[nodiscard]] static Distribution empirical(std::vector<Time> values_ns);

  // One draw, rounded to whole nanoseconds, never negative. Exponential draws (and gamma of
  // shape 1, which is the exponential) are inline: they are the model's most common.
  [[nodiscard]] Time sample(RandomStream& rng) const {
    if (exponential_draw_) return round_non_negative(scale_ * rng.standard_exponential());
    return sample_other(rng);
  }

  [[nodiscard]] Kind kind() const { return kind_; }
  [[nodiscard]] double mean_ns() const;
  // Squared coefficient of variation, Var/mean^2 (0 for a fixed value); used by analytic formulas.
  [[nodiscard]] double scv() const;
  [[nodiscard]] bool is_zero() const { return kind_ == Kind::kDeterministic && a_ == 0.0; }
  // Human-readable form, e.g. "exponential(mean=10ms)".
  [[nodiscard]] std::string describe() const;

 private:
  static Time round_non_negative(double ns) {
    if (!(ns > 0.0)) return 0;
    if (ns >= 9.2e18) return kTimeInfinity;
    return static_cast<Time>(ns + 0.5);
  }
  [[nodiscard]] Time sample_other(RandomStream& rng) const;
  double sample_gamma_unit_scale(RandomStream& rng, double shape) const;

  Kind kind_ = Kind::kDeterministic;
  double a_ = 0.0;  // kind-specific first parameter
  double b_ = 0.0;  // kind-specific second parameter
  double mean_ = 0.0;
  double scv_ = 0.0;
  bool exponential_draw_ = false;  // a draw is scale_ times a standard exponential
  double scale_ = 0.0;
  std::vector<Time> values_;
};

}  // namespace stacksim::sim
