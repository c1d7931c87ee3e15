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

// Runs `stacksim ARGS... --json -`, requires exit code 0 and returns the parsed standard output
// (an empty object, with a test failure showing the standard error recorded, otherwise). Throws
// if anything but the JSON is on standard output.
[[nodiscard]] nlohmann::json run_json(std::vector<std::string> args);

// run_json of `run SCENARIO --quiet EXTRA...`: the parsed report of a run.
[[nodiscard]] nlohmann::json run_report(const std::string& scenario,
                                        const std::vector<std::string>& extra = {});

}  // namespace stacksim::testing
