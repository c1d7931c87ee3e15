#pragma once

#include <string>
#include <vector>

#include "models/run_result.h"
#include "shards/partial_report.h"

// Putting the partial reports of one experiment's shards back together.
namespace stacksim::shards {

// A partial report and the file it was read from (for messages).
struct NamedPart {
  std::string path;
  PartialReport report;
};

// The experiment the parts make up.
struct MergedParts {
  PartialReport experiment;  // the parts' common description; its tasks are empty
  // For each point of experiment.grid, its replications in order. A point is complete when it
  // holds all experiment.replications of them; without --allow-partial every point is.
  std::vector<std::vector<models::RunResult>> results;
  std::vector<bool> complete;           // aligned with results
  std::vector<std::string> missing;     // what is missing, for messages ("shard 2/3", ...)
  std::vector<int> missing_shards;      // the indices of the shards not given
  std::vector<int> interrupted_shards;  // the indices of the shards given but interrupted
  double wall_seconds = 0.0;            // the parts' wall times added up
};

// What merging gave: the experiment, or every reason why not.
struct MergeOutcome {
  std::vector<std::string> errors;  // each a sentence naming the file(s) concerned
  MergedParts merged;               // valid only when errors is empty
};

// Checks that the parts are shards of one experiment (the same kind, tool version, scenario
// sha256, options, grid, replications and shard count), that no shard is given twice and, unless
// `allow_partial`, that every shard is given and ran to its end; then gathers their results by
// point, in replication order. With `allow_partial`, missing and interrupted shards are listed in
// `missing` instead of being errors. Requires at least one part.
[[nodiscard]] MergeOutcome merge_parts(std::vector<NamedPart> parts, bool allow_partial);

}  // namespace stacksim::shards
