#pragma once

#include <cmath>
#include <sstream>
#include <string>

// Helpers the solvers share to check their inputs and word the error messages. Internal to
// analysis/: not part of the library's interface.
namespace stacksim::analysis::internal {

[[nodiscard]] inline bool positive_finite(double x) { return std::isfinite(x) && x > 0.0; }
[[nodiscard]] inline bool non_negative_finite(double x) { return std::isfinite(x) && x >= 0.0; }

// "<what> must be <requirement> (got <value>)", the value with up to 6 significant digits.
[[nodiscard]] inline std::string must_be(const std::string& what, const std::string& requirement,
                                         double value) {
  std::ostringstream out;
  out << what << " must be " << requirement << " (got " << value << ")";
  return out.str();
}

}  // namespace stacksim::analysis::internal
