#include "sim/exponential_ziggurat.h"

namespace stacksim::sim {

ExponentialZiggurat::ExponentialZiggurat() {
  // x[1] = r; each layer above has the same area: x[i] (f[i + 1] - f[i]) = kArea.
  x[0] = kArea / std::exp(-kR);
  f[0] = 0.0;  // the base layer reaches down to the axis
  x[1] = kR;
  f[1] = std::exp(-kR);
  for (int i = 2; i < kLayers; ++i) {
    f[i] = f[i - 1] + kArea / x[i - 1];
    x[i] = -std::log(f[i]);
  }
  x[kLayers] = 0.0;
  f[kLayers] = 1.0;
}

const ExponentialZiggurat kExponentialZiggurat;

}  // namespace stacksim::sim
