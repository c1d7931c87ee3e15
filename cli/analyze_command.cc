#include "cli/analyze_command.h"

#include <filesystem>
#include <iostream>
#include <vector>

#include "cli/exit_codes.h"
#include "cli/interrupt.h"
#include "cli/progress_meter.h"
#include "cli/scenario_input.h"
#include "models/experiment.h"
#include "reports/output_file.h"
#include "reports/product_form_report.h"
#include "reports/product_form_view.h"
#include "reports/sha256.h"
#include "stacksim/version.h"

namespace stacksim::cli {

namespace {

// Fails early, before any simulation time is spent, when the output's directory is missing.
bool output_directory_exists(const std::string& path) {
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

int analyze_command(const AnalyzeArgs& args) {
  int exit_code = kExitOk;
  const auto loaded = load_scenario(args.scenario, exit_code);
  if (!loaded) return exit_code;
  const models::ScenarioSpec& spec = *loaded->spec;
  if (!output_directory_exists(args.json_path)) return kExitCantCreate;

  auto solved = reports::product_form_view(spec);
  if (!solved.ok()) {
    std::cerr << args.scenario.path << ": cannot solve the product-form view: " << solved.error()
              << '\n';
    return kExitDataError;
  }
  reports::ProductFormView view = *solved;

  bool interrupted = false;
  if (!args.no_simulate) {
    const std::atomic<bool>& interrupt = install_interrupt_flag();
    ProgressMeter meter(args.replications, true);
    models::ExperimentOptions options;
    options.replications = args.replications;
    options.threads = args.threads;
    options.interrupt = &interrupt;
    options.progress = [&meter](int rep, double fraction) { meter.update(rep, fraction); };
    const std::vector<models::RunResult> results = models::run_experiment(spec, options);
    reports::compare_with_simulation(view, results);
    interrupted = interrupt.load();
  }

  reports::ProductFormSource source;
  source.tool_version = kToolVersion;
  source.scenario_name = spec.name;
  source.scenario_sha256 = reports::sha256_hex(loaded->text);

  const bool json_to_stdout = args.json_path == "-";
  if (!args.json_path.empty()) {
    const std::string json_text = reports::product_form_json(view, source).dump(2) + "\n";
    if (json_to_stdout) {
      std::cout << json_text;
    } else {
      std::string error;
      if (!reports::write_file_atomically(args.json_path, json_text, error)) {
        std::cerr << "stacksim: " << error << '\n';
        return kExitCantCreate;
      }
    }
  }
  if (!json_to_stdout) std::cout << reports::product_form_text(view, source);
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "stacksim: cannot write to standard output\n";
    return kExitCantCreate;
  }
  if (interrupted) {
    std::cerr << "stacksim: interrupted; reported what was measured so far\n";
    return kExitInterrupted;
  }
  return kExitOk;
}

}  // namespace stacksim::cli
