#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "models/run_result.h"
#include "shards/shard.h"

// The partial report one shard of a sweep or of a run's replications writes (`--shard I/N
// --json F`): what the whole experiment is (the scenario's text and sha256, the options that
// decide the results, the whole grid, the number of replications), which shard this is, and the
// complete results of the tasks it ran, saved exactly (shards/run_result_json.h), so that
// `stacksim merge` reports what the unsharded command would have.
namespace stacksim::shards {

// The version of the partial report's format, the value of its key "stacksim_partial_report".
inline constexpr int kPartialReportFormat = 1;

// One replication of one point that the shard ran.
struct PartialTask {
  std::size_t point = 0;  // index into PartialReport::grid
  std::uint64_t replication = 0;
  std::uint64_t seed = 0;  // the point's seed (a sweep may vary /seed)
  models::RunResult result;
};

struct PartialReport {
  std::string kind;  // "sweep" or "run"
  std::string tool_version;
  std::string scenario_file;    // as the shard's command line named it
  std::string scenario_sha256;  // of scenario_text
  std::string scenario_text;    // the scenario file's bytes, as read
  std::string base_directory;   // where the scenario's relative file names were found
  // The command's options that decide the results (--set, --seed, --vary, --replications, ...),
  // as the command writes them; shards of one experiment have equal options.
  nlohmann::ordered_json options;
  // Every point of the experiment, in order: the object {pointer: value} of its grid values
  // ({} for the single point of a run).
  std::vector<nlohmann::ordered_json> grid;
  int replications = 1;
  Shard shard;
  bool interrupted = false;  // a SIGINT stopped the shard before it ran all its tasks
  int threads = 1;
  double wall_seconds = 0.0;
  std::vector<PartialTask> tasks;  // the tasks that ran to their end, in shard_tasks order
};

[[nodiscard]] nlohmann::ordered_json partial_report_json(const PartialReport& report);

// What reading a partial report gave: the report, or why not.
struct PartialRead {
  std::optional<PartialReport> report;
  bool unreadable = false;  // the file could not be read (else: its content is not valid)
  std::string error;        // "FILE: why", with a JSON pointer when one value is wrong
};

// Reads and checks the partial report at `path`: readable, JSON, of this format, every value of
// the right type and range, and its tasks those of its shard (shard_tasks), all of them unless
// it was interrupted.
[[nodiscard]] PartialRead read_partial_report(const std::string& path);

}  // namespace stacksim::shards
