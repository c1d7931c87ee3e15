#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/command_output.h"
#include "cli/commands.h"
#include "models/run_result.h"
#include "reports/sweep_grid.h"
#include "reports/sweep_point.h"
#include "scenario/loader.h"

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
  bool wide = false;  // --wide: the full tables, however wide; else they fit 80 columns
  std::optional<std::string> shard;  // "--shard I/N": run shard I of N, write a partial report
};

// With --shard I/N, runs only shard I's tasks (shards/shard.h: whole points, or a point's
// replications when the grid has fewer points than shards) and writes the partial report
// (shards/partial_report.h) to --json, which it then requires (exit 64 without it, or with
// --csv); `stacksim merge` makes the sweep's report from the partial reports of all N shards.
//
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

// The command line's sweep settings, checked.
struct SweepPlan {
  std::vector<reports::SweepAxis> axes;
  reports::LatencyStatistic statistic = reports::LatencyStatistic::kP99;
  std::optional<double> latency_target_s;
};

// Parses --vary and --latency-target; prints the problem and returns nullopt when one is bad.
[[nodiscard]] std::optional<SweepPlan> plan_sweep(const SweepArgs& args);

// Loads every point as `stacksim run --set ...` would load it: the text of the scenario as loaded
// in `base`, with the overrides of scenario_overrides (the point's values after --set) and
// relative file names found where `base` found them. Prints the invalid points with their
// errors, stores the exit code in `exit_code` and returns nullopt when there is one.
[[nodiscard]] std::optional<std::vector<models::ScenarioSpec>> load_points(
    const ScenarioArgs& args, const scenario::LoadResult& base,
    const std::vector<reports::GridPoint>& grid, int& exit_code);

// What a sweep measured, ready to be reported.
struct SweepOutcome {
  // For each grid point, its replications in order; a point with fewer than --replications of
  // them (cut short, or missing from a partial merge) is left out of the report.
  std::vector<std::vector<models::RunResult>> results;
  bool cut_short = false;  // a SIGINT stopped the sweep
  double wall_seconds = 0.0;
  std::vector<std::string> missing;  // what a partial merge lacks; the JSON's "missing" when set
};

// The sweep's outputs as `args` asks for them (--json, --csv, the capacity text on the
// terminal): what `stacksim sweep` writes, and what `stacksim merge` writes for its shards.
// `loaded` is the scenario with --set and the other options applied, `grid` the plan's grid.
[[nodiscard]] CommandOutput sweep_output(const SweepArgs& args, const SweepPlan& plan,
                                         const scenario::LoadResult& loaded,
                                         const std::vector<reports::GridPoint>& grid,
                                         SweepOutcome outcome);

}  // namespace stacksim::cli
