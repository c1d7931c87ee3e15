#include "scenario/component_placement.h"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/json_pointer.h"
#include "scenario/key_suggestion.h"

namespace stacksim::scenario {

namespace {

// A host name given in "host" or in "hosts"; reports an unknown one at `pointer`.
bool known_host(Validator& validator, const ScenarioNames& names, const std::string& host,
                const std::string& pointer) {
  if (!names.hosts_readable || names.is_host(host)) return true;
  validator.error(pointer, unknown_name_message("unknown host", host, names.hosts, "hosts are",
                                                "the scenario defines no hosts"));
  return false;
}

// The valid, distinct host names of a "hosts" array, in order.
std::vector<std::string> read_host_list(Validator& validator, const Json& list,
                                        const std::string& pointer, const ScenarioNames& names) {
  std::vector<std::string> hosts;
  if (!list.is_array() || list.empty()) {
    validator.error(pointer, "expected a non-empty array of host names (one instance on each), " +
                                 std::string("got ") +
                                 (list.is_array() ? "an empty array" : describe_json(list)));
    return hosts;
  }
  std::map<std::string, std::string> seen;  // host -> pointer of its first mention
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string element = child_pointer(pointer, i);
    const auto host = validator.read_string(list[i], element, /*non_empty=*/true);
    if (!host) continue;
    const auto [it, inserted] = seen.emplace(*host, element);
    if (!inserted) {
      validator.error(element, "duplicate host " + in_quotes(*host) + " (first at " + it->second +
                                   "); a component runs at most one instance per host");
      continue;
    }
    if (known_host(validator, names, *host, element)) hosts.push_back(*host);
  }
  return hosts;
}

// The strings of a "hosts" array as written.
std::vector<std::string> listed_hosts(const Json& list) {
  std::vector<std::string> hosts;
  for (const auto& host : list) {
    if (host.is_string()) hosts.push_back(host.get<std::string>());
  }
  return hosts;
}

}  // namespace

void read_placement(ObjectFields& fields, const ScenarioNames& names, models::ComponentSpec& spec) {
  Validator& validator = fields.validator();
  const auto host = fields.string("host");
  const bool host_valid = host && known_host(validator, names, *host, fields.pointer("host"));
  const Json* list = fields.find("hosts");
  if (list == nullptr) {
    if (host_valid) spec.host = *host;
    return;
  }
  if (fields.has("host")) {
    validator.error(fields.pointer("hosts"),
                    "give either \"host\" (one instance) or \"hosts\" (one instance on each), not "
                    "both");
  }
  auto hosts = read_host_list(validator, *list, fields.pointer("hosts"), names);
  if (hosts.size() == 1 && list->size() == 1) {
    spec.host = std::move(hosts.front());
  } else if (hosts.size() > 1) {
    spec.instance_hosts = std::move(hosts);
  }
}

void read_replication(ObjectFields& fields, models::ComponentSpec& spec) {
  static constexpr std::string_view kKeys[] = {"primary", "replication_lag", "failover"};
  Validator& validator = fields.validator();
  const Json* list = fields.find("hosts");
  if (list == nullptr || !list->is_array() || list->size() < 2) {
    for (const auto key : kKeys) {
      if (!fields.has(key)) continue;
      validator.error(fields.pointer(key),
                      "primary/replicas need several hosts: " + in_quotes(key) +
                          " applies to a db whose \"hosts\" lists two or more hosts");
    }
    return;
  }
  const auto instances = listed_hosts(*list);
  if (!fields.has("primary")) {
    validator.error(fields.pointer(),
                    "missing required key \"primary\": a db on several hosts needs the host of "
                    "the instance that takes the writes (one of its \"hosts\")");
  } else if (const auto primary = fields.string("primary", Need::kOptional, /*non_empty=*/true)) {
    if (std::find(instances.begin(), instances.end(), *primary) == instances.end()) {
      validator.error(fields.pointer("primary"),
                      unknown_name_message("primary is not one of the db's hosts:", *primary,
                                           instances, "its hosts are"));
    } else {
      spec.primary_host = *primary;
    }
  }
  spec.replication_lag_ns = fields.duration("replication_lag", DurationRule::kNonNegative)
                                .value_or(spec.replication_lag_ns);
  spec.failover_ns =
      fields.duration("failover", DurationRule::kPositive).value_or(spec.failover_ns);
}

int placement_somaxconn(const ScenarioNames& names, const models::ComponentSpec& spec) {
  if (spec.instance_hosts.empty()) return names.somaxconn(spec.host);
  int smallest = names.somaxconn(spec.instance_hosts.front());
  for (const auto& host : spec.instance_hosts) smallest = std::min(smallest, names.somaxconn(host));
  return smallest;
}

}  // namespace stacksim::scenario
