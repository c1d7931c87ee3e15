#pragma once

#include <optional>

#include "cli/commands.h"
#include "scenario/loader.h"

namespace stacksim::cli {

// Loads the scenario with every override applied (--set first, then --seed, --duration and
// --warmup, so the dedicated options win). On failure prints the diagnostics to stderr, stores
// the exit code in `exit_code` and returns nullopt.
[[nodiscard]] std::optional<scenario::LoadResult> load_scenario(const ScenarioArgs& args,
                                                                int& exit_code);

}  // namespace stacksim::cli
