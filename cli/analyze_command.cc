#include "cli/analyze_command.h"

#include <filesystem>
#include <iostream>
#include <vector>

#include "cli/command_output.h"
#include "cli/exit_codes.h"
#include "cli/interrupt.h"
#include "cli/progress_meter.h"
#include "cli/scenario_input.h"
#include "models/experiment.h"
#include "reports/html_analyze_report.h"
#include "reports/product_form_report.h"
#include "reports/product_form_view.h"
#include "reports/text_width.h"

namespace stacksim::cli {

int analyze_command(const AnalyzeArgs& args) {
  int exit_code = kExitOk;
  const auto loaded = load_scenario(args.scenario, exit_code);
  if (!loaded) return exit_code;
  const models::ScenarioSpec& spec = *loaded->spec;
  if (!output_directory_exists(args.json_path) || !output_directory_exists(args.html_path)) {
    return kExitCantCreate;
  }

  auto solved = reports::product_form_view(spec);
  if (!solved.ok()) {
    std::cerr << args.scenario.path << ": cannot solve the product-form view: " << solved.error()
              << '\n';
    return kExitDataError;
  }
  reports::ProductFormView view = *solved;

  bool interrupted = false;
  std::size_t replications_run = 0;  // none for theory alone
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
    replications_run = results.size();
    interrupted = interrupt.load();
  }

  const reports::ReportContext context =
      make_report_context(args.scenario, *loaded, args.replications, args.threads,
                          /*wall_seconds=*/0.0);

  CommandOutput output;
  if (!args.json_path.empty()) {
    output.add(args.json_path,
               reports::product_form_json(view, context, replications_run).dump(2) + "\n");
  }
  if (!args.html_path.empty()) {
    output.add(args.html_path, reports::html_analyze_report(view, context, replications_run));
  }
  if (!output.to_stdout) {
    const std::size_t width = args.wide ? reports::kNoWidthLimit : reports::kTerminalColumns;
    output.terminal = reports::fit_lines(reports::product_form_text(view, context, width), width);
  }
  return write_command_output(output, interrupted);
}

}  // namespace stacksim::cli
