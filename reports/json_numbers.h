#pragma once

#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <type_traits>

// How the JSON reports write numbers.
namespace stacksim::reports {

// A count: an integer when whole (always with one replication), else the fractional mean.
[[nodiscard]] inline nlohmann::ordered_json count_json(double value) {
  if (value >= 0.0 && value < 9.0e15 && std::floor(value) == value) {
    return static_cast<std::uint64_t>(value);
  }
  return value;
}

// A number, or null when it is infinite or NaN (JSON has neither).
[[nodiscard]] inline nlohmann::ordered_json finite_or_null(double value) {
  if (!std::isfinite(value)) return nullptr;
  return value;
}

// An optional value, or null when it is absent; a floating-point one as finite_or_null.
template <class T>
[[nodiscard]] nlohmann::ordered_json optional_or_null(const std::optional<T>& value) {
  if (!value) return nullptr;
  if constexpr (std::is_floating_point_v<T>) {
    return finite_or_null(*value);
  } else {
    return *value;
  }
}

}  // namespace stacksim::reports
