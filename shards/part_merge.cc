#include "shards/part_merge.h"

#include <map>
#include <optional>

namespace stacksim::shards {
namespace {

// Why `part` cannot be merged with `first`, or empty when it can.
std::string mismatch(const NamedPart& first, const NamedPart& part) {
  const PartialReport& a = first.report;
  const PartialReport& b = part.report;
  const std::string which = part.path + " and " + first.path;
  if (a.kind != b.kind) {
    return which + " are not parts of one experiment: one is a " + b.kind + ", the other a " +
           a.kind;
  }
  if (a.tool_version != b.tool_version) {
    return which + " come from different stacksim versions (" + b.tool_version + " and " +
           a.tool_version + ")";
  }
  if (a.scenario_sha256 != b.scenario_sha256) {
    return which + " come from different scenarios: " + b.scenario_file + " (sha256 " +
           b.scenario_sha256 + ") and " + a.scenario_file + " (sha256 " + a.scenario_sha256 + ")";
  }
  if (a.options != b.options) {
    return which + " come from different options: " + b.options.dump() + " and " + a.options.dump();
  }
  if (a.grid != b.grid || a.replications != b.replications) {
    return which + " have different grids or replications";
  }
  if (a.shard.count != b.shard.count) {
    return which + " split the experiment differently: into " + std::to_string(b.shard.count) +
           " and " + std::to_string(a.shard.count) + " shards";
  }
  return {};
}

}  // namespace

MergeOutcome merge_parts(std::vector<NamedPart> parts, bool allow_partial) {
  MergeOutcome outcome;
  const NamedPart& first = parts.front();
  std::map<int, NamedPart*> by_shard;
  for (NamedPart& part : parts) {
    if (std::string why = mismatch(first, part); !why.empty()) {
      outcome.errors.push_back(std::move(why));
      continue;
    }
    const auto [it, inserted] = by_shard.emplace(part.report.shard.index, &part);
    if (!inserted) {
      outcome.errors.push_back("shard " + to_string(part.report.shard) +
                               " is given twice: " + it->second->path + " and " + part.path);
    }
  }
  if (!outcome.errors.empty()) return outcome;

  MergedParts& merged = outcome.merged;
  const int count = first.report.shard.count;
  std::vector<std::string> missing_names;
  for (int index = 1; index <= count; ++index) {
    const auto it = by_shard.find(index);
    if (it == by_shard.end()) {
      merged.missing_shards.push_back(index);
      missing_names.push_back(to_string(Shard{index, count}));
    } else if (it->second->report.interrupted) {
      merged.interrupted_shards.push_back(index);
      merged.missing.push_back("part of shard " + to_string(Shard{index, count}) + " (" +
                               it->second->path + " was interrupted)");
    }
  }
  if (!missing_names.empty()) {
    std::string list;
    for (std::size_t i = 0; i < missing_names.size(); ++i) {
      if (i > 0) list += i + 1 == missing_names.size() ? " and " : ", ";
      list += missing_names[i];
    }
    merged.missing.insert(merged.missing.begin(),
                          (missing_names.size() == 1 ? "shard " : "shards ") + list);
  }
  if (!allow_partial && !merged.missing.empty()) {
    for (const std::string& what : merged.missing) {
      outcome.errors.push_back("missing " + what + "; give every shard, or --allow-partial");
    }
    return outcome;
  }

  std::vector<PartialTask> first_tasks = std::move(parts.front().report.tasks);
  merged.experiment = first.report;  // without the tasks, which are gathered below
  parts.front().report.tasks = std::move(first_tasks);
  merged.experiment.interrupted = false;
  const std::size_t points = first.report.grid.size();
  const auto replications = static_cast<std::size_t>(first.report.replications);
  // The results of every task, by point and replication.
  std::vector<std::vector<std::optional<models::RunResult>>> slots(
      points, std::vector<std::optional<models::RunResult>>(replications));
  for (auto& [index, part] : by_shard) {
    merged.wall_seconds += part->report.wall_seconds;
    for (PartialTask& task : part->report.tasks) {
      slots.at(task.point).at(task.replication) = std::move(task.result);
    }
  }
  merged.results.resize(points);
  merged.complete.resize(points, true);
  for (std::size_t point = 0; point < points; ++point) {
    for (auto& slot : slots[point]) {
      if (slot) {
        merged.results[point].push_back(std::move(*slot));
      } else {
        merged.complete[point] = false;
      }
    }
  }
  return outcome;
}

}  // namespace stacksim::shards
