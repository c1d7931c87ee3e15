#include "reports/csv_format.h"

#include <cmath>
#include <cstdio>

namespace stacksim::reports {

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string csv_number(double value) {
  char buffer[40];
  if (std::isfinite(value) && std::fabs(value) < 1e15 && std::floor(value) == value) {
    std::snprintf(buffer, sizeof buffer, "%lld", static_cast<long long>(value));
  } else {
    std::snprintf(buffer, sizeof buffer, "%.9g", value);
  }
  return buffer;
}

}  // namespace stacksim::reports
