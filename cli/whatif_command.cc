#include "cli/whatif_command.h"

#include <chrono>
#include <iostream>
#include <vector>

#include "cli/command_output.h"
#include "cli/exit_codes.h"
#include "cli/interrupt.h"
#include "cli/scenario_input.h"
#include "findings/what_if_impact.h"
#include "reports/dependency_graph.h"
#include "reports/html_what_if_report.h"
#include "reports/spof_analysis.h"
#include "reports/text_width.h"
#include "reports/what_if_json.h"
#include "reports/what_if_text.h"
#include "scenario/units.h"

namespace stacksim::cli {

namespace {

std::optional<sim::Time> read_duration(const std::string& option, const std::string& text,
                                       bool zero_allowed) {
  const auto value = scenario::parse_duration(text);
  if (!value || *value < 0 || (*value == 0 && !zero_allowed)) {
    std::cerr << "stacksim: whatif: " << option << ' ' << text << ": expected a "
              << (zero_allowed ? "" : "positive ") << "duration such as 10m\n";
    return std::nullopt;
  }
  return value;
}

}  // namespace

int whatif_command(const WhatIfArgs& args) {
  if (args.json_path == "-" && args.html_path == "-") {
    std::cerr << "stacksim: whatif: --json and --html cannot both write to standard output\n";
    return kExitUsage;
  }
  findings::WhatIfOptions options;
  const auto window = read_duration("--window", args.window, false);
  if (!window) return kExitUsage;
  options.window_ns = *window;
  if (args.at) {
    options.at_ns = read_duration("--at", *args.at, true);
    if (!options.at_ns) return kExitUsage;
  }
  options.threads = args.threads;

  int exit_code = kExitOk;
  const auto loaded = load_scenario(args.scenario, exit_code);
  if (!loaded) return exit_code;
  if (!output_directory_exists(args.json_path) || !output_directory_exists(args.html_path)) {
    return kExitCantCreate;
  }
  const models::ScenarioSpec& spec = *loaded->spec;

  // The targets and their structural verdict come from the dependency graph.
  const auto graph = reports::DependencyGraph::build(spec);
  std::vector<findings::WhatIfCandidate> candidates;
  for (const auto& w : reports::analyse_spofs(graph).what_if) {
    candidates.push_back({w.target, w.kind, w.traffic_share_failing});
  }

  const std::atomic<bool>& interrupted = install_interrupt_flag();
  options.interrupt = &interrupted;
  const auto wall_start = std::chrono::steady_clock::now();
  const findings::WhatIfReport report = findings::measure_what_if(spec, candidates, options);
  const double wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();

  const reports::ReportContext context =
      make_report_context(args.scenario, *loaded, 1, args.threads, wall_seconds);
  CommandOutput output;
  if (!args.json_path.empty()) {
    output.add(args.json_path, reports::what_if_json(context, report).dump(2) + "\n");
  }
  if (!args.html_path.empty()) {
    output.add(args.html_path, reports::html_what_if_report(report, context));
  }
  if (!output.to_stdout && !args.quiet) {
    const std::size_t width = args.wide ? reports::kNoWidthLimit : reports::kTerminalColumns;
    output.terminal = reports::fit_lines(reports::what_if_text(spec.name, report, width), width);
  }
  return write_command_output(output, interrupted.load(), "the targets that finished");
}

}  // namespace stacksim::cli
