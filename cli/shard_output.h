#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "scenario/loader.h"
#include "shards/partial_report.h"
#include "shards/shard.h"

// What `run --shard` and `sweep --shard` share: checking the option, describing the command in
// the partial report, and writing it.
namespace stacksim::cli {

// The shard `--shard TEXT` names. Prints the problem and returns nullopt when TEXT is not I/N
// with 1 <= I <= N, when `json_path` is empty or "-" (a shard writes its partial report to a
// file), or when one of `other_outputs` is set (those are made by `stacksim merge`).
[[nodiscard]] std::optional<shards::Shard> parse_shard_option(
    const std::string& text, const std::string& json_path,
    const std::vector<std::string>& other_outputs);

// `value` as JSON, null when absent.
[[nodiscard]] nlohmann::ordered_json optional_json(const std::optional<std::string>& value);

// The options of `args` that decide the results: {"set", "seed", "duration", "warmup"}.
[[nodiscard]] nlohmann::ordered_json scenario_options_json(const ScenarioArgs& args);

// The ScenarioArgs that scenario_options_json described, for the scenario file `path`; nullopt
// when `options` does not hold them.
[[nodiscard]] std::optional<ScenarioArgs> scenario_args_from_options(const nlohmann::json& options,
                                                                     const std::string& path);

// A partial report of `kind` ("sweep" or "run") for the scenario `loaded` as `args` loaded it,
// with `options` and a grid of one empty point; the caller fills in the rest.
[[nodiscard]] shards::PartialReport partial_report_base(const std::string& kind,
                                                        const ScenarioArgs& args,
                                                        const scenario::LoadResult& loaded,
                                                        nlohmann::ordered_json options);

// Writes `report` to `path` whole (exit 73 when it cannot), says on the terminal what the shard
// ran unless `quiet`, and returns the exit code (130 after an interrupt).
[[nodiscard]] int write_partial_report(const std::string& path, const shards::PartialReport& report,
                                       bool quiet, bool interrupted);

}  // namespace stacksim::cli
