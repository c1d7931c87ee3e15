#pragma once

#include <cstdint>
#include <string_view>

namespace stacksim::sim {

// A reproducible stream of random numbers (xoshiro256**), identified by (seed, replication,
// purpose name). Streams with different names are statistically independent, so adding a
// component never shifts the draws of another (common random numbers across designs).
class RandomStream {
 public:
  RandomStream(std::uint64_t seed, std::uint64_t replication, std::string_view name);

  [[nodiscard]] std::uint64_t next_u64();
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

 private:
  std::uint64_t s_[4];
  double spare_normal_ = 0.0;
  bool has_spare_normal_ = false;
};

}  // namespace stacksim::sim
