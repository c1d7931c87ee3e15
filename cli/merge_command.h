#pragma once

#include <string>
#include <vector>

namespace stacksim::cli {

// `stacksim merge PARTS... [--json F] [--csv F] [--html F] [--allow-partial] [--quiet]`.
struct MergeArgs {
  std::vector<std::string> parts;  // partial reports written by `--shard I/N --json FILE`
  std::string json_path;           // "-" = stdout
  std::string csv_path;
  std::string html_path;  // the sweep's or run's HTML report
  bool allow_partial = false;
  bool quiet = false;
};

// Puts the partial reports of one sharded `sweep` or `run` back together and writes what the
// unsharded command would have written with these outputs (--json, --csv, --html, the text report
// on the terminal): the same bytes, but for the wall time. The scenario is read from the parts
// (their copy of its text), not from its file; files it names (a trace) are read again. Exit codes:
// 66 when a part cannot be read; 65 when a part is not a partial report, when the parts come from
// different scenarios, options or shard counts, when a shard is given twice, and, without
// --allow-partial, when a shard is missing or was interrupted (each is named); 73 when an output
// cannot be written. With --allow-partial the report holds the points (or replications) that are
// complete, lists what is missing under "missing", and stderr says what is missing.
[[nodiscard]] int merge_command(const MergeArgs& args);

}  // namespace stacksim::cli
