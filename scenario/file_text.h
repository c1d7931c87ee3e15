#pragma once

// Reading a whole input file (a scenario, an arrival trace, a saved or partial report).

#include <cstddef>
#include <limits>
#include <optional>
#include <string>

namespace stacksim::scenario {

// The bytes of the file at `path`, or nullopt with `error` set to why not: the system's message
// ("No such file or directory"), "not a regular file" for anything else (a device such as
// /dev/zero, a FIFO, a directory: reading one could block or never end), or "larger than N MiB"
// when it holds more than `max_bytes` (N = max_bytes in MiB, rounded down). With `allow_stdin`,
// "-" is standard input, read to its end under the same cap.
[[nodiscard]] std::optional<std::string> read_file(
    const std::string& path, std::string& error,
    std::size_t max_bytes = std::numeric_limits<std::size_t>::max(), bool allow_stdin = false);

}  // namespace stacksim::scenario
