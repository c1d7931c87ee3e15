#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace stacksim::cli {

// Options shared by the commands that load a scenario: the file and the overrides on top of it.
struct ScenarioArgs {
  std::string path;
  std::vector<std::string> sets;  // "--set PATH=VALUE", in command-line order
  std::optional<std::uint64_t> seed;
  std::optional<std::string> duration;
  std::optional<std::string> warmup;
};

struct RunArgs {
  ScenarioArgs scenario;
  int replications = 1;
  int threads = 1;
  std::string json_path;  // "-" = stdout
  std::string csv_path;
  std::string out_dir;
  bool quiet = false;
  bool explain = false;  // a plain-language reading under each section of the text report
};

// Each returns the process exit code (cli/exit_codes.h) and prints its own errors to stderr.
[[nodiscard]] int run_command(const RunArgs& args);
[[nodiscard]] int validate_command(const ScenarioArgs& args);

}  // namespace stacksim::cli
