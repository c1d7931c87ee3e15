#include "cli/scenario_input.h"

#include <iostream>

#include "cli/exit_codes.h"
#include "reports/text_format.h"
#include "scenario/run_size.h"

namespace stacksim::cli {

std::optional<std::vector<scenario::Override>> scenario_overrides(
    const ScenarioArgs& args, const std::vector<scenario::Override>& extra) {
  std::vector<scenario::Override> overrides;
  for (const auto& assignment : args.sets) {
    auto parsed = scenario::parse_override(assignment);
    if (!parsed) {
      std::cerr << "stacksim: --set " << assignment
                << ": expected PATH=VALUE with PATH a JSON pointer such as "
                   "/workload/arrivals/rate\n";
      return std::nullopt;
    }
    overrides.push_back(std::move(*parsed));
  }
  overrides.insert(overrides.end(), extra.begin(), extra.end());
  if (args.seed) overrides.push_back({"/seed", std::to_string(*args.seed)});
  if (args.duration) overrides.push_back({"/duration", *args.duration});
  if (args.warmup) overrides.push_back({"/warmup", *args.warmup});
  return overrides;
}

std::optional<scenario::LoadResult> load_scenario(const ScenarioArgs& args, int& exit_code) {
  const auto overrides = scenario_overrides(args);
  if (!overrides) {
    exit_code = kExitUsage;
    return std::nullopt;
  }
  scenario::LoadOptions options;
  options.allow_outside_files = args.allow_outside_files;
  scenario::LoadResult loaded = scenario::load_scenario_file(args.path, *overrides, options);
  if (loaded.status == scenario::LoadStatus::kOk && !args.force) {
    loaded.errors = scenario::run_size_problems(*loaded.spec, args.path);
    if (!loaded.errors.empty()) loaded.status = scenario::LoadStatus::kInvalid;
  }
  if (loaded.status == scenario::LoadStatus::kOk) return loaded;
  // Names and values from the file may hold control characters: never echo them raw.
  for (const auto& error : loaded.errors) {
    std::cerr << reports::escape_control(error.to_string()) << '\n';
  }
  exit_code = loaded.status == scenario::LoadStatus::kUnreadable ? kExitNoInput : kExitDataError;
  return std::nullopt;
}

}  // namespace stacksim::cli
