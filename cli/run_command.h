#pragma once

#include <string>
#include <vector>

#include "cli/command_output.h"
#include "cli/commands.h"
#include "models/run_result.h"
#include "scenario/loader.h"

namespace stacksim::cli {

// What a run measured, ready to be reported.
struct RunOutcome {
  std::vector<models::RunResult> results;  // the replications, in order
  bool interrupted = false;
  double wall_seconds = 0.0;
  std::vector<std::string> missing;  // what a partial merge lacks; the JSON's "missing" when set
};

// The run's outputs as `args` asks for them (--json, --csv, --out, the summary on the
// terminal): what `stacksim run` writes, and what `stacksim merge` writes for its shards.
// `loaded` is the scenario with --set and the other options applied.
[[nodiscard]] CommandOutput run_output(const RunArgs& args, const scenario::LoadResult& loaded,
                                       const RunOutcome& outcome);

}  // namespace stacksim::cli
