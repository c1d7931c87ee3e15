// What `--json`/`--csv` do to what is already at the output path: a regular file is replaced
// atomically; a character device or a FIFO is written through, in place; a symbolic link stays
// a link and the file it points to gets the report; a temporary left by a killed run is removed.
// Device nodes need root (mknod): CI runs as root; elsewhere those tests skip.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <string>

#include "tests/support/files.h"
#include "tests/support/stacksim_process.h"

namespace stacksim::testing {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kShortRun = {"run", "scenarios/mm1.json", "--duration", "5s",
                                            "--quiet"};

std::vector<std::string> short_run(std::initializer_list<std::string> outputs) {
  std::vector<std::string> args = kShortRun;
  args.insert(args.end(), outputs);
  return args;
}

bool is_root_or_required() {
  if (::geteuid() == 0) return true;
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::string(ci) == "true";  // CI runs as root: never skip there
}

TEST(OutputTargets, CharacterDeviceIsWrittenThroughNotReplaced) {
  if (!is_root_or_required()) GTEST_SKIP() << "mknod needs root";
  const TempDir dir("out-chr");
  const fs::path null = dir / "null";
  ASSERT_EQ(::mknod(null.c_str(), S_IFCHR | 0666, makedev(1, 3)), 0) << "mknod failed";
  const auto result = run_stacksim(short_run({"--json", null.string(), "--csv", null.string()}));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  struct stat info {};
  ASSERT_EQ(::lstat(null.c_str(), &info), 0);
  EXPECT_TRUE(S_ISCHR(info.st_mode)) << "the device node was replaced";
  EXPECT_EQ(info.st_rdev, makedev(1, 3));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1)
      << "a temporary file was left beside the device";
}

TEST(OutputTargets, FifoReceivesTheReportAndStaysAFifo) {
  const TempDir dir("out-fifo");
  const fs::path fifo = dir / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // A consumer holds the FIFO open (read-write, so that opening it never blocks and a run that
  // replaced the FIFO cannot hang the test) and reads whatever arrives until the run is over.
  const int fd = ::open(fifo.c_str(), O_RDWR | O_NONBLOCK);
  ASSERT_GE(fd, 0);
  std::atomic<bool> run_over{false};
  auto reader = std::async(std::launch::async, [&] {
    std::string received;
    char buffer[4096];
    for (;;) {
      pollfd ready{fd, POLLIN, 0};
      if (::poll(&ready, 1, 100) > 0) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n > 0) received.append(buffer, static_cast<std::size_t>(n));
      } else if (run_over) {
        return received;
      }
    }
  });
  const auto result = run_stacksim(short_run({"--csv", fifo.string()}));
  run_over = true;
  const std::string csv = reader.get();
  ::close(fd);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(csv.substr(0, csv.find('\n')).find("start_s"), std::string::npos) << csv.substr(0, 80);
  struct stat info {};
  ASSERT_EQ(::lstat(fifo.c_str(), &info), 0);
  EXPECT_TRUE(S_ISFIFO(info.st_mode)) << "the FIFO was replaced by a regular file";
}

TEST(OutputTargets, SymlinkStaysALinkAndItsTargetGetsTheReport) {
  const TempDir dir("out-link");
  fs::create_directory(dir / "reports");
  const fs::path target = dir / "reports" / "latest.json";
  std::ofstream(target) << "old";
  const fs::path link = dir / "report.json";
  fs::create_symlink("reports/latest.json", link);
  const fs::path dangling = dir / "new.json";
  fs::create_symlink("reports/new-target.json", dangling);

  const auto result =
      run_stacksim(short_run({"--json", link.string(), "--csv", dangling.string()}));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(fs::is_symlink(link)) << "the link was replaced";
  EXPECT_EQ(fs::read_symlink(link), "reports/latest.json");
  EXPECT_EQ(nlohmann::json::parse(read_file(target))["scenario"]["name"], "mm1");
  EXPECT_TRUE(fs::is_symlink(dangling));
  EXPECT_NE(read_file(dir / "reports" / "new-target.json").find("start_s"), std::string::npos);
}

TEST(OutputTargets, ADirectoryIsRefusedAndLeftAsItIs) {
  const TempDir dir("out-dir");
  fs::create_directory(dir / "report.json");
  const auto result = run_stacksim(short_run({"--json", (dir / "report.json").string()}));
  EXPECT_EQ(result.exit_code, 73);
  EXPECT_NE(result.err.find("is a directory"), std::string::npos) << result.err;
  EXPECT_TRUE(fs::is_directory(dir / "report.json"));
}

TEST(OutputTargets, StaleTemporaryOfAKilledRunIsRemovedNextTime) {
  const TempDir dir("out-stale");
  const fs::path report = dir / "report.json";
  // What a run killed between writing and renaming leaves: its pid is in the name.
  const fs::path stale = dir / "report.json.tmp-2147483646-a1b2c3";
  const fs::path live = dir / "report.json.tmp-1-d4e5f6";  // pid 1 is running: left alone
  std::ofstream(stale) << "{}";
  std::ofstream(live) << "{}";
  const auto result = run_stacksim(short_run({"--json", report.string()}));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_FALSE(fs::exists(stale));
  EXPECT_TRUE(fs::exists(live));
  EXPECT_TRUE(fs::is_regular_file(report));
}

}  // namespace
}  // namespace stacksim::testing
