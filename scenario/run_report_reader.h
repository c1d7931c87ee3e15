#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

// Reading back a saved `stacksim run --json` report, for `stacksim compare`: the numbers a
// comparison sets side by side, as a plain struct. A scenario run by compare itself goes through
// the same reader (its report as run --json would write it), so both kinds of input are compared
// alike.
namespace stacksim::scenario {

struct RunDigest {
  std::string scenario_name;
  std::string scenario_sha256;
  std::uint64_t seed = 0;
  double duration_s = 0.0;
  double warmup_s = 0.0;
  int replications = 1;
  double offered = 0.0, completed = 0.0, failed = 0.0;
  double availability = 1.0;          // of requests
  double availability_by_time = 1.0;  // of time
  double throughput_rps = 0.0;
  double latency_mean_s = 0.0, latency_p50_s = 0.0, latency_p90_s = 0.0, latency_p95_s = 0.0,
         latency_p99_s = 0.0, latency_p999_s = 0.0, latency_max_s = 0.0;
  std::map<std::string, double> errors;  // cause -> failed requests
  struct Component {
    std::string name;
    std::string kind;
    double utilization = 0.0;
    double mean_queue_length = 0.0;
    double mean_response_s = 0.0;
    double throughput_rps = 0.0;
  };
  std::vector<Component> components;  // in report order
  std::string bottleneck;             // empty when the report names none
  double bottleneck_utilization = 0.0;
};

// True when `document` looks like a run report: an object with schema_version, summary and
// components (a scenario has none of these).
[[nodiscard]] bool is_run_report(const nlohmann::ordered_json& document);

// The digest of a run report, or nullopt with `error` naming the JSON pointer of the first
// missing or mistyped value ("/summary/latency_s/p99: expected a number").
[[nodiscard]] std::optional<RunDigest> read_run_report(const nlohmann::ordered_json& report,
                                                       std::string& error);

// Reads the file at `path` as JSON (comments allowed): the document, or nullopt with `error`
// saying why ("FILE: cannot read: ...", "FILE:LINE:COL: ...").
[[nodiscard]] std::optional<nlohmann::ordered_json> read_json_file(const std::string& path,
                                                                   std::string& error);

}  // namespace stacksim::scenario
