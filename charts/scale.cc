#include "charts/scale.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace stacksim::charts {

ExtentResult finite_extent(const std::vector<double>& values) {
  ExtentResult result;
  for (double v : values) {
    if (!std::isfinite(v)) continue;
    if (!result.found) {
      result.extent = {v, v};
      result.found = true;
    } else {
      result.extent.lo = std::min(result.extent.lo, v);
      result.extent.hi = std::max(result.extent.hi, v);
    }
  }
  return result;
}

Extent axis_extent(ExtentResult found, bool from_zero) {
  if (!found.found) return {0.0, 1.0};
  Extent e = found.extent;
  if (from_zero && e.lo > 0) e.lo = 0;
  if (e.lo == e.hi) {
    const double v = e.lo;
    if (v == 0) return {0.0, 1.0};
    const double half = std::abs(v) / 2;
    e = {v - half, v + half};
    if (from_zero && v > 0) e.lo = 0;
  }
  return e;
}

namespace {

// The nice step for a raw step: 1, 2, 2.5 or 5 times a power of ten, at least `raw`.
double nice_step(double raw) {
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (m * power >= raw * (1 - 1e-12)) return m * power;
  }
  return 10 * power;
}

}  // namespace

std::vector<double> nice_ticks(double lo, double hi, int target) {
  if (!std::isfinite(lo) || !std::isfinite(hi) || hi < lo) return {};
  if (lo == hi) return {lo};
  target = std::max(target, 2);
  const double step = nice_step((hi - lo) / target);
  if (!std::isfinite(step) || step <= 0) return {lo, hi};
  const double first = std::floor(lo / step + 1e-9) * step;
  const double last = std::ceil(hi / step - 1e-9) * step;
  std::vector<double> ticks;
  for (int i = 0;; ++i) {
    double t = first + i * step;
    if (t > last + step * 1e-9 || i > 1000) break;
    if (std::abs(t) < step * 1e-9) t = 0;  // no "-0" or "1e-17" from rounding
    ticks.push_back(t);
  }
  return ticks;
}

std::vector<double> log_ticks(double lo, double hi, int max_ticks) {
  if (!std::isfinite(lo) || !std::isfinite(hi) || lo <= 0 || hi < lo) return {};
  const int first = static_cast<int>(std::floor(std::log10(lo) + 1e-9));
  const int last = static_cast<int>(std::ceil(std::log10(hi) - 1e-9));
  std::vector<double> fine;
  for (int k = first; k <= last; ++k) {
    for (double m : {1.0, 2.0, 5.0}) {
      const double t = m * std::pow(10.0, k);
      if (t >= lo * (1 - 1e-9) && t <= hi * (1 + 1e-9)) fine.push_back(t);
    }
  }
  if (static_cast<int>(fine.size()) <= max_ticks && fine.size() >= 2) return fine;
  std::vector<double> decades;
  for (int k = first; k <= last; ++k) decades.push_back(std::pow(10.0, k));
  int stride = 1;
  while (static_cast<int>(decades.size()) / stride > max_ticks) ++stride;
  std::vector<double> ticks;
  for (std::size_t i = 0; i < decades.size(); i += static_cast<std::size_t>(stride)) {
    ticks.push_back(decades[i]);
  }
  return ticks;
}

std::string tick_label(double value) {
  if (!std::isfinite(value)) return "";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", value);
  return buffer;
}

LinearScale::LinearScale(Extent domain, double r0, double r1) : domain_(domain), r0_(r0), r1_(r1) {}

double LinearScale::operator()(double value) const {
  const double span = domain_.hi - domain_.lo;
  if (span <= 0) return (r0_ + r1_) / 2;
  return r0_ + (value - domain_.lo) / span * (r1_ - r0_);
}

LogScale::LogScale(Extent domain, double r0, double r1) : domain_(domain), r0_(r0), r1_(r1) {}

double LogScale::operator()(double value) const {
  if (value <= 0 || domain_.lo <= 0 || domain_.hi <= domain_.lo) return r0_;
  const double lo = std::log10(domain_.lo);
  const double hi = std::log10(domain_.hi);
  return r0_ + (std::log10(value) - lo) / (hi - lo) * (r1_ - r0_);
}

}  // namespace stacksim::charts
