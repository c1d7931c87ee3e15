#pragma once

#include <string>

// Fields of the CSV files stacksim writes (RFC 4180).
namespace stacksim::reports {

// The text as one field, quoted when it holds a comma, quote or line break.
[[nodiscard]] std::string csv_field(const std::string& text);

// Whole numbers exactly ("1200"), others to nine significant digits ("0.123456789").
[[nodiscard]] std::string csv_number(double value);

}  // namespace stacksim::reports
