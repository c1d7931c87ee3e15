#include "scenario/component_parser.h"

#include <algorithm>
#include <array>
#include <limits>
#include <utility>

#include "scenario/component_placement.h"
#include "scenario/distribution_parser.h"
#include "scenario/dns_records.h"
#include "scenario/json_pointer.h"
#include "scenario/key_suggestion.h"

namespace stacksim::scenario {

namespace {

using models::ComponentKind;
using models::ComponentSpec;
using Keys = std::vector<std::string_view>;

constexpr std::int64_t kMaxCapacity = std::numeric_limits<std::int64_t>::max();

struct KindInfo {
  KindInfo(ComponentKind kind, Keys keys)
      : kind(kind), name(models::to_string(kind)), keys(std::move(keys)) {}

  ComponentKind kind;
  std::string_view name;  // as scenarios write it
  Keys keys;              // every key valid for this kind, in the order lists show them
};

const std::array<KindInfo, 6>& kinds() {
  static const std::array<KindInfo, 6> kKinds = {{
      {ComponentKind::kStation,
       {"kind", "host", "hosts", "servers", "queue_capacity", "service", "memory",
        "memory_per_worker"}},
      {ComponentKind::kDns, {"kind", "host", "servers", "queue_capacity", "lookup", "records"}},
      {ComponentKind::kWeb,
       {"kind", "host", "hosts", "worker_processes", "worker_connections", "servers",
        "listen_backlog", "queue_capacity", "cpu", "latency", "memory", "memory_per_worker"}},
      {ComponentKind::kApp,
       {"kind", "host", "hosts", "workers", "servers", "listen_backlog", "queue_capacity", "cpu",
        "latency", "queries_per_request", "memory", "memory_per_worker"}},
      {ComponentKind::kDb,
       {"kind", "host", "hosts", "primary", "replication_lag", "failover", "max_connections",
        "servers", "queue_capacity", "cpu", "latency", "reads_per_query", "buffer_pool_hit_ratio",
        "disk_read", "memory", "memory_per_connection"}},
      {ComponentKind::kLb,
       {"kind", "host", "hosts", "servers", "listen_backlog", "queue_capacity", "cpu", "latency",
        "policy", "health_check", "memory", "memory_per_worker"}},
  }};
  return kKinds;
}

// Reads one component; `fields` has already checked the keys of its kind.
class ComponentReader {
 public:
  ComponentReader(Validator& validator, ObjectFields& fields, const ScenarioNames& names,
                  ComponentSpec& spec)
      : validator_(validator), fields_(fields), names_(names), spec_(spec) {}

  void read() {
    read_placement(fields_, names_, spec_);
    switch (spec_.kind) {
      case ComponentKind::kStation:
        read_station();
        break;
      case ComponentKind::kDns:
        read_dns();
        break;
      case ComponentKind::kWeb:
        read_web();
        break;
      case ComponentKind::kApp:
        read_app();
        break;
      case ComponentKind::kDb:
        read_db();
        break;
      case ComponentKind::kLb:
        read_lb();
        break;
    }
  }

 private:
  void read_station() {
    spec_.servers = servers_or(spec_.servers);
    spec_.queue_capacity = queue_capacity_or(std::nullopt);
    if (const Json* service = fields_.require("service")) {
      distribution(*service, "service", spec_.cpu);
    }
    read_memory("memory_per_worker");
  }

  void read_dns() {
    spec_.servers = servers_or(spec_.servers);
    spec_.queue_capacity = queue_capacity_or(std::nullopt);
    spec_.latency = sim::Distribution::deterministic(models::kDnsLookupNs);
    if (const Json* lookup = fields_.find("lookup")) distribution(*lookup, "lookup", spec_.latency);
    if (const Json* records = fields_.require("records")) {
      spec_.records = read_dns_records(validator_, *records, fields_.pointer("records"));
    }
  }

  void read_web() {
    // Nginx: servers = worker_processes x worker_connections, unless `servers` is given.
    if (servers_given({"worker_processes", "worker_connections"})) {
      spec_.servers = servers_or(spec_.servers);
    } else {
      const auto processes = fields_.integer("worker_processes", IntRange::positive());
      const auto connections = fields_.integer("worker_connections", IntRange::positive());
      const std::int64_t product = processes.value_or(models::kNginxWorkerProcesses) *
                                   connections.value_or(models::kNginxWorkerConnections);
      if (product > std::numeric_limits<int>::max()) {
        validator_.error(fields_.pointer(),
                         "worker_processes x worker_connections = " + std::to_string(product) +
                             " exceeds " + std::to_string(std::numeric_limits<int>::max()));
      } else {
        spec_.servers = static_cast<int>(product);
      }
    }
    spec_.queue_capacity = backlog_or_capacity(models::kNginxListenBacklog);
    read_cpu_and_latency();
    read_memory("memory_per_worker");
  }

  void read_app() {
    // PHP-FPM: pm.max_children workers.
    spec_.servers = servers_given({"workers"}) ? servers_or(spec_.servers)
                                               : setting("workers", models::kPhpFpmMaxChildren);
    spec_.queue_capacity = backlog_or_capacity(models::kPhpFpmListenBacklog);
    read_cpu_and_latency();
    spec_.calls = static_cast<int>(
        fields_.integer("queries_per_request", IntRange::non_negative()).value_or(spec_.calls));
    read_memory("memory_per_worker");
  }

  void read_db() {
    // MySQL: max_connections; connections beyond it are refused (no waiting room).
    spec_.servers = servers_given({"max_connections"})
                        ? servers_or(spec_.servers)
                        : setting("max_connections", models::kMysqlMaxConnections);
    spec_.queue_capacity = queue_capacity_or(0);
    read_cpu_and_latency();
    spec_.reads_per_query =
        static_cast<int>(fields_.integer("reads_per_query", IntRange::non_negative())
                             .value_or(spec_.reads_per_query));
    spec_.buffer_pool_hit_ratio = fields_.number("buffer_pool_hit_ratio", NumberRange::fraction())
                                      .value_or(spec_.buffer_pool_hit_ratio);
    if (const Json* disk = fields_.find("disk_read")) {
      distribution(*disk, "disk_read", spec_.disk_read);
    }
    read_replication(fields_, spec_);
    read_memory("memory_per_connection");
  }

  // HAProxy: `servers` is maxconn; the waiting room is unbounded unless a listen backlog or a
  // queue_capacity is given. Cpu and latency default to zero.
  void read_lb() {
    spec_.servers = servers_or(models::kHaproxyMaxconn);
    spec_.queue_capacity = backlog_or_capacity(std::nullopt);
    read_cpu_and_latency();
    static const std::vector<std::string> kPolicies = {"roundrobin", "leastconn", "random"};
    static constexpr std::array<models::BalancePolicy, 3> kPolicyValues = {
        models::BalancePolicy::kRoundRobin, models::BalancePolicy::kLeastConnections,
        models::BalancePolicy::kRandom};
    if (const auto policy = fields_.choice("policy", "unknown policy", kPolicies)) {
      spec_.policy = kPolicyValues[*policy];
    }
    if (const Json* check = fields_.find("health_check")) read_health_check(*check);
    read_memory("memory_per_worker");
  }

  // HAProxy's active checks: `inter` (2s), `fall` (3) and `rise` (2).
  void read_health_check(const Json& value) {
    static const Keys kKeys = {"interval", "fall", "rise"};
    ObjectFields check(validator_, value, fields_.pointer("health_check"), kKeys);
    spec_.health_check_interval_ns = check.duration("interval", DurationRule::kPositive)
                                         .value_or(spec_.health_check_interval_ns);
    spec_.health_check_fall = static_cast<int>(
        check.integer("fall", IntRange::positive()).value_or(spec_.health_check_fall));
    spec_.health_check_rise = static_cast<int>(
        check.integer("rise", IntRange::positive()).value_or(spec_.health_check_rise));
  }

  // Resident memory of the component and the memory of each busy slot (`per_slot_key`).
  void read_memory(std::string_view per_slot_key) {
    spec_.memory_base_bytes = fields_.size("memory").value_or(spec_.memory_base_bytes);
    spec_.memory_per_busy_slot_bytes =
        fields_.size(per_slot_key).value_or(spec_.memory_per_busy_slot_bytes);
  }

  void read_cpu_and_latency() {
    if (const Json* cpu = fields_.find("cpu")) distribution(*cpu, "cpu", spec_.cpu);
    if (const Json* latency = fields_.find("latency"))
      distribution(*latency, "latency", spec_.latency);
  }

  // True when `servers` is given instead of the software's own `settings`; reports any of them
  // given as well (they would contradict each other).
  bool servers_given(std::initializer_list<std::string_view> settings) {
    if (!fields_.has("servers")) return false;
    for (const auto setting : settings) {
      if (fields_.has(setting)) {
        validator_.error(fields_.pointer("servers"),
                         "give either \"servers\" or " + in_quotes(setting) + ", not both");
      }
    }
    return true;
  }

  // A positive integer setting of the real software, e.g. PHP-FPM's pm.max_children.
  int setting(std::string_view key, int fallback) {
    return static_cast<int>(fields_.integer(key, IntRange::positive()).value_or(fallback));
  }

  int servers_or(int fallback) {
    return static_cast<int>(fields_.integer("servers", IntRange::positive()).value_or(fallback));
  }

  // `queue_capacity`: absent -> `fallback`, null -> unbounded, else a non-negative integer.
  std::optional<std::int64_t> queue_capacity_or(std::optional<std::int64_t> fallback) {
    const Json* v = fields_.find("queue_capacity");
    if (v == nullptr) return fallback;
    if (v->is_null()) return std::nullopt;
    if (!v->is_number()) {
      validator_.error(
          fields_.pointer("queue_capacity"),
          "expected a non-negative integer or null (unbounded), got " + describe_json(*v));
      return fallback;
    }
    return validator_.read_integer(*v, fields_.pointer("queue_capacity"), {0, kMaxCapacity})
        .value_or(fallback.value_or(0));
  }

  // Web and app servers and load balancers: the listen backlog (capped at the host's somaxconn,
  // as Linux does) or an explicit queue_capacity, not both. Without either: `default_backlog`
  // (nullopt = unbounded).
  std::optional<std::int64_t> backlog_or_capacity(std::optional<int> default_backlog) {
    if (fields_.has("queue_capacity")) {
      if (fields_.has("listen_backlog")) {
        validator_.error(fields_.pointer("queue_capacity"),
                         "give either \"listen_backlog\" or \"queue_capacity\", not both");
      }
      return queue_capacity_or(std::nullopt);
    }
    if (!fields_.has("listen_backlog") && !default_backlog) return std::nullopt;
    const std::int64_t backlog = fields_.integer("listen_backlog", IntRange::non_negative())
                                     .value_or(default_backlog.value_or(0));
    return std::min<std::int64_t>(backlog, placement_somaxconn(names_, spec_));
  }

  void distribution(const Json& value, std::string_view key, sim::Distribution& out) {
    if (auto d = read_distribution(validator_, value, fields_.pointer(key))) out = *d;
  }

  Validator& validator_;
  ObjectFields& fields_;
  const ScenarioNames& names_;
  ComponentSpec& spec_;
};

}  // namespace

std::optional<ComponentKind> component_kind_from_name(std::string_view name) {
  for (const auto& k : kinds()) {
    if (k.name == name) return k.kind;
  }
  return std::nullopt;
}

std::vector<ComponentSpec> read_components(Validator& validator, const Json& value,
                                           const std::string& pointer, const ScenarioNames& names) {
  std::vector<ComponentSpec> specs;
  if (!value.is_object() || value.empty()) {
    validator.error(pointer, "expected a non-empty object of components (name -> component), got " +
                                 describe_json(value));
    return specs;
  }
  std::string first_dns;
  for (auto it = value.begin(); it != value.end(); ++it) {
    const std::string component_pointer = child_pointer(pointer, it.key());
    if (it.key().empty()) validator.error(component_pointer, "a component name must not be empty");
    const Json& body = it.value();
    if (!body.is_object()) {
      validator.error(component_pointer, "expected an object, got " + describe_json(body));
      continue;
    }
    // The kind decides which keys are valid, so nothing else is judged without one.
    const KindInfo* info =
        read_tagged(validator, body, component_pointer, "kind", "unknown kind", kinds());
    if (info == nullptr) continue;
    const ComponentKind kind = info->kind;
    const std::string kind_pointer = child_pointer(component_pointer, "kind");
    if (kind == ComponentKind::kDns) {
      if (first_dns.empty()) {
        first_dns = it.key();
      } else {
        validator.error(kind_pointer, "a scenario has at most one dns component; " +
                                          in_quotes(first_dns) + " is one already");
      }
    }
    ComponentSpec spec;
    spec.name = it.key();
    spec.kind = kind;
    ObjectFields fields(validator, body, component_pointer, info->keys,
                        other_entries_hint(kinds(), *info, "kind"));
    ComponentReader(validator, fields, names, spec).read();
    specs.push_back(std::move(spec));
  }
  return specs;
}

}  // namespace stacksim::scenario
