#include "scenario/run_report_reader.h"

#include "scenario/file_text.h"
#include "scenario/json_text.h"

namespace stacksim::scenario {
namespace {

// Reads numbers at JSON pointers, remembering the first that is missing or not a number.
class Reader {
 public:
  Reader(const nlohmann::ordered_json& document, std::string& error)
      : document_(document), error_(error) {}

  double number(const std::string& pointer, bool required = true) {
    const nlohmann::ordered_json::json_pointer at(pointer);
    if (!document_.contains(at) || document_.at(at).is_null()) {
      if (required) fail(pointer, "missing");
      return 0.0;
    }
    const auto& value = document_.at(at);
    if (!value.is_number()) {
      fail(pointer, "expected a number");
      return 0.0;
    }
    return value.get<double>();
  }

  std::string text(const std::string& pointer) {
    const nlohmann::ordered_json::json_pointer at(pointer);
    if (!document_.contains(at) || !document_.at(at).is_string()) return "";
    return document_.at(at).get<std::string>();
  }

  [[nodiscard]] bool ok() const { return error_.empty(); }

  void fail(const std::string& pointer, const std::string& what) {
    if (error_.empty()) error_ = pointer + ": " + what;
  }

 private:
  const nlohmann::ordered_json& document_;
  std::string& error_;
};

}  // namespace

bool is_run_report(const nlohmann::ordered_json& document) {
  return document.is_object() && document.contains("schema_version") &&
         document.contains("summary") && document.contains("components");
}

std::optional<RunDigest> read_run_report(const nlohmann::ordered_json& report, std::string& error) {
  error.clear();
  if (!is_run_report(report)) {
    error = "not a stacksim run report (no schema_version, summary and components)";
    return std::nullopt;
  }
  Reader r(report, error);
  RunDigest d;
  d.scenario_name = r.text("/scenario/name");
  d.scenario_sha256 = r.text("/scenario/sha256");
  d.seed = static_cast<std::uint64_t>(r.number("/seed", false));
  d.duration_s = r.number("/duration_s");
  d.warmup_s = r.number("/warmup_s", false);
  d.replications = static_cast<int>(r.number("/replications", false));
  if (d.replications < 1) d.replications = 1;
  d.offered = r.number("/summary/offered");
  d.completed = r.number("/summary/completed");
  d.failed = r.number("/summary/failed");
  d.availability = r.number("/summary/availability");
  d.availability_by_time = r.number("/summary/availability_by_time", false);
  d.throughput_rps = r.number("/summary/throughput_rps");
  d.latency_mean_s = r.number("/summary/latency_s/mean");
  d.latency_p50_s = r.number("/summary/latency_s/p50");
  d.latency_p90_s = r.number("/summary/latency_s/p90", false);
  d.latency_p95_s = r.number("/summary/latency_s/p95", false);
  d.latency_p99_s = r.number("/summary/latency_s/p99");
  d.latency_p999_s = r.number("/summary/latency_s/p999", false);
  d.latency_max_s = r.number("/summary/latency_s/max", false);
  if (const auto& errors = report["summary"].value("errors", nlohmann::ordered_json::object());
      errors.is_object()) {
    for (const auto& [cause, n] : errors.items()) {
      if (n.is_number()) d.errors[cause] = n.get<double>();
    }
  }
  const auto& components = report["components"];
  if (!components.is_object()) r.fail("/components", "expected an object");
  for (const auto& [name, c] : components.items()) {
    const std::string at = "/components/" + name;
    RunDigest::Component component;
    component.name = name;
    component.kind = r.text(at + "/kind");
    component.utilization = r.number(at + "/utilization");
    component.mean_queue_length = r.number(at + "/mean_queue_length", false);
    component.mean_response_s = r.number(at + "/mean_response_s", false);
    component.throughput_rps = r.number(at + "/throughput_rps", false);
    d.components.push_back(component);
  }
  if (report.contains("bottleneck") && report["bottleneck"].is_object()) {
    d.bottleneck = r.text("/bottleneck/name");
    d.bottleneck_utilization = r.number("/bottleneck/utilization", false);
  }
  if (!r.ok()) return std::nullopt;
  return d;
}

std::optional<nlohmann::ordered_json> read_json_file(const std::string& path, std::string& error) {
  std::string why;
  const auto text = read_file(path, why);
  if (!text) {
    error = path + ": cannot read: " + why;
    return std::nullopt;
  }
  ParsedJson parsed = parse_json_text(*text, path);
  if (!parsed.document) {
    error = parsed.problems.empty() ? path + ": not JSON" : parsed.problems.front().to_string();
    return std::nullopt;
  }
  return std::move(*parsed.document);
}

}  // namespace stacksim::scenario
