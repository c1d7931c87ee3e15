#pragma once

#include <string>
#include <vector>

#include "cli/commands.h"

namespace stacksim::cli {

// `stacksim compare A B [C...] [options]`.
struct CompareArgs {
  std::vector<std::string> inputs;  // scenario files or saved `run --json` reports, in order
  ScenarioArgs scenario;            // the overrides applied to every scenario input (path unused)
  std::string labels;               // "a,b,...": one per input
  int replications = 1;
  int threads = 1;
  std::string json_path;  // "-" = stdout
  std::string html_path;
  bool quiet = false;
  bool wide = false;  // --wide: the full tables, however wide; else they fit 80 columns
};

// Runs each scenario input as `stacksim run` would with the same options, reads each saved
// report, and compares every run with the first: the text table on stdout (unless --quiet or an
// output goes there), the comparison as JSON to --json and as HTML to --html. Exit codes: 64 for
// fewer than two inputs or --labels not giving one label per input; 65 for an invalid scenario
// or a report that is not a stacksim run report (with the JSON pointer); 66 for an unreadable
// input; 73 when an output cannot be written; 130 after a SIGINT.
[[nodiscard]] int compare_command(const CompareArgs& args);

}  // namespace stacksim::cli
