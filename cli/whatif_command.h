#pragma once

#include <optional>
#include <string>

#include "cli/commands.h"

namespace stacksim::cli {

// `stacksim whatif SCENARIO [--window D] [--at D] [--json F] [--threads T]`.
struct WhatIfArgs {
  ScenarioArgs scenario;  // the file, --set, --seed, --warmup
  std::string window = "10m";
  std::optional<std::string> at;  // default: when the warm-up ends
  int threads = 1;
  std::string json_path;  // "-" = stdout
  bool quiet = false;
};

// Fails each host, component instance and the DNS of the scenario in turn for --window from
// --at, and reports what it cost beside the dependency graph's structural verdict: the table
// on stdout (unless --quiet or --json -), the JSON report to --json. Exit codes: 64 for a bad
// --window or --at; the scenario's own (65, 66); 73 when the output cannot be written; 130
// after a SIGINT, having reported the targets that finished.
[[nodiscard]] int whatif_command(const WhatIfArgs& args);

}  // namespace stacksim::cli
