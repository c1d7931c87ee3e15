#pragma once

#include <string>

namespace stacksim::reports {

// Writes `content` to `path` whole or not at all: into a temporary file beside it, flushed, then
// renamed over `path`. On failure returns false, fills `error` with a message naming the path,
// and leaves no partial file behind.
[[nodiscard]] bool write_file_atomically(const std::string& path, const std::string& content,
                                         std::string& error);

}  // namespace stacksim::reports
