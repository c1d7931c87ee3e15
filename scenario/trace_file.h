#pragma once

// Private to the scenario layer: reading a trace of recorded arrival times (process "trace").

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/validator.h"
#include "sim/time.h"

namespace stacksim::scenario {

// Largest trace file read (a trace of ten million arrivals is about 120 MiB of text).
inline constexpr std::size_t kMaxTraceBytes = std::size_t{256} << 20;

// Parses trace text: one arrival time per line, in seconds from the start of the run (warm-up
// included). On each line, `#` starts a comment and a comma ends the time (further CSV columns
// are ignored); blank lines are skipped, and so is a first line that is not a number (a header).
// Times must be non-negative and non-decreasing. Problems are reported at `pointer` as
// "line N: ..." (the first few of them); returns nullopt when there is any, or no time at all.
[[nodiscard]] std::optional<std::vector<sim::Time>> parse_trace(Validator& validator,
                                                                std::string_view text,
                                                                const std::string& pointer);

// Reads the trace file `file` (relative to `base_directory` unless absolute; an empty base is
// the current directory) and parses it. A file that cannot be read is reported at `pointer`
// with its path.
[[nodiscard]] std::optional<std::vector<sim::Time>> read_trace_file(
    Validator& validator, const std::string& file, const std::filesystem::path& base_directory,
    const std::string& pointer);

}  // namespace stacksim::scenario
