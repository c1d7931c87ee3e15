#include <chrono>
#include <filesystem>
#include <iostream>

#include "cli/command_output.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/interrupt.h"
#include "cli/progress_meter.h"
#include "cli/scenario_input.h"
#include "findings/availability_crosscheck.h"
#include "models/experiment.h"
#include "models/monthly_cost.h"
#include "reports/cost_report.h"
#include "reports/csv_timeseries.h"
#include "reports/json_report.h"
#include "reports/report_explanations.h"
#include "reports/text_summary.h"
#include "scenario/price_parser.h"

namespace stacksim::cli {

int run_command(const RunArgs& args) {
  int exit_code = kExitOk;
  auto loaded = load_scenario(args.scenario, exit_code);
  if (!loaded) return exit_code;
  const models::ScenarioSpec& spec = *loaded->spec;
  const auto prices = scenario::scenario_prices(*loaded, *scenario_overrides(args.scenario));

  if (!args.out_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(args.out_dir, ec);
    if (ec) {
      std::cerr << "stacksim: cannot create " << args.out_dir << ": " << ec.message() << '\n';
      return kExitCantCreate;
    }
  }
  if (!output_directory_exists(args.json_path) || !output_directory_exists(args.csv_path)) {
    return kExitCantCreate;
  }

  const std::atomic<bool>& interrupted = install_interrupt_flag();
  ProgressMeter meter(static_cast<std::size_t>(args.replications), !args.quiet);
  models::ExperimentOptions options;
  options.replications = args.replications;
  options.threads = args.threads;
  options.interrupt = &interrupted;
  options.progress = [&meter](int rep, double fraction) { meter.update(rep, fraction); };

  const auto wall_start = std::chrono::steady_clock::now();
  const std::vector<models::RunResult> results = models::run_experiment(spec, options);
  const double wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();

  reports::ReportContext context =
      make_report_context(args.scenario, *loaded, args.replications, args.threads, wall_seconds);
  context.availability_prediction = findings::predict_availability(spec);

  std::string json_text;
  if (!args.json_path.empty() || !args.out_dir.empty()) {
    auto report = reports::json_report(context, results);
    if (prices) report["cost"] = reports::cost_json(models::monthly_cost(spec, *prices));
    json_text = report.dump(2) + "\n";
  }
  std::string csv_text;
  if (!args.csv_path.empty() || !args.out_dir.empty()) csv_text = reports::csv_timeseries(results);
  CommandOutput output;
  output.add(args.json_path, json_text);
  output.add_file(args.csv_path, csv_text);
  if (!args.out_dir.empty()) {
    const std::filesystem::path dir(args.out_dir);
    output.add_file((dir / "report.json").string(), json_text);
    output.add_file((dir / "timeseries.csv").string(), csv_text);
  }
  if (!output.to_stdout && !args.quiet) {
    output.terminal = reports::text_summary(context, results);
    if (prices) output.terminal += reports::cost_text(models::monthly_cost(spec, *prices));
    if (args.explain) output.terminal = reports::explain_report(output.terminal, results);
  }
  return write_command_output(output, interrupted.load());
}

}  // namespace stacksim::cli
