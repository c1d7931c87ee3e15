#include "cli/sweep_command.h"

#include <chrono>
#include <filesystem>
#include <iostream>
#include <utility>

#include "cli/command_output.h"
#include "cli/exit_codes.h"
#include "cli/interrupt.h"
#include "cli/progress_meter.h"
#include "cli/scenario_input.h"
#include "cli/shard_output.h"
#include "models/experiment.h"
#include "reports/capacity_report.h"
#include "reports/capacity_text.h"
#include "reports/html_sweep_report.h"
#include "reports/sweep_csv.h"
#include "reports/sweep_grid.h"
#include "reports/sweep_json.h"
#include "reports/sweep_point.h"
#include "reports/text_width.h"
#include "scenario/units.h"
#include "shards/shard.h"
#include "sim/time.h"
#include "stacksim/version.h"

namespace stacksim::cli {
namespace {

// How many invalid points are printed before the rest are only counted.
constexpr int kMaxInvalidPointsShown = 10;

// The arrival rate of the scenario itself, when the sweep's rate axis is the workload's rate.
std::optional<double> scenario_rate(const models::ScenarioSpec& spec,
                                    const std::vector<reports::SweepAxis>& axes) {
  for (const reports::SweepAxis& axis : axes) {
    if (!reports::is_rate_pointer(axis.pointer)) continue;
    if (axis.pointer != "/workload/arrivals/rate") return std::nullopt;
    if (spec.workload.process != models::WorkloadSpec::Process::kPoisson) return std::nullopt;
    return spec.workload.rate_per_s;
  }
  return std::nullopt;
}

// The options of a shard's partial report: everything of `args` that decides the results.
nlohmann::ordered_json sweep_options_json(const SweepArgs& args) {
  nlohmann::ordered_json options = scenario_options_json(args.scenario);
  options["vary"] = args.varies;
  options["replications"] = args.replications;
  options["latency_target"] = optional_json(args.latency_target);
  options["latency_percentile"] = args.latency_percentile;
  return options;
}

// Runs shard args.shard of the sweep and writes its partial report to --json.
int run_sweep_shard(const SweepArgs& args, const shards::Shard& shard,
                    const scenario::LoadResult& loaded, const std::vector<reports::GridPoint>& grid,
                    const std::vector<models::ScenarioSpec>& specs) {
  const std::vector<models::ExperimentTask> tasks =
      shards::shard_tasks(grid.size(), args.replications, shard);
  const std::atomic<bool>& interrupted = install_interrupt_flag();
  ProgressMeter progress(tasks.size(), !args.quiet, "sweeping shard " + shards::to_string(shard));
  models::ExperimentOptions options;
  options.threads = args.threads;
  options.interrupt = &interrupted;
  options.progress = [&progress](std::size_t task, double fraction) {
    progress.update(task, fraction);
  };
  const auto wall_start = std::chrono::steady_clock::now();
  std::vector<std::optional<models::RunResult>> results = models::run_tasks(specs, tasks, options);
  const double wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();

  shards::PartialReport report =
      partial_report_base("sweep", args.scenario, loaded, sweep_options_json(args));
  report.grid.clear();
  for (const reports::GridPoint& point : grid)
    report.grid.push_back(reports::grid_point_json(point));
  report.replications = args.replications;
  report.shard = shard;
  report.threads = args.threads;
  report.wall_seconds = wall_seconds;
  report.interrupted = interrupted.load();
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    // A replication an interrupt cut short is left out.
    if (!results[i] || results[i]->interrupted) continue;
    report.tasks.push_back({tasks[i].scenario, tasks[i].replication, specs[tasks[i].scenario].seed,
                            std::move(*results[i])});
  }
  return write_partial_report(args.json_path, report, args.quiet, report.interrupted);
}

}  // namespace

std::optional<SweepPlan> plan_sweep(const SweepArgs& args) {
  SweepPlan plan;
  for (const std::string& text : args.varies) {
    reports::AxisParse parsed = reports::parse_vary(text);
    if (!parsed.axis) {
      std::cerr << "stacksim: " << parsed.error << '\n';
      return std::nullopt;
    }
    plan.axes.push_back(std::move(*parsed.axis));
  }
  if (const std::string repeated = reports::repeated_pointer(plan.axes); !repeated.empty()) {
    std::cerr << "stacksim: --vary " << repeated << " is given twice\n";
    return std::nullopt;
  }
  for (const reports::SweepAxis& axis : plan.axes) {
    const bool overridden = (axis.pointer == "/seed" && args.scenario.seed) ||
                            (axis.pointer == "/duration" && args.scenario.duration) ||
                            (axis.pointer == "/warmup" && args.scenario.warmup);
    if (overridden) {
      std::cerr << "stacksim: --vary " << axis.pointer << " and --" << axis.pointer.substr(1)
                << " both set it; give one\n";
      return std::nullopt;
    }
  }
  if (!reports::grid_size(plan.axes)) {
    std::cerr << "stacksim: the grid has more than " << reports::kMaxGridPoints << " points\n";
    return std::nullopt;
  }
  // main.cc lets only p99, p95, p50 and mean through (CLI::IsMember).
  plan.statistic = reports::parse_latency_statistic(args.latency_percentile).value();
  if (args.latency_target) {
    const auto target = scenario::parse_duration(*args.latency_target);
    if (!target || *target <= 0) {
      std::cerr << "stacksim: --latency-target " << *args.latency_target
                << ": expected a positive duration such as 200ms\n";
      return std::nullopt;
    }
    plan.latency_target_s = sim::to_seconds(*target);
  }
  return plan;
}

std::optional<std::vector<models::ScenarioSpec>> load_points(
    const ScenarioArgs& args, const scenario::LoadResult& base,
    const std::vector<reports::GridPoint>& grid, int& exit_code) {
  std::vector<models::ScenarioSpec> specs;
  specs.reserve(grid.size());
  int invalid = 0;
  for (const reports::GridPoint& point : grid) {
    std::vector<scenario::Override> values;
    for (const auto& [pointer, value] : point) values.push_back({pointer, value.dump()});
    const auto overrides = scenario_overrides(args, values);
    if (!overrides) {
      exit_code = kExitUsage;
      return std::nullopt;
    }
    scenario::LoadResult loaded = scenario::load_scenario_text(base.text, args.path, *overrides,
                                                               base.base_directory, base.options);
    if (loaded.status == scenario::LoadStatus::kOk) {
      specs.push_back(std::move(*loaded.spec));
      continue;
    }
    if (++invalid > kMaxInvalidPointsShown) continue;
    std::cerr << "stacksim: sweep point " << reports::describe_grid_point(point)
              << " is invalid:\n";
    for (const auto& error : loaded.errors) std::cerr << "  " << error.to_string() << '\n';
  }
  if (invalid > kMaxInvalidPointsShown) {
    std::cerr << "stacksim: and " << invalid - kMaxInvalidPointsShown << " more invalid points\n";
  }
  if (invalid == 0) return specs;
  exit_code = kExitDataError;
  return std::nullopt;
}

int sweep_command(const SweepArgs& args) {
  const std::optional<SweepPlan> plan = plan_sweep(args);
  if (!plan) return kExitUsage;
  std::optional<shards::Shard> shard;
  if (args.shard) {
    shard = parse_shard_option(*args.shard, args.json_path, {args.csv_path});
    if (!shard) return kExitUsage;
  }

  int exit_code = kExitOk;
  auto loaded = load_scenario(args.scenario, exit_code);
  if (!loaded) return exit_code;

  const std::vector<reports::GridPoint> grid = reports::expand_grid(plan->axes);
  auto specs = load_points(args.scenario, *loaded, grid, exit_code);
  if (!specs) return exit_code;
  if (!output_directory_exists(args.json_path) || !output_directory_exists(args.csv_path) ||
      !output_directory_exists(args.html_path)) {
    return kExitCantCreate;
  }
  if (shard) return run_sweep_shard(args, *shard, *loaded, grid, *specs);

  const std::atomic<bool>& interrupted = install_interrupt_flag();
  ProgressMeter progress(grid.size() * static_cast<std::size_t>(args.replications), !args.quiet,
                         "sweeping");
  models::ExperimentOptions options;
  options.replications = args.replications;
  options.threads = args.threads;
  options.interrupt = &interrupted;
  options.progress = [&progress](std::size_t task, double fraction) {
    progress.update(task, fraction);
  };
  const auto wall_start = std::chrono::steady_clock::now();
  SweepOutcome outcome;
  outcome.results = models::run_experiments(*specs, options);
  outcome.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  outcome.cut_short = interrupted.load();
  const CommandOutput output = sweep_output(args, *plan, *loaded, grid, std::move(outcome));
  return write_command_output(output, interrupted.load(), "the points measured");
}

CommandOutput sweep_output(const SweepArgs& args, const SweepPlan& plan,
                           const scenario::LoadResult& loaded,
                           const std::vector<reports::GridPoint>& grid, SweepOutcome outcome) {
  const models::ScenarioSpec& base = *loaded.spec;
  std::vector<reports::SweepPointRun> runs;
  std::vector<reports::PointMeasure> measures;
  for (std::size_t i = 0; i < grid.size(); ++i) {
    // A point an interrupt cut short of its replications is left out.
    if (outcome.results[i].size() < static_cast<std::size_t>(args.replications)) continue;
    measures.push_back(reports::measure_point(grid[i], outcome.results[i]));
    runs.push_back({grid[i], std::move(outcome.results[i])});
  }
  const bool cut_short = outcome.cut_short;
  reports::CapacityOptions capacity_options;
  capacity_options.targets =
      reports::capacity_targets(plan.latency_target_s, plan.statistic, base.slo);
  capacity_options.scenario_rate = scenario_rate(base, plan.axes);
  capacity_options.open_workload = base.workload.process != models::WorkloadSpec::Process::kClosed;
  const reports::CapacityReport capacity =
      reports::capacity_report(plan.axes, std::move(measures), capacity_options);

  const reports::ReportContext context = make_report_context(
      args.scenario, loaded, args.replications, args.threads, outcome.wall_seconds);

  CommandOutput output;
  if (!args.json_path.empty()) {
    nlohmann::ordered_json json =
        reports::sweep_json(context, plan.axes, runs, capacity, cut_short);
    if (!outcome.missing.empty()) json["missing"] = outcome.missing;
    output.add(args.json_path, json.dump(2) + "\n");
  }
  if (!args.csv_path.empty()) {
    output.add_file(args.csv_path, reports::sweep_csv(plan.axes, capacity.points));
  }
  if (!args.html_path.empty()) {
    output.add(args.html_path, reports::html_sweep_report(context, plan.axes, capacity, cut_short));
  }
  if (!output.to_stdout && !args.quiet) {
    const std::size_t width = args.wide ? reports::kNoWidthLimit : reports::kTerminalColumns;
    output.terminal = reports::fit_lines(
        reports::capacity_text(context, plan.axes, grid.size(), capacity, cut_short, width), width);
  }
  return output;
}

}  // namespace stacksim::cli
