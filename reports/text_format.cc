#include "reports/text_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace stacksim::reports {
namespace {

std::string printf_string(const char* format, int decimals, double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, decimals, value);
  return buffer;
}

// Three significant digits, no exponent: 1.02, 35.0, 180.
std::string three_digits(double value) {
  if (value == 0.0) return "0";
  const int magnitude = static_cast<int>(std::floor(std::log10(std::fabs(value))));
  const int decimals = std::clamp(2 - magnitude, 0, 6);
  const std::string text = printf_string("%.*f", decimals, value);
  // 9.996 rounds to 10.00: one digit too many.
  if (decimals > 0 && std::fabs(std::stod(text)) >= std::pow(10.0, magnitude + 1)) {
    return printf_string("%.*f", decimals - 1, value);
  }
  return text;
}

bool is_whole_multiple(double value, double unit) {
  const double ratio = value / unit;
  return ratio >= 1.0 && std::fabs(ratio - std::round(ratio)) < 1e-9 * ratio;
}

}  // namespace

std::string format_fixed(double value, int decimals) {
  if (!std::isfinite(value)) return printf_string("%.*f", 0, value);
  std::string text = printf_string("%.*f", decimals, value);
  const bool negative = text.front() == '-';
  const std::size_t begin = negative ? 1 : 0;
  std::size_t end = text.find('.');
  if (end == std::string::npos) end = text.size();
  for (std::size_t digits = end - begin; digits > 3; digits -= 3) {
    end -= 3;
    text.insert(end, 1, ',');
  }
  return text;
}

std::string format_count(double value) {
  return format_fixed(value, std::floor(value) == value ? 0 : 1);
}

std::string format_seconds(double seconds) {
  if (seconds == 0.0) return "0s";
  if (!std::isfinite(seconds)) return printf_string("%.*f", 0, seconds) + "s";
  struct Unit {
    double scale;
    const char* suffix;
  };
  static constexpr Unit kUnits[] = {{1e-9, "ns"}, {1e-6, "us"}, {1e-3, "ms"}, {1.0, "s"}};
  for (const Unit& unit : kUnits) {
    const std::string text = three_digits(seconds / unit.scale);
    // Move up a unit when the value (once rounded) reaches 1000 of this one.
    if (&unit != &kUnits[3] && std::fabs(std::stod(text)) >= 1000.0) continue;
    return text + unit.suffix;
  }
  return three_digits(seconds) + "s";  // not reached
}

std::string format_span(double seconds) {
  if (seconds == 0.0) return "0s";
  if (std::fabs(seconds) < 1.0) return format_seconds(seconds);
  struct Unit {
    double seconds;
    const char* suffix;
  };
  static constexpr Unit kUnits[] = {{86400.0, "d"}, {3600.0, "h"}, {60.0, "m"}, {1.0, "s"}};
  for (const Unit& unit : kUnits) {
    if (is_whole_multiple(seconds, unit.seconds)) {
      return printf_string("%.*f", 0, seconds / unit.seconds) + unit.suffix;
    }
  }
  for (const Unit& unit : kUnits) {
    if (seconds >= unit.seconds) return three_digits(seconds / unit.seconds) + unit.suffix;
  }
  return three_digits(seconds) + "s";  // not reached
}

std::string format_duration(double seconds) {
  if (!std::isfinite(seconds) || std::fabs(seconds) < 60.0) return format_seconds(seconds);
  struct Unit {
    double seconds;
    const char* suffix;
  };
  static constexpr Unit kUnits[] = {{86400.0, "d"}, {3600.0, "h"}, {60.0, "m"}};
  for (const Unit& unit : kUnits) {
    if (std::fabs(seconds) >= unit.seconds)
      return three_digits(seconds / unit.seconds) + unit.suffix;
  }
  return format_seconds(seconds);  // not reached
}

std::string format_percent(double fraction, int decimals) {
  return printf_string("%.*f", decimals, fraction * 100.0) + "%";
}

std::string format_signed_percent(double fraction, int decimals) {
  std::string text(fraction >= 0.0 ? "+" : "");
  text += format_percent(fraction, decimals);
  return text;
}

std::string format_significant(double value) {
  if (!std::isfinite(value)) return "inf";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4g", value);
  return buffer;
}

std::string join_with_commas(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

std::string format_availability(double fraction, int min_decimals) {
  if (fraction == 1.0) return "100%";
  for (int decimals = min_decimals; decimals < 6; ++decimals) {
    const std::string text = format_percent(fraction, decimals);
    if (std::stod(text) < 100.0) return text;
  }
  return format_percent(fraction, std::max(min_decimals, 6));
}

std::string format_bytes(double bytes) {
  if (!std::isfinite(bytes) || std::fabs(bytes) < 1024.0) {
    return printf_string("%.*f", 0, bytes) + "B";
  }
  static constexpr const char* kUnits[] = {"KiB", "MiB", "GiB", "TiB"};
  double value = bytes / 1024.0;
  for (int unit = 0;; ++unit, value /= 1024.0) {
    const std::string text = three_digits(value);
    if (unit == 3 || std::fabs(std::stod(text)) < 1024.0) return text + kUnits[unit];
  }
}

std::string section_line(const std::string& label, const std::string& text) {
  std::string line = label;
  line.resize(11, ' ');
  return line + text + "\n";
}

std::string format_clock(double seconds) {
  if (!std::isfinite(seconds)) return printf_string("%.*f", 0, seconds);
  const long long total = std::llround(std::fabs(seconds));
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%s%lld:%02lld:%02lld", seconds < 0 && total > 0 ? "-" : "",
                total / 3600, total / 60 % 60, total % 60);
  return buffer;
}

std::string format_money(double dollars) {
  std::string text = "$";
  return text.append(format_fixed(dollars, 2));  // not "$" + ...: GCC 12 warns (-Wrestrict)
}

}  // namespace stacksim::reports
