#include "reports/output_file.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <vector>

namespace stacksim::reports {
namespace {

// Symbolic links followed before giving up with ELOOP, as the kernel's own limit.
constexpr int kMaxSymlinks = 40;

// The mode a newly created file gets: an existing target's, else 0666 less the umask (read
// from /proc so as not to change it; 022 assumed when unknown).
mode_t mode_for(const std::string& path) {
  struct stat existing {};
  if (::stat(path.c_str(), &existing) == 0) return existing.st_mode & 07777;
  mode_t mask = 022;
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("Umask:", 0) == 0) {
      mask = static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8));
      break;
    }
  }
  return 0666 & ~mask;
}

bool write_all(int fd, const std::string& content) {
  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  return true;
}

std::string directory_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? "." : path.substr(0, slash + 1);
}

std::string base_name_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Makes the rename itself durable; best effort.
void sync_directory_of(const std::string& path) {
  const int fd = ::open(directory_of(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// Follows `path` through symbolic links to the name that is not one (it may not exist yet).
// Returns false with errno set when a link cannot be read or there are too many.
bool resolve_links(std::string& path) {
  for (int hops = 0; hops <= kMaxSymlinks; ++hops) {
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0 || !S_ISLNK(info.st_mode)) return true;
    std::vector<char> target(static_cast<std::size_t>(info.st_size > 0 ? info.st_size : 255) + 2);
    const ssize_t n = ::readlink(path.c_str(), target.data(), target.size());
    if (n < 0) return false;
    if (static_cast<std::size_t>(n) >= target.size()) {
      errno = ENAMETOOLONG;
      return false;
    }
    const std::string link(target.data(), static_cast<std::size_t>(n));
    path = link.front() == '/' ? link : directory_of(path) + link;
  }
  errno = ELOOP;
  return false;
}

// Removes "NAME.tmp-PID-XXXXXX" files of `path` whose process PID is gone: what a kill between
// writing a temporary and renaming it leaves. Best effort.
void remove_stale_temporaries(const std::string& path) {
  const std::string prefix = base_name_of(path) + ".tmp-";
  const std::string dir = directory_of(path);
  DIR* stream = ::opendir(dir.c_str());
  if (stream == nullptr) return;
  while (const dirent* entry = ::readdir(stream)) {
    const std::string name = entry->d_name;
    if (name.rfind(prefix, 0) != 0) continue;
    const char* first = name.data() + prefix.size();
    const char* last = name.data() + name.size();
    long pid = 0;
    const auto [end, ec] = std::from_chars(first, last, pid);
    if (ec != std::errc() || end == first || end == last || *end != '-' || pid <= 0) continue;
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // still running
    const std::string stale = dir + (dir.back() == '/' ? "" : "/") + name;
    struct stat info {};
    if (::lstat(stale.c_str(), &info) == 0 && S_ISREG(info.st_mode)) ::unlink(stale.c_str());
  }
  ::closedir(stream);
}

// Writes into a temporary file beside `path`, then renames it over `path`; 0 or an errno.
int replace_atomically(const std::string& path, const std::string& content) {
  remove_stale_temporaries(path);
  std::string temp = path + ".tmp-" + std::to_string(::getpid()) + "-XXXXXX";
  std::vector<char> name(temp.begin(), temp.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0) return errno;
  temp.assign(name.data());

  int err = 0;
  if (::fchmod(fd, mode_for(path)) != 0 || !write_all(fd, content) || ::fsync(fd) != 0) {
    err = errno;
  }
  if (::close(fd) != 0 && err == 0) err = errno;
  if (err == 0 && ::rename(temp.c_str(), path.c_str()) != 0) err = errno;
  if (err != 0) {
    ::unlink(temp.c_str());
    return err;
  }
  sync_directory_of(path);
  return 0;
}

// Writes through to a character device or a FIFO (blocking until a reader opens a FIFO);
// 0 or an errno.
int write_through(const std::string& path, const std::string& content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return errno;
  int err = write_all(fd, content) ? 0 : errno;
  if (::close(fd) != 0 && err == 0) err = errno;
  return err;
}

}  // namespace

bool write_file_atomically(const std::string& path, const std::string& content,
                           std::string& error) {
  auto fail = [&](int err, const std::string& why = {}) {
    error = "cannot write " + path + ": " + (why.empty() ? std::strerror(err) : why);
    return false;
  };
  std::string target = path;
  if (!resolve_links(target)) return fail(errno);
  struct stat info {};
  if (::stat(target.c_str(), &info) != 0) {
    if (errno != ENOENT) return fail(errno);
  } else if (S_ISCHR(info.st_mode) || S_ISFIFO(info.st_mode)) {
    const int err = write_through(target, content);
    return err == 0 ? true : fail(err);
  } else if (!S_ISREG(info.st_mode)) {
    return fail(0, S_ISDIR(info.st_mode)
                       ? std::string("is a directory")
                       : "not a regular file, character device or FIFO; left as it is");
  }
  const int err = replace_atomically(target, content);
  return err == 0 ? true : fail(err);
}

}  // namespace stacksim::reports
