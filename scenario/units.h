#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sim/time.h"

namespace stacksim::scenario {

// "250ms", "1.5h", "90s", "2d" or a plain number of seconds ("30", "0.5"). Units: ns us ms s m h
// d. Returns nullopt for anything else, negative values included; `too_large`, when given, tells
// whether that was a well-formed duration beyond the clock's range (about 292 years).
[[nodiscard]] std::optional<sim::Time> parse_duration(std::string_view text,
                                                      bool* too_large = nullptr);
[[nodiscard]] std::optional<sim::Time> duration_from_seconds(double seconds);

// "8GiB", "512MiB", "64KB" or a plain number of bytes. Units: B KiB MiB GiB TiB (powers of 1024)
// and KB MB GB TB (powers of 1000). Returns nullopt for anything else.
[[nodiscard]] std::optional<std::int64_t> parse_size(std::string_view text);
// A plain number of bytes, rounded to the nearest byte; nullopt when negative, not finite or
// beyond int64.
[[nodiscard]] std::optional<std::int64_t> size_from_bytes(double bytes);

}  // namespace stacksim::scenario
