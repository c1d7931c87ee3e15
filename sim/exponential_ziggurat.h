#pragma once

#include <cmath>
#include <cstdint>

namespace stacksim::sim {

// Tables of the ziggurat method for the standard exponential (Marsaglia and Tsang, "The
// Ziggurat Method for Generating Random Variables", 2000), 256 layers of equal area, in the
// form of Doornik's ZIGNOR: layer i spans [0, x[i]] between heights f[i] and f[i + 1], with
// f = exp(-x). Layer 0 is the base: the rectangle under exp(-r) widened to the area of a layer
// so that its part past r stands for the tail.
struct ExponentialZiggurat {
  static constexpr int kLayers = 256;
  static constexpr double kR = 7.69711747013104972;          // start of the tail
  static constexpr double kArea = 0.0039496598225815571993;  // of every layer

  double x[kLayers + 1];
  double f[kLayers + 1];

  ExponentialZiggurat();

  // One standard exponential draw from 64 random bits, or a negative number when the bits fall
  // outside the layers' inner rectangles (about 1 time in 100); then call `slow`.
  [[nodiscard]] double fast(std::uint64_t bits) const {
    const int i = static_cast<int>(bits & (kLayers - 1));
    const double u = static_cast<double>(bits >> 11) * 0x1.0p-53;  // [0, 1), bits 11..63
    const double v = u * x[i];
    return v < x[i + 1] ? v : -1.0;
  }
};

// Built once, before main.
extern const ExponentialZiggurat kExponentialZiggurat;

}  // namespace stacksim::sim
