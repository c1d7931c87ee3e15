#include "reports/output_file.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "tests/support/files.h"

namespace stacksim::reports {
namespace {

namespace fs = std::filesystem;
using stacksim::testing::read_file;
using ::testing::HasSubstr;
using ::testing::StartsWith;

// A fresh empty directory per test, removed afterwards.
class OutputFileTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(fs::is_directory(dir_)); }

  [[nodiscard]] std::vector<std::string> entries() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir_)) {
      names.push_back(entry.path().filename().string());
    }
    return names;
  }

  const stacksim::testing::TempDir temp_{"reports-output"};
  const fs::path dir_ = temp_.path();
};

TEST_F(OutputFileTest, CreatesTheFileWithExactContent) {
  const fs::path path = dir_ / "report.json";
  std::string content = "{\"a\": 1}\n";
  content += std::string("\0\xff binary\r\n", 11);
  content += std::string(300'000, 'x');  // more than one write may take
  std::string error;
  ASSERT_TRUE(write_file_atomically(path.string(), content, error)) << error;
  EXPECT_TRUE(error.empty());
  EXPECT_EQ(read_file(path), content);
  EXPECT_EQ(entries(), std::vector<std::string>{"report.json"});  // no temporary left
}

TEST_F(OutputFileTest, EmptyContentMakesAnEmptyFile) {
  const fs::path path = dir_ / "empty.csv";
  std::string error;
  ASSERT_TRUE(write_file_atomically(path.string(), "", error)) << error;
  EXPECT_TRUE(fs::exists(path));
  EXPECT_EQ(fs::file_size(path), 0u);
}

TEST_F(OutputFileTest, NewFileIsReadableLikeAnyOther) {
  const fs::path path = dir_ / "report.json";
  std::string error;
  ASSERT_TRUE(write_file_atomically(path.string(), "x", error)) << error;
  // Not mkstemp's 0600: owner can read and write, mode follows the umask.
  const auto perms = fs::status(path).permissions();
  EXPECT_NE(perms & fs::perms::owner_read, fs::perms::none);
  EXPECT_NE(perms & fs::perms::owner_write, fs::perms::none);
  const mode_t mask = ::umask(0);
  ::umask(mask);
  EXPECT_EQ(static_cast<mode_t>(perms), 0666 & ~mask);
}

TEST_F(OutputFileTest, OverwritingReplacesTheFileWhole) {
  const fs::path path = dir_ / "timeseries.csv";
  { std::ofstream(path) << std::string(10'000, 'o'); }
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  std::string error;
  ASSERT_TRUE(write_file_atomically(path.string(), "short\n", error)) << error;
  EXPECT_EQ(read_file(path), "short\n");
  EXPECT_EQ(entries(), std::vector<std::string>{"timeseries.csv"});
  // The replaced file keeps its mode.
  EXPECT_EQ(fs::status(path).permissions(),
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
}

TEST_F(OutputFileTest, MissingDirectoryFailsCleanly) {
  const std::string path = (dir_ / "missing" / "report.json").string();
  std::string error;
  EXPECT_FALSE(write_file_atomically(path, "content", error));
  EXPECT_EQ(error, "cannot write " + path + ": No such file or directory");
  EXPECT_FALSE(fs::exists(dir_ / "missing"));
  EXPECT_TRUE(entries().empty());
}

TEST_F(OutputFileTest, FailureAfterTheTemporaryExistsRemovesIt) {
  // A directory in the way: the temporary file is written, then the rename fails.
  const fs::path path = dir_ / "report.json";
  fs::create_directory(path);
  fs::create_directory(path / "inside");
  std::string error;
  EXPECT_FALSE(write_file_atomically(path.string(), "content", error));
  EXPECT_THAT(error, StartsWith("cannot write " + path.string() + ": "));
  EXPECT_EQ(entries(), std::vector<std::string>{"report.json"});
  EXPECT_TRUE(fs::is_directory(path));
}

}  // namespace
}  // namespace stacksim::reports
