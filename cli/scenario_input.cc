#include "cli/scenario_input.h"

#include <iostream>

#include "cli/exit_codes.h"

namespace stacksim::cli {

std::optional<scenario::LoadResult> load_scenario(const ScenarioArgs& args, int& exit_code) {
  std::vector<scenario::Override> overrides;
  for (const auto& assignment : args.sets) {
    auto parsed = scenario::parse_override(assignment);
    if (!parsed) {
      std::cerr << "stacksim: --set " << assignment
                << ": expected PATH=VALUE with PATH a JSON pointer such as "
                   "/workload/arrivals/rate\n";
      exit_code = kExitUsage;
      return std::nullopt;
    }
    overrides.push_back(std::move(*parsed));
  }
  if (args.seed) overrides.push_back({"/seed", std::to_string(*args.seed)});
  if (args.duration) overrides.push_back({"/duration", *args.duration});
  if (args.warmup) overrides.push_back({"/warmup", *args.warmup});

  scenario::LoadResult loaded = scenario::load_scenario_file(args.path, overrides);
  if (loaded.status == scenario::LoadStatus::kOk) return loaded;
  for (const auto& error : loaded.errors) std::cerr << error.to_string() << '\n';
  exit_code = loaded.status == scenario::LoadStatus::kUnreadable ? kExitNoInput : kExitDataError;
  return std::nullopt;
}

}  // namespace stacksim::cli
