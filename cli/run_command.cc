#include <chrono>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/interrupt.h"
#include "cli/progress_meter.h"
#include "cli/scenario_input.h"
#include "models/experiment.h"
#include "reports/availability_crosscheck.h"
#include "reports/csv_timeseries.h"
#include "reports/json_report.h"
#include "reports/output_file.h"
#include "reports/sha256.h"
#include "reports/text_summary.h"
#include "sim/time.h"
#include "stacksim/version.h"

namespace stacksim::cli {

namespace {

// One file to produce: where, and what goes in it.
struct Output {
  std::string path;
  std::string content;
};

// Fails early, before any simulation time is spent, when an output's directory is missing.
bool check_output_path(const std::string& path) {
  if (path.empty() || path == "-") return true;
  const auto parent = std::filesystem::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty() && !std::filesystem::is_directory(parent, ec)) {
    std::cerr << "stacksim: cannot write " << path << ": directory " << parent.string()
              << " does not exist\n";
    return false;
  }
  return true;
}

}  // namespace

int run_command(const RunArgs& args) {
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
  if (!check_output_path(args.json_path) || !check_output_path(args.csv_path)) {
    return kExitCantCreate;
  }

  const std::atomic<bool>& interrupted = install_interrupt_flag();
  ProgressMeter meter(args.replications, !args.quiet);
  models::ExperimentOptions options;
  options.replications = args.replications;
  options.threads = args.threads;
  options.interrupt = &interrupted;
  options.progress = [&meter](int rep, double fraction) { meter.update(rep, fraction); };

  const auto wall_start = std::chrono::steady_clock::now();
  const std::vector<models::RunResult> results = models::run_experiment(spec, options);
  const double wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();

  reports::ReportContext context;
  context.tool_version = kToolVersion;
  context.scenario_name = spec.name;
  context.scenario_file = args.scenario.path;
  context.scenario_sha256 = reports::sha256_hex(loaded->text);
  context.seed = spec.seed;
  context.duration_s = sim::to_seconds(spec.duration_ns);
  context.warmup_s = sim::to_seconds(spec.warmup_ns);
  context.replications = args.replications;
  context.threads = args.threads;
  context.wall_seconds = wall_seconds;
  context.slo = spec.slo;
  context.availability_prediction = reports::predict_availability(spec);

  const bool json_to_stdout = args.json_path == "-";
  std::vector<Output> outputs;
  std::string json_text;
  if (!args.json_path.empty() || !args.out_dir.empty()) {
    json_text = reports::json_report(context, results).dump(2) + "\n";
  }
  if (!args.json_path.empty() && !json_to_stdout) outputs.push_back({args.json_path, json_text});
  std::string csv_text;
  if (!args.csv_path.empty() || !args.out_dir.empty()) csv_text = reports::csv_timeseries(results);
  if (!args.csv_path.empty()) outputs.push_back({args.csv_path, csv_text});
  if (!args.out_dir.empty()) {
    const std::filesystem::path dir(args.out_dir);
    outputs.push_back({(dir / "report.json").string(), json_text});
    outputs.push_back({(dir / "timeseries.csv").string(), csv_text});
  }

  for (const Output& output : outputs) {
    std::string error;
    if (!reports::write_file_atomically(output.path, output.content, error)) {
      std::cerr << "stacksim: " << error << '\n';
      return kExitCantCreate;
    }
  }
  if (json_to_stdout) {
    std::cout << json_text;
  } else if (!args.quiet) {
    std::cout << reports::text_summary(context, results);
  }
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "stacksim: cannot write to standard output\n";
    return kExitCantCreate;
  }
  if (interrupted.load()) {
    std::cerr << "stacksim: interrupted; reported what was measured so far\n";
    return kExitInterrupted;
  }
  return kExitOk;
}

}  // namespace stacksim::cli
