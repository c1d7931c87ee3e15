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

const ComponentSpec* ScenarioSpec::find_component(const std::string& name) const {
  for (const auto& c : components) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

const HostSpec* ScenarioSpec::find_host(const std::string& name) const {
  for (const auto& h : hosts) {
    if (h.name == name) return &h;
  }
  return nullptr;
}

}  // namespace stacksim::models
