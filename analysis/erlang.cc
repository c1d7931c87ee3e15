#include "analysis/erlang.h"

#include <cmath>
#include <limits>

#include "analysis/input_check.h"

namespace stacksim::analysis {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInfinity = std::numeric_limits<double>::infinity();

}  // namespace

double erlang_b(int c, double a) {
  if (c < 0 || !internal::non_negative_finite(a)) return kNaN;
  double b = 1.0;
  for (int k = 1; k <= c; ++k) b = a * b / (k + a * b);
  return b;
}

double erlang_c(int c, double a) {
  if (c < 1 || !internal::non_negative_finite(a)) return kNaN;
  if (a >= c) return 1.0;
  const double b = erlang_b(c, a);
  const double rho = a / c;
  return b / (1.0 - rho + rho * b);
}

double mmc_response_s(int c, double lambda_per_s, double service_s) {
  if (c < 1 || !internal::non_negative_finite(lambda_per_s) ||
      !internal::non_negative_finite(service_s)) {
    return kNaN;
  }
  const double a = lambda_per_s * service_s;
  if (a >= c) return kInfinity;
  return service_s + erlang_c(c, a) * service_s / (c - a);
}

double mmck_blocking(int c, std::int64_t room, double a) {
  if (c < 1 || room < 0 || !internal::non_negative_finite(a)) return kNaN;
  const double b = erlang_b(c, a);
  if (room == 0) return b;
  const double rho = a / c;
  if (rho <= 1.0) {
    double tail = 0.0, power = 1.0;
    for (std::int64_t j = 1; j <= room; ++j) tail += (power *= rho);
    return b * power / (1.0 + b * tail);
  }
  // Divided through by rho^room: sum_{j=1..room} rho^(j - room) = sum_{i=0..room-1} rho^-i.
  double tail = 0.0, power = 1.0;
  for (std::int64_t i = 0; i < room; ++i, power /= rho) tail += power;
  return b / (std::pow(rho, -static_cast<double>(room)) + b * tail);
}

}  // namespace stacksim::analysis
