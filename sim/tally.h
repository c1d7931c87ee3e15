#pragma once

#include <cmath>
#include <cstdint>

namespace stacksim::sim {

// Streaming count, mean and variance of observations (Welford), mergeable (Chan et al.).
class Tally {
 public:
  void add(double x) {
    ++count_;
    const double delta = x - mean_;
    mean_ += delta / static_cast<double>(count_);
    m2_ += delta * (x - mean_);
  }
  void merge(const Tally& other) {
    if (other.count_ == 0) return;
    const double n = static_cast<double>(count_ + other.count_);
    const double delta = other.mean_ - mean_;
    m2_ += other.m2_ +
           delta * delta * static_cast<double>(count_) * static_cast<double>(other.count_) / n;
    mean_ += delta * static_cast<double>(other.count_) / n;
    count_ += other.count_;
  }
  void reset() { *this = Tally(); }

  [[nodiscard]] std::uint64_t count() const { return count_; }
  [[nodiscard]] double mean() const { return mean_; }
  // Sample variance (n - 1 in the denominator); 0 with fewer than two observations.
  [[nodiscard]] double variance() const {
    return count_ > 1 ? m2_ / static_cast<double>(count_ - 1) : 0.0;
  }
  [[nodiscard]] double stddev() const { return std::sqrt(variance()); }

 private:
  std::uint64_t count_ = 0;
  double mean_ = 0.0;
  double m2_ = 0.0;
};

}  // namespace stacksim::sim
