#include "scenario/file_text.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace stacksim::scenario {

std::optional<std::string> read_file(const std::string& path, std::string& error,
                                     std::size_t max_bytes) {
  errno = 0;
  std::FILE* stream = std::fopen(path.c_str(), "rb");
  if (stream == nullptr) {
    error = std::strerror(errno != 0 ? errno : ENOENT);
    return std::nullopt;
  }
  std::string text;
  char buffer[65536];
  std::size_t n = 0;
  bool too_large = false;
  while ((n = std::fread(buffer, 1, sizeof buffer, stream)) > 0) {
    if (n > max_bytes - text.size()) {
      too_large = true;
      break;
    }
    text.append(buffer, n);
  }
  const bool failed = std::ferror(stream) != 0;
  const int error_number = errno != 0 ? errno : EIO;
  std::fclose(stream);
  if (too_large) {
    error = "larger than " + std::to_string(max_bytes >> 20) + " MiB";
    return std::nullopt;
  }
  if (failed) {
    error = std::strerror(error_number);
    return std::nullopt;
  }
  return text;
}

}  // namespace stacksim::scenario
