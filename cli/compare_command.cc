#include "cli/compare_command.h"

#include <chrono>
#include <iostream>
#include <sstream>

#include "cli/command_output.h"
#include "cli/exit_codes.h"
#include "cli/interrupt.h"
#include "cli/scenario_input.h"
#include "models/experiment.h"
#include "reports/availability_crosscheck.h"
#include "reports/comparison_json.h"
#include "reports/comparison_text.h"
#include "reports/html_compare_report.h"
#include "reports/json_report.h"
#include "reports/run_comparison.h"
#include "scenario/run_report_reader.h"
#include "stacksim/version.h"

namespace stacksim::cli {
namespace {

std::vector<std::string> split_labels(const std::string& text) {
  std::vector<std::string> labels;
  if (text.empty()) return labels;
  std::stringstream in(text);
  for (std::string label; std::getline(in, label, ',');) labels.push_back(label);
  if (text.back() == ',') labels.emplace_back();
  return labels;
}

}  // namespace

int compare_command(const CompareArgs& args) {
  if (args.inputs.size() < 2) {
    std::cerr << "stacksim: compare needs at least two inputs\n";
    return kExitUsage;
  }
  const std::vector<std::string> labels = split_labels(args.labels);
  if (!args.labels.empty() && labels.size() != args.inputs.size()) {
    std::cerr << "stacksim: --labels gives " << labels.size() << " labels for "
              << args.inputs.size() << " inputs\n";
    return kExitUsage;
  }
  if (!output_directory_exists(args.json_path) || !output_directory_exists(args.html_path)) {
    return kExitCantCreate;
  }

  const std::atomic<bool>& interrupted = install_interrupt_flag();
  std::vector<reports::ComparedRun> runs;
  std::vector<nlohmann::ordered_json> documents;
  for (const std::string& input : args.inputs) {
    reports::ComparedRun run;
    run.source = input;
    std::string error;
    auto document = scenario::read_json_file(input, error);
    if (document && scenario::is_run_report(*document)) {
      auto digest = scenario::read_run_report(*document, error);
      if (!digest) {
        std::cerr << input << ": " << error << '\n';
        return kExitDataError;
      }
      run.digest = std::move(*digest);
      documents.push_back(std::move(*document));
      runs.push_back(std::move(run));
      continue;
    }
    // A scenario: loaded (and its errors reported) as `stacksim run` would.
    ScenarioArgs scenario_args = args.scenario;
    scenario_args.path = input;
    int exit_code = kExitOk;
    auto loaded = load_scenario(scenario_args, exit_code);
    if (!loaded) return exit_code;
    models::ExperimentOptions options;
    options.replications = args.replications;
    options.threads = args.threads;
    options.interrupt = &interrupted;
    std::vector<models::RunResult> results = models::run_experiment(*loaded->spec, options);
    reports::ReportContext context =
        make_report_context(scenario_args, *loaded, args.replications, args.threads, 0.0);
    context.availability_prediction = reports::predict_availability(*loaded->spec);
    nlohmann::ordered_json report = reports::json_report(context, results);
    auto digest = scenario::read_run_report(report, error);
    if (!digest) {
      std::cerr << "stacksim: internal error: " << input << ": " << error << '\n';
      return kExitSoftware;
    }
    run.digest = std::move(*digest);
    run.simulated = true;
    if (!results.empty()) run.first_replication = std::move(results.front());
    documents.push_back(std::move(report));
    runs.push_back(std::move(run));
    if (interrupted.load()) break;
  }
  const std::vector<std::string> names = reports::comparison_labels(runs, labels);
  for (std::size_t i = 0; i < runs.size(); ++i) runs[i].label = names[i];
  const reports::RunComparison comparison = reports::compare_runs(std::move(runs));

  CommandOutput output;
  if (!args.json_path.empty()) {
    output.add(args.json_path, reports::comparison_json(comparison, documents).dump(2) + "\n");
  }
  if (!args.html_path.empty()) {
    output.add(args.html_path, reports::html_compare_report(comparison, kToolVersion));
  }
  if (!output.to_stdout && !args.quiet) output.terminal = reports::comparison_text(comparison);
  return write_command_output(output, interrupted.load());
}

}  // namespace stacksim::cli
