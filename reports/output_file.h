#pragma once

#include <string>

namespace stacksim::reports {

// Writes `content` to `path` whole or not at all, never destroying what is there:
// - a regular file, or nothing yet: written to a temporary file beside it (named
//   "NAME.tmp-PID-XXXXXX"), flushed, then renamed over `path`;
// - a symbolic link: the same, at the file the link points to (the link stays a link);
// - a character device (/dev/null, a terminal) or a FIFO: written through, in place;
// - anything else (a directory, a block device, a socket): refused.
// Before writing, temporaries of `path` left by a process that no longer exists (killed between
// writing and renaming) are removed. On failure returns false, fills `error` with a message
// naming the path, and leaves no partial file behind.
[[nodiscard]] bool write_file_atomically(const std::string& path, const std::string& content,
                                         std::string& error);

}  // namespace stacksim::reports
