#pragma once

#include <cmath>

#include "sim/random_stream.h"

namespace stacksim::sim {

// The number of successes in n independent trials of probability p, drawn by inversion from a
// single uniform: one draw where n separate Bernoulli trials would take n. The probability of
// no success, (1 - p)^n, is computed once at construction, so the usual draw (none, for a small
// p) is one uniform and one comparison.
class Binomial {
 public:
  Binomial() = default;
  // Requires n >= 0 and 0 <= p <= 1.
  Binomial(int n, double p) : n_(n), p_(p), none_(std::pow(1.0 - p, n)) {}

  [[nodiscard]] int n() const { return n_; }
  [[nodiscard]] double p() const { return p_; }

  [[nodiscard]] int sample(RandomStream& rng) const {
    const double u = rng.uniform01();
    if (u <= none_) return 0;
    if (p_ >= 1.0) return n_;
    // P(k + 1) = P(k) (n - k) / (k + 1) p / (1 - p), summed until it passes u.
    const double odds = p_ / (1.0 - p_);
    double probability = none_;
    double cumulative = none_;
    int k = 0;
    while (k < n_ && u > cumulative) {
      probability *= static_cast<double>(n_ - k) / static_cast<double>(k + 1) * odds;
      cumulative += probability;
      ++k;
    }
    return k;
  }

 private:
  int n_ = 0;
  double p_ = 0.0;
  double none_ = 1.0;
};

}  // namespace stacksim::sim
