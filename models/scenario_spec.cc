#include "models/scenario_spec.h"

namespace stacksim::models {

const char* to_string(ComponentKind kind) {
  switch (kind) {
    case ComponentKind::kStation:
      return "station";
    case ComponentKind::kDns:
      return "dns";
    case ComponentKind::kWeb:
      return "web";
    case ComponentKind::kApp:
      return "app";
    case ComponentKind::kDb:
      return "db";
    case ComponentKind::kLb:
      return "lb";
  }
  return "?";
}

const char* to_string(FaultSpec::Kind kind) {
  switch (kind) {
    case FaultSpec::Kind::kCrash:
      return "crash";
    case FaultSpec::Kind::kProcessCrash:
      return "process_crash";
    case FaultSpec::Kind::kMaintenance:
      return "maintenance";
    case FaultSpec::Kind::kDnsOutage:
      return "dns_outage";
    case FaultSpec::Kind::kNetwork:
      return "network";
    case FaultSpec::Kind::kSlowdown:
      return "slowdown";
    case FaultSpec::Kind::kColdRestart:
      return "cold_restart";
  }
  return "fault";
}

int ScenarioSpec::component_index(const std::string& name) const {
  for (std::size_t i = 0; i < components.size(); ++i) {
    if (components[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

int ScenarioSpec::host_index(const std::string& name) const {
  for (std::size_t i = 0; i < hosts.size(); ++i) {
    if (hosts[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

const ComponentSpec* ScenarioSpec::find_component(const std::string& name) const {
  const int i = component_index(name);
  return i < 0 ? nullptr : &components[i];
}

const HostSpec* ScenarioSpec::find_host(const std::string& name) const {
  const int i = host_index(name);
  return i < 0 ? nullptr : &hosts[i];
}

const ComponentSpec* ScenarioSpec::resolver() const {
  if (workload.hostname.empty()) return nullptr;
  const ComponentSpec* dns = nullptr;
  for (const auto& c : components) {
    if (c.kind == ComponentKind::kDns) dns = &c;
  }
  return dns;
}

}  // namespace stacksim::models
