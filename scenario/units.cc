#include "scenario/units.h"

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <span>
#include <string>

namespace stacksim::scenario {

namespace {

// 2^63 as a long double: every finite result below it fits in int64 after rounding down.
constexpr long double kTwoPow63 = 9223372036854775808.0L;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Splits "1.5h" into the decimal number and its unit. The number is unsigned decimal notation
// (digits, an optional fraction, an optional exponent): no sign, no "inf" or "nan", no hex.
// Returns nullopt when the text does not start with such a number.
struct NumberAndUnit {
  double number;
  std::string_view unit;
};

std::optional<NumberAndUnit> split_number(std::string_view text) {
  std::size_t i = 0;
  std::size_t digits = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i, ++digits;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i, ++digits;
  }
  if (digits == 0) return std::nullopt;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    std::size_t j = i + 1;
    if (j < text.size() && (text[j] == '+' || text[j] == '-')) ++j;
    std::size_t exponent_digits = 0;
    while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j, ++exponent_digits;
    // "1e" is not a number; "1e3" is. A unit never starts with 'e' or 'E'.
    if (exponent_digits == 0) return std::nullopt;
    i = j;
  }
  double value = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + i, value);
  if (end != text.data() + i) return std::nullopt;
  // A number beyond a double ("1e400") becomes infinity, so that it reads as too large, and one
  // below the smallest ("1e-400") becomes 0 (from_chars leaves both unparsed; strtod does not).
  if (ec == std::errc::result_out_of_range) {
    value = std::strtod(std::string(text.substr(0, i)).c_str(), nullptr);
  } else if (ec != std::errc()) {
    return std::nullopt;
  }
  return NumberAndUnit{value, trim(text.substr(i))};
}

// value * scale rounded to the nearest integer; nullopt when negative, not finite or beyond int64.
std::optional<std::int64_t> scaled(double value, long double scale) {
  if (!std::isfinite(value) || value < 0.0) return std::nullopt;
  const long double product = std::roundl(static_cast<long double>(value) * scale);
  if (!(product < kTwoPow63)) return std::nullopt;
  return static_cast<std::int64_t>(product);
}

// A unit and how many base units (nanoseconds, bytes) it stands for; "" is a plain number.
struct Unit {
  std::string_view name;
  long double scale;
};

// A number with one of `units` after it, in base units, rounded to the nearest integer.
// `too_large`, when given, is set when the text is well formed but its value is beyond int64.
std::optional<std::int64_t> parse_with_units(std::string_view text, std::span<const Unit> units,
                                             bool* too_large = nullptr) {
  if (too_large != nullptr) *too_large = false;
  const auto parts = split_number(trim(text));
  if (!parts) return std::nullopt;
  for (const Unit& unit : units) {
    if (parts->unit != unit.name) continue;
    auto value = scaled(parts->number, unit.scale);
    if (!value && too_large != nullptr) *too_large = true;
    return value;
  }
  return std::nullopt;
}

}  // namespace

std::optional<sim::Time> duration_from_seconds(double seconds) {
  return scaled(seconds, static_cast<long double>(sim::kNanosPerSecond));
}

std::optional<std::int64_t> size_from_bytes(double bytes) { return scaled(bytes, 1.0L); }

std::optional<sim::Time> parse_duration(std::string_view text, bool* too_large) {
  static constexpr Unit kUnits[] = {
      {"", 1e9L},  {"ns", 1.0L}, {"us", 1e3L},   {"ms", 1e6L},
      {"s", 1e9L}, {"m", 60e9L}, {"h", 3600e9L}, {"d", 86400e9L},
  };
  return parse_with_units(text, kUnits, too_large);
}

std::optional<std::int64_t> parse_size(std::string_view text) {
  constexpr long double kKi = 1024.0L;
  static constexpr Unit kUnits[] = {
      {"", 1.0L},
      {"B", 1.0L},
      {"KiB", kKi},
      {"MiB", kKi * kKi},
      {"GiB", kKi * kKi * kKi},
      {"TiB", kKi * kKi * kKi * kKi},
      {"KB", 1e3L},
      {"MB", 1e6L},
      {"GB", 1e9L},
      {"TB", 1e12L},
  };
  return parse_with_units(text, kUnits);
}

}  // namespace stacksim::scenario
