#include "scenario/loader.h"

#include <algorithm>
#include <array>
#include <exception>
#include <filesystem>
#include <limits>
#include <string_view>

#include "models/scenario_limits.h"
#include "scenario/component_parser.h"
#include "scenario/fault_parser.h"
#include "scenario/fault_timing.h"
#include "scenario/file_text.h"
#include "scenario/ipv4_address.h"
#include "scenario/json_pointer.h"
#include "scenario/json_text.h"
#include "scenario/key_suggestion.h"
#include "scenario/overrides.h"
#include "scenario/price_parser.h"
#include "scenario/scenario_names.h"
#include "scenario/validator.h"
#include "scenario/workload_parser.h"

namespace stacksim::scenario {

namespace {

using Keys = std::vector<std::string_view>;

void read_hosts(Validator& validator, const Json& value, const std::string& pointer,
                models::ScenarioSpec& spec, ScenarioNames& names) {
  if (!value.is_object()) {
    names.hosts_readable = false;
    validator.error(pointer,
                    "expected an object of hosts (name -> host), got " + describe_json(value));
    return;
  }
  static const Keys kKeys = {"cores",           "memory",        "ip",          "somaxconn",
                             "memory_pressure", "swap_slowdown", "oom_restart", "cpu_scheduler"};
  static const std::vector<std::string> kPressures = {"swap", "oom_kill"};
  static const std::vector<std::string> kSchedulers = {"ps", "fcfs"};
  static constexpr std::array<models::HostSpec::CpuScheduler, 2> kSchedulerValues = {
      models::HostSpec::CpuScheduler::kProcessorSharing, models::HostSpec::CpuScheduler::kFcfs};
  static constexpr std::array<models::HostSpec::MemoryPressure, 2> kPressureValues = {
      models::HostSpec::MemoryPressure::kSwap, models::HostSpec::MemoryPressure::kOomKill};
  for (auto it = value.begin(); it != value.end(); ++it) {
    const std::string host_pointer = child_pointer(pointer, it.key());
    if (it.key().empty()) validator.error(host_pointer, "a host name must not be empty");
    ObjectFields fields(validator, it.value(), host_pointer, kKeys);
    models::HostSpec host;
    host.name = it.key();
    host.cores =
        static_cast<int>(fields.integer("cores", IntRange::positive()).value_or(host.cores));
    host.memory_bytes = fields.size("memory").value_or(host.memory_bytes);
    host.ip = fields.string("ip").value_or(host.ip);
    if (!host.ip.empty() && !is_ipv4_address(host.ip)) {
      validator.error(fields.pointer("ip"),
                      "expected an IPv4 address such as \"10.0.0.1\", got " + in_quotes(host.ip));
    }
    if (const auto pressure =
            fields.choice("memory_pressure", "unknown memory_pressure", kPressures)) {
      host.memory_pressure = kPressureValues[*pressure];
    }
    if (const auto scheduler =
            fields.choice("cpu_scheduler", "unknown cpu_scheduler", kSchedulers)) {
      host.cpu_scheduler = kSchedulerValues[*scheduler];
    }
    host.swap_slowdown =
        fields.number("swap_slowdown", {1.0, kMaxSlowdownFactor}).value_or(host.swap_slowdown);
    host.oom_restart_ns =
        fields.duration("oom_restart", DurationRule::kPositive).value_or(host.oom_restart_ns);
    // somaxconn caps the listen backlogs of the components on this host; it is not stored.
    names.hosts.push_back(host.name);
    names.host_somaxconn[host.name] = static_cast<int>(
        fields.integer("somaxconn", IntRange::positive()).value_or(models::kLinuxSomaxconn));
    spec.hosts.push_back(std::move(host));
  }
}

// The hosts a component body names in "host" or "hosts", as written.
void gather_placement(const std::string& name, const Json& body, ScenarioNames& names) {
  std::vector<std::string> hosts;
  const auto host = body.find("host");
  if (host != body.end() && host->is_string()) hosts.push_back(host->get<std::string>());
  const auto list = body.find("hosts");
  if (list != body.end() && list->is_array()) {
    for (const auto& h : *list) {
      if (h.is_string()) hosts.push_back(h.get<std::string>());
    }
    if (list->size() >= 2) names.multi_instance.insert(name);
  }
  names.component_hosts[name] = std::move(hosts);
}

// Component names and the kinds that are valid, before the components themselves are read.
void gather_components(const Json* value, ScenarioNames& names) {
  if (value == nullptr || !value->is_object() || value->empty()) {
    names.components_readable = false;
    return;
  }
  for (auto it = value->begin(); it != value->end(); ++it) {
    names.components.push_back(it.key());
    std::optional<models::ComponentKind> kind;
    if (it.value().is_object()) {
      gather_placement(it.key(), it.value(), names);
      const auto kind_value = it.value().find("kind");
      if (kind_value != it.value().end() && kind_value->is_string()) {
        kind = component_kind_from_name(kind_value->get_ref<const std::string&>());
      }
    }
    if (kind) {
      names.component_kinds[it.key()] = *kind;
    } else {
      names.kinds_complete = false;
    }
  }
}

models::NetworkSpec read_network(Validator& validator, const Json& value,
                                 const std::string& pointer) {
  static const Keys kKeys = {"rtt", "keepalive_share", "syn_retries", "syn_initial_timeout"};
  models::NetworkSpec network;
  ObjectFields fields(validator, value, pointer, kKeys);
  network.rtt_ns = fields.duration("rtt", DurationRule::kNonNegative).value_or(network.rtt_ns);
  network.keepalive_share =
      fields.number("keepalive_share", NumberRange::fraction()).value_or(network.keepalive_share);
  // Linux refuses net.ipv4.tcp_syn_retries above 127 (MAX_TCP_SYNCNT).
  network.syn_retries =
      static_cast<int>(fields.integer("syn_retries", {0, 127}).value_or(network.syn_retries));
  network.syn_initial_timeout_ns = fields.duration("syn_initial_timeout", DurationRule::kPositive)
                                       .value_or(network.syn_initial_timeout_ns);
  return network;
}

// Service level objectives; each is optional, but an slo that names none is a mistake.
models::SloSpec read_slo(Validator& validator, const Json& value, const std::string& pointer) {
  static const Keys kKeys = {"availability", "latency_p50", "latency_p95", "latency_p99"};
  models::SloSpec slo;
  ObjectFields fields(validator, value, pointer, kKeys);
  if (!fields.is_object()) return slo;
  if (value.empty()) {
    validator.error(pointer,
                    "slo names no objective: give availability, latency_p50, latency_p95 or "
                    "latency_p99");
    return slo;
  }
  // An availability of 1 can never be shown by a finite run, and 0 asks for nothing.
  slo.availability = fields.number("availability", {0.0, 1.0, true, true});
  slo.latency_p50_ns = fields.duration("latency_p50", DurationRule::kPositive);
  slo.latency_p95_ns = fields.duration("latency_p95", DurationRule::kPositive);
  slo.latency_p99_ns = fields.duration("latency_p99", DurationRule::kPositive);
  return slo;
}

std::optional<std::uint64_t> read_seed(Validator& validator, const Json& value,
                                       const std::string& pointer) {
  if (value.is_number_unsigned()) return value.get<std::uint64_t>();
  const auto seed =
      validator.read_integer(value, pointer, {0, std::numeric_limits<std::int64_t>::max()});
  if (!seed) return std::nullopt;
  return static_cast<std::uint64_t>(*seed);
}

// The scenario walk: reads every part, reporting all problems through `validator`. Files the
// scenario names (traces) are read as `files` allows.
models::ScenarioSpec read_scenario(Validator& validator, const Json& document,
                                   const FileAccess& files) {
  // "$schema" tells editors where the scenario schema is; the loader only accepts it.
  static const Keys kKeys = {"$schema", "name",   "description", "seed",       "duration",
                             "warmup",  "report", "hosts",       "components", "workload",
                             "network", "faults", "slo",         "prices",     "repair_crews"};
  models::ScenarioSpec spec;
  if (!document.is_object()) {
    validator.error("", "expected a JSON object at the top level, got " + describe_json(document));
    return spec;
  }
  ObjectFields fields(validator, document, "", kKeys);
  spec.name = fields.string("name", Need::kRequired, /*non_empty=*/true).value_or("");
  spec.description = fields.string("description").value_or("");
  (void)fields.string("$schema");
  if (const Json* seed = fields.find("seed")) {
    spec.seed = read_seed(validator, *seed, fields.pointer("seed")).value_or(spec.seed);
  }
  const auto duration = fields.duration("duration", DurationRule::kPositive);
  const auto warmup = fields.duration("warmup", DurationRule::kNonNegative);
  spec.duration_ns = duration.value_or(spec.duration_ns);
  spec.warmup_ns = warmup.value_or(spec.warmup_ns);
  if (spec.duration_ns > sim::kTimeInfinity - 1 - spec.warmup_ns) {
    validator.error(fields.pointer(duration ? "duration" : "warmup"),
                    "warmup + duration is too long to simulate");
  }
  if (const Json* report = fields.find("report")) {
    static const Keys kReportKeys = {"interval"};
    ObjectFields report_fields(validator, *report, fields.pointer("report"), kReportKeys);
    spec.report_interval_ns = report_fields.duration("interval", DurationRule::kPositive)
                                  .value_or(spec.report_interval_ns);
    if (spec.report_interval_ns > 0 &&
        spec.duration_ns / spec.report_interval_ns >= models::kMaxReportRows) {
      // The shortest whole number of seconds that keeps the rows under the cap.
      const sim::Time per_row = spec.duration_ns / models::kMaxReportRows + 1;
      const std::string shortest =
          std::to_string((per_row + sim::kNanosPerSecond - 1) / sim::kNanosPerSecond) + "s";
      validator.error(report_fields.pointer("interval"),
                      "an interval this short gives " +
                          std::to_string(spec.duration_ns / spec.report_interval_ns) +
                          " time-series rows over the duration; at most " +
                          std::to_string(models::kMaxReportRows) + " are kept: make it at least " +
                          shortest + " (--set /report/interval=" + shortest + ")");
    }
  }

  ScenarioNames names;
  if (const Json* hosts = fields.find("hosts")) {
    read_hosts(validator, *hosts, fields.pointer("hosts"), spec, names);
  }
  const Json* components = fields.require("components");
  gather_components(components, names);
  if (components != nullptr) {
    spec.components = read_components(validator, *components, fields.pointer("components"), names);
  }
  if (const Json* workload = fields.require("workload")) {
    spec.workload = read_workload(validator, *workload, fields.pointer("workload"), names, files);
  }
  if (const Json* network = fields.find("network")) {
    spec.network = read_network(validator, *network, fields.pointer("network"));
  }
  if (const Json* faults = fields.find("faults")) {
    spec.faults = read_faults(validator, *faults, fields.pointer("faults"), names);
    check_faults_within_run(validator, *faults, fields.pointer("faults"), spec.faults,
                            spec.warmup_ns + spec.duration_ns);
  }
  spec.repair_crews = static_cast<int>(
      fields.integer("repair_crews", IntRange::positive()).value_or(spec.repair_crews));
  if (const Json* slo = fields.find("slo")) {
    spec.slo = read_slo(validator, *slo, fields.pointer("slo"));
  }
  if (const Json* prices = fields.find("prices")) {
    // Checked here; the values are read by scenario_prices (price_parser.h), since the bill is
    // not part of what is simulated.
    (void)read_prices(validator, *prices, fields.pointer("prices"));
  }
  return spec;
}

// Orders diagnostics as their pointers appear in the document (stable for equal positions).
void sort_by_document_order(std::vector<Diagnostic>& errors, const Json& document) {
  std::vector<std::pair<std::vector<std::size_t>, Diagnostic>> keyed;
  keyed.reserve(errors.size());
  for (auto& e : errors) keyed.emplace_back(document_position(document, e.pointer), std::move(e));
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  errors.clear();
  for (auto& [position, e] : keyed) errors.push_back(std::move(e));
}

LoadResult load(std::string_view text, const std::string& file,
                const std::vector<Override>& overrides, const std::filesystem::path& base_directory,
                const LoadOptions& options) {
  LoadResult result;
  result.text = std::string(text);
  result.base_directory = base_directory;
  result.options = options;
  result.status = LoadStatus::kInvalid;
  ParsedJson parsed = parse_json_text(text, file);
  if (!parsed.document) {
    result.errors = std::move(parsed.problems);
    return result;
  }
  Json& document = *parsed.document;
  result.errors = std::move(parsed.problems);  // duplicate keys
  auto override_problems = apply_overrides(document, overrides, file);
  if (!override_problems.empty()) {
    // The scenario the user asked for does not exist; judging the rest would mislead.
    result.errors.insert(result.errors.end(), override_problems.begin(), override_problems.end());
    return result;
  }
  Validator validator(file);
  models::ScenarioSpec spec =
      read_scenario(validator, document, FileAccess{base_directory, options.allow_outside_files});
  auto errors = validator.take_errors();
  result.errors.insert(result.errors.end(), std::make_move_iterator(errors.begin()),
                       std::make_move_iterator(errors.end()));
  sort_by_document_order(result.errors, document);
  if (result.errors.empty()) {
    result.status = LoadStatus::kOk;
    result.spec = std::move(spec);
  }
  return result;
}

}  // namespace

std::string Diagnostic::to_string() const {
  if (line > 0) {
    return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
  }
  if (pointer.empty()) return file + ": " + message;
  return file + ": " + pointer + ": " + message;
}

LoadResult load_scenario_text(std::string_view text, const std::string& file,
                              const std::vector<Override>& overrides,
                              const std::filesystem::path& base_directory,
                              const LoadOptions& options) {
  try {
    return load(text, file, overrides, base_directory, options);
  } catch (const std::exception& e) {
    // Not expected on any input; kept so that no exception escapes the loader.
    LoadResult result;
    result.status = LoadStatus::kInvalid;
    result.text = std::string(text);
    result.base_directory = base_directory;
    result.options = options;
    result.errors.push_back({file, "", 0, 0, std::string("internal error: ") + e.what()});
    return result;
  }
}

LoadResult load_scenario_file(const std::string& path, const std::vector<Override>& overrides,
                              const LoadOptions& options) {
  std::string error;
  const auto text = read_file(path, error, kMaxScenarioBytes, /*allow_stdin=*/true);
  if (!text) {
    LoadResult result;
    result.status = LoadStatus::kUnreadable;
    result.errors.push_back({path, "", 0, 0, "cannot read scenario file: " + error});
    return result;
  }
  const auto base =
      path == "-" ? std::filesystem::path() : std::filesystem::path(path).parent_path();
  return load_scenario_text(*text, path, overrides, base, options);
}

}  // namespace stacksim::scenario
