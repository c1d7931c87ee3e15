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

// Where a scenario may read the files it names (an arrival trace).
struct FileAccess {
  std::filesystem::path base_directory;  // relative names start here; empty = the current directory
  // Read files outside base_directory too. Off by default, so that a scenario (one written by
  // someone else, a student's hand-in) cannot make stacksim read, and quote in its errors, a file
  // beyond its own folder such as "../../../etc/passwd".
  bool allow_outside = false;
};

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

// Reads the trace file `file` (relative to `files.base_directory` unless absolute) and parses
// it. A file outside the base directory (after following symbolic links) is refused unless
// `files.allow_outside`; so is anything but a regular file. A file that cannot be read is
// reported at `pointer` with its path.
[[nodiscard]] std::optional<std::vector<sim::Time>> read_trace_file(Validator& validator,
                                                                    const std::string& file,
                                                                    const FileAccess& files,
                                                                    const std::string& pointer);

}  // namespace stacksim::scenario
