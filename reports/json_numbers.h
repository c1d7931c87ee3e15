#pragma once

#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>

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

}  // namespace stacksim::reports
