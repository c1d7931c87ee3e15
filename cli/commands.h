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
  bool force = false;                // --force: run what scenario::run_size_problems refuses
  bool allow_outside_files = false;  // --allow-outside-files: traces beyond the scenario's folder
};

struct RunArgs {
  ScenarioArgs scenario;
  int replications = 1;
  int threads = 1;
  std::string json_path;  // "-" = stdout
  std::string csv_path;
  std::string csv_long_path;  // the time series in long ("tidy") form
  std::string html_path;      // the HTML report
  std::string out_dir;
  bool quiet = false;
  bool wide = false;  // --wide: the full tables, however wide; else they fit 80 columns
  std::optional<std::string> shard;  // "--shard I/N": run shard I of N, write a partial report
  bool explain = false;  // a plain-language reading under each section of the text report
};

// Each returns the process exit code (cli/exit_codes.h) and prints its own errors to stderr.
// run_command with --shard I/N runs only shard I's replications (shards/shard.h) and writes
// the partial report (shards/partial_report.h) to --json, which it then requires (exit 64
// without it, or with --csv or --out); `stacksim merge` makes the run's report from all N.
[[nodiscard]] int run_command(const RunArgs& args);
[[nodiscard]] int validate_command(const ScenarioArgs& args);

}  // namespace stacksim::cli
