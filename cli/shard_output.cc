#include "cli/shard_output.h"

#include <iostream>

#include "cli/command_output.h"
#include "reports/sha256.h"
#include "stacksim/version.h"

namespace stacksim::cli {

std::optional<shards::Shard> parse_shard_option(const std::string& text,
                                                const std::string& json_path,
                                                const std::vector<std::string>& other_outputs) {
  const auto shard = shards::parse_shard(text);
  if (!shard) {
    std::cerr << "stacksim: --shard " << text
              << ": expected I/N with 1 <= I <= N <= " << shards::kMaxShards << ", e.g. 2/8\n";
    return std::nullopt;
  }
  if (json_path.empty() || json_path == "-") {
    std::cerr << "stacksim: --shard writes a partial report: give --json FILE (then merge the "
                 "shards' files with stacksim merge)\n";
    return std::nullopt;
  }
  for (const std::string& output : other_outputs) {
    if (!output.empty()) {
      std::cerr << "stacksim: --shard writes only the partial report (--json); ask stacksim "
                   "merge for the other outputs\n";
      return std::nullopt;
    }
  }
  return shard;
}

nlohmann::ordered_json optional_json(const std::optional<std::string>& value) {
  return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json scenario_options_json(const ScenarioArgs& args) {
  nlohmann::ordered_json options;
  options["set"] = args.sets;
  options["seed"] = args.seed ? nlohmann::ordered_json(*args.seed) : nlohmann::ordered_json();
  options["duration"] = optional_json(args.duration);
  options["warmup"] = optional_json(args.warmup);
  return options;
}

std::optional<ScenarioArgs> scenario_args_from_options(const nlohmann::json& options,
                                                       const std::string& path) {
  auto text = [&](const char* key) -> std::optional<std::string> {
    const auto& value = options.at(key);
    if (value.is_null()) return std::nullopt;
    return value.get<std::string>();
  };
  try {
    ScenarioArgs args;
    args.path = path;
    args.sets = options.at("set").get<std::vector<std::string>>();
    if (!options.at("seed").is_null()) args.seed = options.at("seed").get<std::uint64_t>();
    args.duration = text("duration");
    args.warmup = text("warmup");
    return args;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

shards::PartialReport partial_report_base(const std::string& kind, const ScenarioArgs& args,
                                          const scenario::LoadResult& loaded,
                                          nlohmann::ordered_json options) {
  shards::PartialReport report;
  report.kind = kind;
  report.tool_version = kToolVersion;
  report.scenario_file = args.path;
  report.scenario_sha256 = reports::sha256_hex(loaded.text);
  report.scenario_text = loaded.text;
  report.base_directory = loaded.base_directory.string();
  report.options = std::move(options);
  report.grid = {nlohmann::ordered_json::object()};
  return report;
}

int write_partial_report(const std::string& path, const shards::PartialReport& report, bool quiet,
                         bool interrupted) {
  CommandOutput output;
  output.add_file(path, shards::partial_report_json(report).dump() + "\n");
  if (!quiet) {
    const std::size_t runs = report.grid.size() * static_cast<std::size_t>(report.replications);
    output.terminal = "shard " + shards::to_string(report.shard) + ": " +
                      std::to_string(report.tasks.size()) + " of the " + std::to_string(runs) +
                      " runs written to " + path + "; stacksim merge makes the report of all " +
                      std::to_string(report.shard.count) + " shards\n";
  }
  return write_command_output(output, interrupted, "the runs completed");
}

}  // namespace stacksim::cli
