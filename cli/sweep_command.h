#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace stacksim::cli {

// `stacksim sweep SCENARIO --vary PATH=FROM:TO:STEPS [--vary ...] [options]`.
struct SweepArgs {
  ScenarioArgs scenario;            // the file, --set, --seed, --duration, --warmup
  std::vector<std::string> varies;  // "--vary" texts, in command-line order (first = outermost)
  int replications = 1;
  int threads = 1;
  std::string json_path;  // "-" = stdout
  std::string csv_path;
  std::string html_path;                      // the HTML report
  std::optional<std::string> latency_target;  // a duration, e.g. "200ms"
  std::string latency_percentile = "p99";     // p99, p95, p50 or mean
  bool quiet = false;
};

// Runs every point of the grid (each point: the scenario with --set, then the point's values,
// then --seed/--duration/--warmup applied, exactly as `stacksim run --set ...` would load it),
// points x replications on a pool of --threads threads, and reports the capacity report on
// stdout (unless --quiet or --json -), the JSON report to --json and one CSV row per point to
// --csv. `args` is as main.cc's CLI11 checks leave it: at least one --vary, and a
// --latency-percentile of p99, p95, p50 or mean. Exit codes: 64 for a bad --vary or
// --latency-target (main.cc: a missing --vary or a bad --latency-percentile); 65 when the
// scenario or any point is invalid (every invalid point is printed with its errors; nothing is
// run or written); 66 for an unreadable scenario; 73 when an output cannot be written; 130
// after a SIGINT, having reported the points that ran.
[[nodiscard]] int sweep_command(const SweepArgs& args);

}  // namespace stacksim::cli
