#pragma once

#include <optional>
#include <vector>

#include "cli/commands.h"
#include "scenario/loader.h"

namespace stacksim::cli {

// The overrides `args` asks for, in the order they apply: --set, then `extra` (a sweep point's
// values), then --seed, --duration and --warmup, so the dedicated options win. Prints the problem
// and returns nullopt when a --set is not PATH=VALUE.
[[nodiscard]] std::optional<std::vector<scenario::Override>> scenario_overrides(
    const ScenarioArgs& args, const std::vector<scenario::Override>& extra = {});

// Loads the scenario with every override applied (scenario_overrides), with trace files confined
// to its folder unless --allow-outside-files, and refuses one too long to simulate
// (scenario::run_size_problems) unless --force. On failure prints the diagnostics to stderr,
// control characters escaped, stores the exit code in `exit_code` and returns nullopt.
[[nodiscard]] std::optional<scenario::LoadResult> load_scenario(const ScenarioArgs& args,
                                                                int& exit_code);

}  // namespace stacksim::cli
