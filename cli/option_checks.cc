#include "cli/option_checks.h"

#include <charconv>
#include <cstdint>
#include <limits>
#include <string>

namespace stacksim::cli {

CLI::Validator at_least_one() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        long long n = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
        if (ec == std::errc() && end == value.data() + value.size() && n >= 1) return {};
        return "must be an integer of at least 1, got " + value;
      },
      "INT>=1");
}

CLI::Validator non_negative_seed() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        std::uint64_t n = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
        if (ec == std::errc() && end == value.data() + value.size() && !value.empty()) return {};
        return "must be an integer from 0 to " +
               std::to_string(std::numeric_limits<std::uint64_t>::max()) + ", got " + value;
      },
      "UINT");
}

}  // namespace stacksim::cli
