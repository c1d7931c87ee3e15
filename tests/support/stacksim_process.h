#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

// Runs the real stacksim executable, as a user would, for the CLI and validation suites.
namespace stacksim::testing {

struct ProcessResult {
  int exit_code = -1;
  std::string out;  // standard output
  std::string err;  // standard error
};

// Runs `stacksim ARGS...` from the source directory (so scenarios/... paths work) and waits.
[[nodiscard]] ProcessResult run_stacksim(const std::vector<std::string>& args);

// Runs `stacksim run SCENARIO --json - --quiet EXTRA...`, requires exit code 0 and returns the
// parsed report (an empty object, with a test failure recorded, otherwise).
[[nodiscard]] nlohmann::json run_report(const std::string& scenario,
                                        const std::vector<std::string>& extra = {});

// The whole content of a file ("" when it cannot be read).
[[nodiscard]] std::string read_file(const std::string& path);

// A fresh empty directory under the build tree's temporary area.
[[nodiscard]] std::string make_temp_dir();

}  // namespace stacksim::testing
