#include "cli/graph_command.h"

#include <iostream>
#include <vector>

#include "cli/exit_codes.h"
#include "cli/scenario_input.h"
#include "reports/dependency_graph.h"
#include "reports/graph_dot.h"
#include "reports/graph_json.h"
#include "reports/graph_text.h"
#include "reports/output_file.h"
#include "reports/spof_analysis.h"

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

  struct Output {
    std::string path;  // "-" = stdout
    std::string content;
  };
  std::vector<Output> outputs;
  if (!args.json_path.empty()) {
    outputs.push_back({args.json_path, reports::graph_json(graph, analysis).dump(2) + "\n"});
  }
  if (!args.dot_path.empty())
    outputs.push_back({args.dot_path, reports::graph_dot(graph, analysis)});
  if (outputs.empty()) outputs.push_back({"-", reports::graph_text(graph, analysis)});

  std::string to_stdout;
  for (const Output& output : outputs) {
    if (output.path == "-") {
      to_stdout = output.content;
      continue;
    }
    std::string error;
    if (!reports::write_file_atomically(output.path, output.content, error)) {
      std::cerr << "stacksim: " << error << '\n';
      return kExitCantCreate;
    }
  }
  std::cout << to_stdout;
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "stacksim: cannot write to standard output\n";
    return kExitCantCreate;
  }
  return kExitOk;
}

}  // namespace stacksim::cli
