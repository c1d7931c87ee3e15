#pragma once

#include <string>
#include <vector>

// Axes of a chart: the extent of the data, "nice" tick values (1, 2, 2.5 or 5 times a power of
// ten), and linear or logarithmic maps from data to pixels. Non-finite values (NaN, inf) are
// ignored everywhere, so they never reach a picture.
namespace stacksim::charts {

// A closed interval of data values; lo <= hi.
struct Extent {
  double lo = 0.0;
  double hi = 1.0;
};

// The extent of the finite values among `values`; nullopt-like `found` false when there is none.
struct ExtentResult {
  Extent extent;
  bool found = false;
};
[[nodiscard]] ExtentResult finite_extent(const std::vector<double>& values);

// An extent fit to be an axis: [0, 1] when nothing was found, widened around a single value
// (lo == hi) to [v - 1, v + 1] (v = 0) or [v - |v|/2, v + |v|/2], and with lo pulled to 0 when
// `from_zero` and every value is positive.
[[nodiscard]] Extent axis_extent(ExtentResult found, bool from_zero);

// About `target` tick values covering [lo, hi]: multiples of a nice step (1, 2, 2.5 or 5 x 10^k),
// from the largest multiple <= lo to the smallest >= hi. Empty when lo or hi is not finite or
// hi < lo; a single tick when lo == hi.
[[nodiscard]] std::vector<double> nice_ticks(double lo, double hi, int target = 5);

// Ticks of a log axis over [lo, hi] (lo > 0): 1, 2 and 5 times the powers of ten in range when
// that gives no more than `max_ticks`, else the powers of ten alone (every other one when there
// are still too many). Empty when lo <= 0 or a bound is not finite.
[[nodiscard]] std::vector<double> log_ticks(double lo, double hi, int max_ticks = 8);

// A tick label: the shortest of %g with up to 6 significant digits ("0.25", "1500", "1e+06").
[[nodiscard]] std::string tick_label(double value);

// Maps a data interval onto a pixel interval (r0 may exceed r1, as for a y axis).
class LinearScale {
 public:
  LinearScale(Extent domain, double r0, double r1);
  // The pixel of `value`; values outside the domain map outside the range.
  [[nodiscard]] double operator()(double value) const;
  [[nodiscard]] const Extent& domain() const { return domain_; }

 private:
  Extent domain_;
  double r0_, r1_;
};

// Maps log10 of a positive data interval onto a pixel interval; values <= 0 map to r0.
class LogScale {
 public:
  LogScale(Extent domain, double r0, double r1);
  [[nodiscard]] double operator()(double value) const;
  [[nodiscard]] const Extent& domain() const { return domain_; }

 private:
  Extent domain_;
  double r0_, r1_;
};

}  // namespace stacksim::charts
