#pragma once

#include <string>

#include "cli/commands.h"

namespace stacksim::cli {

struct GraphArgs {
  ScenarioArgs scenario;  // the file and its --set overrides
  std::string json_path;  // "-" = stdout
  std::string dot_path;   // "-" = stdout
  bool wide = false;      // --wide: the full table, however wide; else it fits 80 columns
};

// `stacksim graph`: the scenario's dependency graph, its single points of failure and what
// fails with each host or component instance. Writes the JSON (--json) and Graphviz (--dot)
// files whole or not at all; with neither prints the SPOFs and the what-if table. Returns the
// exit code (cli/exit_codes.h): scenario errors as load_scenario gives them, 64 when both go to
// stdout, 73 when an output cannot be written.
[[nodiscard]] int graph_command(const GraphArgs& args);

}  // namespace stacksim::cli
