#include "cli/graph_command.h"

#include <iostream>
#include <vector>

#include "cli/command_output.h"
#include "cli/exit_codes.h"
#include "cli/scenario_input.h"
#include "reports/dependency_graph.h"
#include "reports/graph_dot.h"
#include "reports/graph_json.h"
#include "reports/graph_text.h"
#include "reports/spof_analysis.h"
#include "reports/text_width.h"

namespace stacksim::cli {

int graph_command(const GraphArgs& args) {
  if (args.json_path == "-" && args.dot_path == "-") {
    std::cerr << "stacksim: graph: --json and --dot cannot both write to standard output\n";
    return kExitUsage;
  }
  int exit_code = kExitOk;
  const auto loaded = load_scenario(args.scenario, exit_code);
  if (!loaded) return exit_code;

  const auto graph = reports::DependencyGraph::build(*loaded->spec);
  const reports::SpofAnalysis analysis = reports::analyse_spofs(graph);

  CommandOutput output;
  if (!args.json_path.empty()) {
    output.add(args.json_path, reports::graph_json(graph, analysis).dump(2) + "\n");
  }
  if (!args.dot_path.empty()) output.add(args.dot_path, reports::graph_dot(graph, analysis));
  if (args.json_path.empty() && args.dot_path.empty()) {
    const std::size_t width = args.wide ? reports::kNoWidthLimit : reports::kTerminalColumns;
    output.terminal = reports::fit_lines(reports::graph_text(graph, analysis, width), width);
  }
  return write_command_output(output);
}

}  // namespace stacksim::cli
