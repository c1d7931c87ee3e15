#pragma once

#include <string_view>

namespace stacksim::scenario {

// True for dotted-quad IPv4 text "a.b.c.d": four decimal octets 0..255, no sign, no leading zero
// (leading zeros are read as octal by some resolvers, so they are refused).
[[nodiscard]] bool is_ipv4_address(std::string_view text);

}  // namespace stacksim::scenario
