#include "cli/run_command.h"

#include <chrono>
#include <filesystem>
#include <iostream>

#include "cli/command_output.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/interrupt.h"
#include "cli/progress_meter.h"
#include "cli/scenario_input.h"
#include "cli/shard_output.h"
#include "findings/availability_crosscheck.h"
#include "models/experiment.h"
#include "models/monthly_cost.h"
#include "reports/cost_report.h"
#include "reports/csv_timeseries.h"
#include "reports/html_run_report.h"
#include "reports/json_report.h"
#include "reports/report_explanations.h"
#include "reports/text_summary.h"
#include "reports/text_width.h"
#include "scenario/price_parser.h"
#include "shards/shard.h"

namespace stacksim::cli {
namespace {

// Runs shard `shard` of the run's replications and writes its partial report to --json.
int run_shard(const RunArgs& args, const shards::Shard& shard, const scenario::LoadResult& loaded) {
  const std::vector<models::ExperimentTask> tasks =
      shards::shard_tasks(1, args.replications, shard);
  const std::atomic<bool>& interrupted = install_interrupt_flag();
  ProgressMeter meter(tasks.size(), !args.quiet, "simulating shard " + shards::to_string(shard));
  models::ExperimentOptions options;
  options.threads = args.threads;
  options.interrupt = &interrupted;
  options.progress = [&meter](std::size_t task, double fraction) { meter.update(task, fraction); };
  const auto wall_start = std::chrono::steady_clock::now();
  std::vector<std::optional<models::RunResult>> results =
      models::run_tasks({*loaded.spec}, tasks, options);
  const double wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();

  nlohmann::ordered_json run_options = scenario_options_json(args.scenario);
  run_options["replications"] = args.replications;
  shards::PartialReport report =
      partial_report_base("run", args.scenario, loaded, std::move(run_options));
  report.replications = args.replications;
  report.shard = shard;
  report.threads = args.threads;
  report.wall_seconds = wall_seconds;
  report.interrupted = interrupted.load();
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    // A replication an interrupt cut short is left out.
    if (!results[i] || results[i]->interrupted) continue;
    report.tasks.push_back({0, tasks[i].replication, loaded.spec->seed, std::move(*results[i])});
  }
  return write_partial_report(args.json_path, report, args.quiet, report.interrupted);
}

}  // namespace

int run_command(const RunArgs& args) {
  std::optional<shards::Shard> shard;
  if (args.shard) {
    shard = parse_shard_option(*args.shard, args.json_path, {args.csv_path, args.out_dir});
    if (!shard) return kExitUsage;
  }
  int exit_code = kExitOk;
  auto loaded = load_scenario(args.scenario, exit_code);
  if (!loaded) return exit_code;
  const models::ScenarioSpec& spec = *loaded->spec;

  if (!args.out_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(args.out_dir, ec);
    if (ec) {
      std::cerr << "stacksim: cannot create " << args.out_dir << ": " << ec.message() << '\n';
      return kExitCantCreate;
    }
  }
  if (!output_directory_exists(args.json_path) || !output_directory_exists(args.csv_path) ||
      !output_directory_exists(args.html_path) || !output_directory_exists(args.csv_long_path)) {
    return kExitCantCreate;
  }
  if (shard) return run_shard(args, *shard, *loaded);

  const std::atomic<bool>& interrupted = install_interrupt_flag();
  ProgressMeter meter(static_cast<std::size_t>(args.replications), !args.quiet);
  models::ExperimentOptions options;
  options.replications = args.replications;
  options.threads = args.threads;
  options.interrupt = &interrupted;
  options.progress = [&meter](int rep, double fraction) { meter.update(rep, fraction); };

  const auto wall_start = std::chrono::steady_clock::now();
  RunOutcome outcome;
  outcome.results = models::run_experiment(spec, options);
  outcome.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  outcome.interrupted = interrupted.load();
  return write_command_output(run_output(args, *loaded, outcome), outcome.interrupted);
}

CommandOutput run_output(const RunArgs& args, const scenario::LoadResult& loaded,
                         const RunOutcome& outcome) {
  const std::vector<models::RunResult>& results = outcome.results;
  const models::ScenarioSpec& spec = *loaded.spec;
  const auto prices = scenario::scenario_prices(loaded, *scenario_overrides(args.scenario));
  reports::ReportContext context = make_report_context(args.scenario, loaded, args.replications,
                                                       args.threads, outcome.wall_seconds);
  context.availability_prediction = findings::predict_availability(spec);

  std::string json_text;
  if (!args.json_path.empty() || !args.out_dir.empty()) {
    nlohmann::ordered_json json = reports::json_report(context, results);
    if (prices) json["cost"] = reports::cost_json(models::monthly_cost(spec, *prices));
    if (!outcome.missing.empty()) json["missing"] = outcome.missing;
    json_text = json.dump(2) + "\n";
  }
  std::string csv_text;
  if (!args.csv_path.empty() || !args.out_dir.empty()) csv_text = reports::csv_timeseries(results);
  std::string html_text;
  if (!args.html_path.empty() || !args.out_dir.empty()) {
    html_text = reports::html_run_report(context, spec, results);
  }
  CommandOutput output;
  output.add(args.json_path, json_text);
  output.add_file(args.csv_path, csv_text);
  if (!args.csv_long_path.empty()) {
    output.add_file(args.csv_long_path, reports::csv_timeseries_long(results));
  }
  output.add(args.html_path, html_text);
  if (!args.out_dir.empty()) {
    const std::filesystem::path dir(args.out_dir);
    output.add_file((dir / "report.json").string(), json_text);
    output.add_file((dir / "timeseries.csv").string(), csv_text);
    output.add_file((dir / "report.html").string(), html_text);
  }
  if (!output.to_stdout && !args.quiet) {
    const std::size_t width = args.wide ? reports::kNoWidthLimit : reports::kTerminalColumns;
    output.terminal = reports::text_summary(context, results, width);
    if (prices) output.terminal += reports::cost_text(models::monthly_cost(spec, *prices));
    if (args.explain) output.terminal = reports::explain_report(output.terminal, results);
    output.terminal = reports::fit_lines(output.terminal, width);
  }
  return output;
}

}  // namespace stacksim::cli
