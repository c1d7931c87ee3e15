#include "cli/merge_command.h"

#include <iostream>

#include "cli/command_output.h"
#include "cli/exit_codes.h"
#include "cli/run_command.h"
#include "cli/scenario_input.h"
#include "cli/shard_output.h"
#include "cli/sweep_command.h"
#include "reports/sweep_grid.h"
#include "shards/part_merge.h"

namespace stacksim::cli {
namespace {

// Loads the scenario the parts were made from, as their command line loaded it. Prints the
// problem and sets `exit_code` when it cannot.
std::optional<scenario::LoadResult> load_merged_scenario(const shards::PartialReport& experiment,
                                                         const ScenarioArgs& args, int& exit_code) {
  const auto overrides = scenario_overrides(args);
  if (!overrides) {
    exit_code = kExitDataError;
    return std::nullopt;
  }
  scenario::LoadResult loaded = scenario::load_scenario_text(experiment.scenario_text, args.path,
                                                             *overrides, experiment.base_directory);
  if (loaded.status == scenario::LoadStatus::kOk) return loaded;
  for (const auto& error : loaded.errors) std::cerr << error.to_string() << '\n';
  exit_code = loaded.status == scenario::LoadStatus::kUnreadable ? kExitNoInput : kExitDataError;
  return std::nullopt;
}

std::optional<SweepArgs> sweep_args(const nlohmann::json& options, const ScenarioArgs& scenario) {
  try {
    SweepArgs args;
    args.scenario = scenario;
    args.varies = options.at("vary").get<std::vector<std::string>>();
    args.replications = options.at("replications").get<int>();
    if (!options.at("latency_target").is_null()) {
      args.latency_target = options.at("latency_target").get<std::string>();
    }
    args.latency_percentile = options.at("latency_percentile").get<std::string>();
    if (!reports::parse_latency_statistic(args.latency_percentile)) return std::nullopt;
    return args;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

int merge_sweep(const MergeArgs& merge, const shards::MergedParts& merged,
                const scenario::LoadResult& loaded, SweepArgs args) {
  args.json_path = merge.json_path;
  args.csv_path = merge.csv_path;
  args.html_path = merge.html_path;
  args.quiet = merge.quiet;
  const std::optional<SweepPlan> plan = plan_sweep(args);
  if (!plan) return kExitDataError;
  const std::vector<reports::GridPoint> grid = reports::expand_grid(plan->axes);
  bool same_grid = grid.size() == merged.experiment.grid.size();
  for (std::size_t i = 0; same_grid && i < grid.size(); ++i) {
    // Compared as unordered objects: the parts were read without their key order.
    same_grid = nlohmann::json(reports::grid_point_json(grid[i])) ==
                nlohmann::json(merged.experiment.grid[i]);
  }
  if (!same_grid) {
    std::cerr << "stacksim: the parts' grid is not the grid of their --vary options\n";
    return kExitDataError;
  }
  SweepOutcome outcome;
  outcome.results = merged.results;
  outcome.wall_seconds = merged.wall_seconds;
  outcome.missing = merged.missing;
  return write_command_output(sweep_output(args, *plan, loaded, grid, std::move(outcome)));
}

int merge_run(const MergeArgs& merge, const shards::MergedParts& merged,
              const scenario::LoadResult& loaded, const ScenarioArgs& scenario) {
  RunArgs args;
  args.scenario = scenario;
  args.replications = merged.experiment.replications;
  args.json_path = merge.json_path;
  args.csv_path = merge.csv_path;
  args.html_path = merge.html_path;
  args.quiet = merge.quiet;
  RunOutcome outcome;
  outcome.results = merged.results.front();
  if (outcome.results.empty()) {
    std::cerr << "stacksim: nothing to merge: the parts hold no replication\n";
    return kExitDataError;
  }
  outcome.wall_seconds = merged.wall_seconds;
  outcome.missing = merged.missing;
  return write_command_output(run_output(args, loaded, outcome));
}

}  // namespace

int merge_command(const MergeArgs& args) {
  if ((args.json_path == "-") + (args.csv_path == "-") + (args.html_path == "-") > 1) {
    std::cerr << "stacksim: only one of --json, --csv and --html can go to standard output\n";
    return kExitUsage;
  }
  std::vector<shards::NamedPart> parts;
  int exit_code = kExitOk;
  for (const std::string& path : args.parts) {
    shards::PartialRead read = shards::read_partial_report(path);
    if (!read.report) {
      std::cerr << "stacksim: " << read.error << '\n';
      if (read.unreadable) {
        exit_code = kExitNoInput;
      } else if (exit_code == kExitOk) {
        exit_code = kExitDataError;
      }
      continue;
    }
    parts.push_back({path, std::move(*read.report)});
  }
  if (exit_code != kExitOk) return exit_code;
  if (!output_directory_exists(args.json_path) || !output_directory_exists(args.csv_path) ||
      !output_directory_exists(args.html_path)) {
    return kExitCantCreate;
  }

  shards::MergeOutcome outcome = shards::merge_parts(std::move(parts), args.allow_partial);
  for (const std::string& error : outcome.errors) std::cerr << "stacksim: " << error << '\n';
  if (!outcome.errors.empty()) return kExitDataError;
  const shards::MergedParts& merged = outcome.merged;
  for (const std::string& what : merged.missing) {
    std::cerr << "stacksim: merged without " << what << '\n';
  }

  const shards::PartialReport& experiment = merged.experiment;
  const auto scenario = scenario_args_from_options(experiment.options, experiment.scenario_file);
  std::optional<SweepArgs> sweep;
  if (scenario && experiment.kind == "sweep") sweep = sweep_args(experiment.options, *scenario);
  if (!scenario || (experiment.kind == "sweep" && !sweep)) {
    std::cerr << "stacksim: " << args.parts.front() << ": /options: not the options of a stacksim "
              << experiment.kind << '\n';
    return kExitDataError;
  }
  auto loaded = load_merged_scenario(experiment, *scenario, exit_code);
  if (!loaded) return exit_code;
  if (sweep) return merge_sweep(args, merged, *loaded, std::move(*sweep));
  return merge_run(args, merged, *loaded, *scenario);
}

}  // namespace stacksim::cli
