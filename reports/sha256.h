#pragma once

#include <string>
#include <string_view>

namespace stacksim::reports {

// SHA-256 (FIPS 180-4) of the bytes, as 64 lowercase hex digits.
[[nodiscard]] std::string sha256_hex(std::string_view bytes);

}  // namespace stacksim::reports
