#include "shards/partial_report.h"

#include <stdexcept>

#include "scenario/file_text.h"
#include "shards/run_result_json.h"

namespace stacksim::shards {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

// A problem with one value of the report, at a JSON pointer.
struct BadValue : std::runtime_error {
  BadValue(const std::string& pointer, const std::string& what)
      : std::runtime_error(pointer.empty() ? what : pointer + ": " + what) {}
};

const json& member(const json& object, const std::string& pointer, const std::string& key) {
  if (!object.is_object()) throw BadValue(pointer, "expected an object");
  const auto it = object.find(key);
  if (it == object.end()) throw BadValue(pointer + "/" + key, "missing");
  return *it;
}

std::string text_at(const json& object, const std::string& pointer, const std::string& key) {
  const json& value = member(object, pointer, key);
  if (!value.is_string()) throw BadValue(pointer + "/" + key, "expected a string");
  return value.get<std::string>();
}

std::uint64_t count_at(const json& object, const std::string& pointer, const std::string& key) {
  const json& value = member(object, pointer, key);
  if (!value.is_number_unsigned()) {
    throw BadValue(pointer + "/" + key, "expected a non-negative integer");
  }
  return value.get<std::uint64_t>();
}

int small_count_at(const json& object, const std::string& pointer, const std::string& key,
                   std::uint64_t max) {
  const std::uint64_t value = count_at(object, pointer, key);
  if (value < 1 || value > max) {
    throw BadValue(pointer + "/" + key, "expected an integer from 1 to " + std::to_string(max));
  }
  return static_cast<int>(value);
}

PartialReport parse(const json& j) {
  if (!j.is_object() || !j.contains("stacksim_partial_report")) {
    throw BadValue("", "not a stacksim partial report (written by --shard I/N --json FILE)");
  }
  if (j["stacksim_partial_report"] != kPartialReportFormat) {
    throw BadValue("/stacksim_partial_report", "format " + j["stacksim_partial_report"].dump() +
                                                   ", this stacksim reads " +
                                                   std::to_string(kPartialReportFormat));
  }
  PartialReport report;
  report.kind = text_at(j, "", "kind");
  if (report.kind != "sweep" && report.kind != "run") {
    throw BadValue("/kind", "expected \"sweep\" or \"run\"");
  }
  report.tool_version = text_at(j, "", "tool_version");
  const json& scenario = member(j, "", "scenario");
  report.scenario_file = text_at(scenario, "/scenario", "file");
  report.scenario_sha256 = text_at(scenario, "/scenario", "sha256");
  report.base_directory = text_at(scenario, "/scenario", "base_directory");
  report.scenario_text = text_at(scenario, "/scenario", "text");
  const json& options = member(j, "", "options");
  if (!options.is_object()) throw BadValue("/options", "expected an object");
  report.options = options;
  const json& grid = member(j, "", "grid");
  if (!grid.is_array() || grid.empty()) throw BadValue("/grid", "expected a non-empty array");
  for (const json& point : grid) report.grid.push_back(point);
  report.replications = small_count_at(j, "", "replications", INT32_MAX);
  const json& shard = member(j, "", "shard");
  report.shard.count = small_count_at(shard, "/shard", "count", kMaxShards);
  report.shard.index =
      small_count_at(shard, "/shard", "index", static_cast<std::uint64_t>(report.shard.count));
  const json& interrupted = member(j, "", "interrupted");
  if (!interrupted.is_boolean()) throw BadValue("/interrupted", "expected true or false");
  report.interrupted = interrupted.get<bool>();
  report.threads = small_count_at(j, "", "threads", INT32_MAX);
  const json& wall = member(j, "", "wall_s");
  if (!wall.is_number()) throw BadValue("/wall_s", "expected a number");
  report.wall_seconds = wall.get<double>();

  const json& tasks = member(j, "", "tasks");
  if (!tasks.is_array()) throw BadValue("/tasks", "expected an array");
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    const std::string pointer = "/tasks/" + std::to_string(i);
    PartialTask task;
    task.point = count_at(tasks[i], pointer, "point");
    task.replication = count_at(tasks[i], pointer, "replication");
    task.seed = count_at(tasks[i], pointer, "seed");
    const json& result = member(tasks[i], pointer, "result");
    try {
      task.result = run_result_from_json(result);
    } catch (const std::runtime_error& e) {
      throw std::runtime_error(pointer + "/result" + e.what());
    }
    report.tasks.push_back(std::move(task));
  }
  return report;
}

// Throws unless the tasks are those of the report's shard, in order (a prefix-free subset of
// them when the shard was interrupted).
void check_tasks(const PartialReport& report) {
  const auto expected = shard_tasks(report.grid.size(), report.replications, report.shard);
  std::size_t next = 0;
  for (std::size_t i = 0; i < report.tasks.size(); ++i) {
    const PartialTask& task = report.tasks[i];
    while (
        next < expected.size() && report.interrupted &&
        (expected[next].scenario != task.point || expected[next].replication != task.replication)) {
      ++next;
    }
    if (next == expected.size() || expected[next].scenario != task.point ||
        expected[next].replication != task.replication) {
      throw BadValue("/tasks/" + std::to_string(i),
                     "point " + std::to_string(task.point) + " replication " +
                         std::to_string(task.replication) + " is not a task of shard " +
                         to_string(report.shard) + " (or is out of order)");
    }
    ++next;
  }
  if (!report.interrupted && report.tasks.size() != expected.size()) {
    throw BadValue("/tasks", "holds " + std::to_string(report.tasks.size()) + " of shard " +
                                 to_string(report.shard) + "'s " + std::to_string(expected.size()) +
                                 " tasks");
  }
}

}  // namespace

nlohmann::ordered_json partial_report_json(const PartialReport& report) {
  ordered_json j;
  j["stacksim_partial_report"] = kPartialReportFormat;
  j["kind"] = report.kind;
  j["tool_version"] = report.tool_version;
  j["scenario"] = {{"file", report.scenario_file},
                   {"sha256", report.scenario_sha256},
                   {"base_directory", report.base_directory},
                   {"text", report.scenario_text}};
  j["options"] = report.options;
  j["grid"] = report.grid;
  j["replications"] = report.replications;
  j["shard"] = {{"index", report.shard.index}, {"count", report.shard.count}};
  j["interrupted"] = report.interrupted;
  j["threads"] = report.threads;
  j["wall_s"] = report.wall_seconds;
  ordered_json tasks = ordered_json::array();
  for (const PartialTask& task : report.tasks) {
    tasks.push_back({{"point", task.point},
                     {"replication", task.replication},
                     {"seed", task.seed},
                     {"result", run_result_json(task.result)}});
  }
  j["tasks"] = std::move(tasks);
  return j;
}

PartialRead read_partial_report(const std::string& path) {
  PartialRead read;
  std::string why;  // only regular files: a FIFO or a device could block or never end
  const auto content = scenario::read_file(path, why);
  if (!content) {
    read.unreadable = true;
    read.error = path + ": cannot read the file: " + why;
    return read;
  }
  const json j = json::parse(*content, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    read.error = path + ": not JSON (a partial report is the --json output of --shard I/N)";
    return read;
  }
  try {
    PartialReport report = parse(j);
    check_tasks(report);
    read.report = std::move(report);
  } catch (const std::runtime_error& e) {
    read.error = path + ": " + e.what();
  }
  return read;
}

}  // namespace stacksim::shards
