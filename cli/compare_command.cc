#include "cli/compare_command.h"

#include <iostream>
#include <optional>
#include <sstream>

#include "cli/command_output.h"
#include "cli/exit_codes.h"
#include "cli/interrupt.h"
#include "cli/scenario_input.h"
#include "findings/availability_crosscheck.h"
#include "models/experiment.h"
#include "reports/comparison_json.h"
#include "reports/comparison_text.h"
#include "reports/html_compare_report.h"
#include "reports/json_report.h"
#include "reports/run_comparison.h"
#include "reports/text_width.h"
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

  // Every input is read (and a scenario loaded) before anything runs, so that a bad one fails
  // at once.
  struct Input {
    reports::ComparedRun run;
    std::optional<nlohmann::ordered_json> report;  // a saved report
    std::optional<scenario::LoadResult> scenario;  // a scenario to run
    ScenarioArgs scenario_args;
  };
  std::vector<Input> inputs;
  for (const std::string& path : args.inputs) {
    Input input;
    input.run.source = path;
    std::string error;
    auto document = scenario::read_json_file(path, error);
    if (document && scenario::is_run_report(*document)) {
      auto digest = scenario::read_run_report(*document, error);
      if (!digest) {
        std::cerr << path << ": " << error << '\n';
        return kExitDataError;
      }
      input.run.digest = std::move(*digest);
      input.report = std::move(document);
    } else {
      // A scenario: loaded (and its errors reported) as `stacksim run` would.
      input.scenario_args = args.scenario;
      input.scenario_args.path = path;
      int exit_code = kExitOk;
      input.scenario = load_scenario(input.scenario_args, exit_code);
      if (!input.scenario) return exit_code;
    }
    inputs.push_back(std::move(input));
  }

  const std::atomic<bool>& interrupted = install_interrupt_flag();
  std::vector<reports::ComparedRun> runs;
  std::vector<nlohmann::ordered_json> documents;
  for (Input& input : inputs) {
    if (input.report) {
      documents.push_back(std::move(*input.report));
      runs.push_back(std::move(input.run));
      continue;
    }
    const scenario::LoadResult& loaded = *input.scenario;
    models::ExperimentOptions options;
    options.replications = args.replications;
    options.threads = args.threads;
    options.interrupt = &interrupted;
    std::vector<models::RunResult> results = models::run_experiment(*loaded.spec, options);
    reports::ReportContext context =
        make_report_context(input.scenario_args, loaded, args.replications, args.threads, 0.0);
    context.availability_prediction = findings::predict_availability(*loaded.spec);
    nlohmann::ordered_json report = reports::json_report(context, results);
    std::string error;
    auto digest = scenario::read_run_report(report, error);
    if (!digest) {
      std::cerr << "stacksim: internal error: " << input.run.source << ": " << error << '\n';
      return kExitSoftware;
    }
    input.run.digest = std::move(*digest);
    input.run.simulated = true;
    if (!results.empty()) input.run.first_replication = std::move(results.front());
    documents.push_back(std::move(report));
    runs.push_back(std::move(input.run));
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
  if (!output.to_stdout && !args.quiet) {
    const std::size_t width = args.wide ? reports::kNoWidthLimit : reports::kTerminalColumns;
    output.terminal = reports::fit_lines(reports::comparison_text(comparison, width), width);
  }
  return write_command_output(output, interrupted.load());
}

}  // namespace stacksim::cli
