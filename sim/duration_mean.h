#pragma once

#include <cstdint>

#include "sim/time.h"

namespace stacksim::sim {

// Count and mean of durations, summed in whole nanoseconds: exact, no division per
// observation; the mean is divided out once, when it is read.
class DurationMean {
 public:
  void add(Time ns) {
    ++count_;
    sum_ns_ += ns;
  }
  void reset() { *this = DurationMean(); }

  [[nodiscard]] std::uint64_t count() const { return count_; }
  // Mean in seconds; 0 with no observations.
  [[nodiscard]] double mean_s() const {
    return count_ > 0 ? static_cast<double>(sum_ns_) / static_cast<double>(count_) / 1e9 : 0.0;
  }

 private:
  __extension__ typedef __int128 Sum;  // GCC and Clang; a 64-bit sum could overflow in months

  std::uint64_t count_ = 0;
  Sum sum_ns_ = 0;
};

}  // namespace stacksim::sim
