#pragma once

#include <optional>
#include <string>

#include "cli/commands.h"

namespace stacksim::cli {

// `stacksim whatif SCENARIO [--window D] [--at D] [--json F] [--html F] [--threads T]`.
struct WhatIfArgs {
  ScenarioArgs scenario;  // the file, --set, --seed, --warmup
  std::string window = "10m";
  std::optional<std::string> at;  // default: when the warm-up ends
  int threads = 1;
  std::string json_path;  // "-" = stdout
  std::string html_path;  // the HTML report; "-" = stdout
  bool quiet = false;
  bool wide = false;  // --wide: the full tables, however wide; else they fit 80 columns
};

// Fails each host, component instance and the DNS of the scenario in turn for --window from
// --at, and reports what it cost beside the dependency graph's structural verdict: the table
// on stdout (unless --quiet, or --json or --html is "-"), fitting 80 columns unless --wide; the
// JSON report to --json; the HTML page to --html. Exit codes: 64 for a bad --window or --at, or
// --json and --html both "-"; the scenario's own (65, 66); 73 when an output cannot be written;
// 130 after a SIGINT, having reported the targets that finished.
[[nodiscard]] int whatif_command(const WhatIfArgs& args);

}  // namespace stacksim::cli
