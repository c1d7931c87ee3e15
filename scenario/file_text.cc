#include "scenario/file_text.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

namespace stacksim::scenario {

namespace {

// Reads `fd` to its end, or until it holds more than `max_bytes`.
std::optional<std::string> read_all(int fd, std::string& error, std::size_t max_bytes) {
  std::string text;
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = std::strerror(errno);
      return std::nullopt;
    }
    if (n == 0) return text;
    if (static_cast<std::size_t>(n) > max_bytes - text.size()) {
      error = "larger than " + std::to_string(max_bytes >> 20) + " MiB";
      return std::nullopt;
    }
    text.append(buffer, static_cast<std::size_t>(n));
  }
}

}  // namespace

std::optional<std::string> read_file(const std::string& path, std::string& error,
                                     std::size_t max_bytes, bool allow_stdin) {
  if (allow_stdin && path == "-") return read_all(STDIN_FILENO, error, max_bytes);
  // O_NONBLOCK so that opening a FIFO with no writer does not wait; it is refused below.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  struct stat info {};
  std::optional<std::string> text;
  if (::fstat(fd, &info) != 0) {
    error = std::strerror(errno);
  } else if (!S_ISREG(info.st_mode)) {
    error = S_ISDIR(info.st_mode) ? "is a directory" : "not a regular file";
  } else if (static_cast<std::uint64_t>(info.st_size) > max_bytes) {
    error = "larger than " + std::to_string(max_bytes >> 20) + " MiB";
  } else {
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    text = read_all(fd, error, max_bytes);
  }
  ::close(fd);
  return text;
}

}  // namespace stacksim::scenario
