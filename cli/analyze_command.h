#pragma once

#include <string>

#include "cli/commands.h"

namespace stacksim::cli {

// `stacksim analyze SCENARIO [options]`.
struct AnalyzeArgs {
  ScenarioArgs scenario;  // the file, --set, --seed, --duration, --warmup
  int replications = 1;
  int threads = 1;
  std::string json_path;     // "-" = stdout
  std::string html_path;     // the HTML report
  bool no_simulate = false;  // theory only
  bool wide = false;         // --wide: the full tables, however wide; else they fit 80 columns
};

// Solves the scenario's product-form view (reports/product_form_view.h) and, unless
// --no-simulate, runs the simulation as `stacksim run` would and sets it beside the theory: per
// station utilization and response, system throughput and latency, and the departures from
// theory. Prints the text report to stdout unless the JSON goes there (--json -). Exit codes as
// run: the scenario's (64, 65, 66) as load_scenario gives them, 65 when the view cannot be
// solved, 73 when an output cannot be written, 130 after a SIGINT, having reported what the
// simulation measured so far.
[[nodiscard]] int analyze_command(const AnalyzeArgs& args);

}  // namespace stacksim::cli
