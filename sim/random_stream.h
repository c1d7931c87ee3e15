#pragma once

#include <cstdint>
#include <string_view>

#include "sim/exponential_ziggurat.h"

namespace stacksim::sim {

// A reproducible stream of random numbers (xoshiro256**), identified by (seed, replication,
// purpose name). Streams with different names are statistically independent, so adding a
// component never shifts the draws of another (common random numbers across designs).
class RandomStream {
 public:
  RandomStream(std::uint64_t seed, std::uint64_t replication, std::string_view name);

  [[nodiscard]] std::uint64_t next_u64() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  // Uniform on the open interval (0, 1): never returns 0 or 1, so log(u) is always finite.
  // 52 random bits plus one half: every result (k + 0.5) / 2^52 is exact in a double, from
  // 2^-53 to 1 - 2^-53. (With 53 bits, k + 0.5 rounds to an even integer once k >= 2^52, and
  // the largest k gave exactly 1.0.)
  [[nodiscard]] double uniform01() {
    return (static_cast<double>(next_u64() >> 12) + 0.5) * 0x1.0p-52;
  }
  // Uniform integer in [0, n). Requires n > 0.
  [[nodiscard]] std::uint64_t below(std::uint64_t n);
  // Standard normal (Marsaglia polar method, cached pair).
  [[nodiscard]] double standard_normal();
  // Standard exponential (mean 1) by the ziggurat method: one 64-bit draw, a table look-up and
  // a multiplication 99% of the time, no logarithm.
  [[nodiscard]] double standard_exponential() {
    const std::uint64_t bits = next_u64();
    const double x = kExponentialZiggurat.fast(bits);
    return x >= 0.0 ? x : exponential_outside_rectangles(bits);
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  // The rare rest of standard_exponential: the tail, or a point near the curve.
  double exponential_outside_rectangles(std::uint64_t bits);

  std::uint64_t s_[4];
  double spare_normal_ = 0.0;
  bool has_spare_normal_ = false;
};

}  // namespace stacksim::sim
