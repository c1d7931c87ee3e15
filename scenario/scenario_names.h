#pragma once

// Private to the scenario layer: the names a scenario defines, gathered before the parts that
// refer to them are read (component hosts, mix paths, fault targets).

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "models/scenario_spec.h"

namespace stacksim::scenario {

struct ScenarioNames {
  std::vector<std::string> hosts;             // in file order
  std::map<std::string, int> host_somaxconn;  // per host (models::kLinuxSomaxconn default)
  std::vector<std::string> components;        // in file order, whatever their validity
  // Kinds of the components whose "kind" is valid.
  std::map<std::string, models::ComponentKind> component_kinds;
  // The hosts each component names in "host" or "hosts", as written (strings only).
  std::map<std::string, std::vector<std::string>> component_hosts;
  // Components whose "hosts" lists two or more hosts: they run several instances.
  std::set<std::string> multi_instance;
  // False when `hosts` / `components` is not an object (or `components` is missing or empty),
  // or some component has no valid kind: references are then not judged, so that one mistake
  // is not reported again at every place that refers to what it broke.
  bool hosts_readable = true;
  bool components_readable = true;
  bool kinds_complete = true;

  [[nodiscard]] bool is_host(const std::string& name) const {
    return host_somaxconn.count(name) != 0;
  }
  [[nodiscard]] bool is_component(const std::string& name) const {
    for (const auto& c : components) {
      if (c == name) return true;
    }
    return false;
  }
  [[nodiscard]] std::optional<models::ComponentKind> kind_of(const std::string& name) const {
    const auto it = component_kinds.find(name);
    if (it == component_kinds.end()) return std::nullopt;
    return it->second;
  }
  [[nodiscard]] bool has_several_instances(const std::string& name) const {
    return multi_instance.count(name) != 0;
  }
  // True when component `name` names `host` in its "host" or "hosts".
  [[nodiscard]] bool runs_on(const std::string& name, const std::string& host) const {
    const auto it = component_hosts.find(name);
    if (it == component_hosts.end()) return false;
    for (const auto& h : it->second) {
      if (h == host) return true;
    }
    return false;
  }
  // Linux caps listen backlogs at net.core.somaxconn; components not on a host get the default.
  [[nodiscard]] int somaxconn(const std::string& host) const {
    const auto it = host_somaxconn.find(host);
    return it == host_somaxconn.end() ? models::kLinuxSomaxconn : it->second;
  }
};

}  // namespace stacksim::scenario
