#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "models/run_result.h"
#include "models/scenario_spec.h"
#include "sim/time.h"

// Small helpers to build scenario specs in code, and to read results, for model tests.
namespace stacksim::models::testing {

inline sim::Time ms(double v) { return sim::from_seconds(v / 1000.0); }
inline sim::Time s(double v) { return sim::from_seconds(v); }

inline ComponentSpec station(const std::string& name, int servers, sim::Distribution service,
                             std::string host = "") {
  ComponentSpec c;
  c.name = name;
  c.kind = ComponentKind::kStation;
  c.servers = servers;
  c.cpu = service;
  c.host = std::move(host);
  return c;
}

inline ComponentSpec stack(const std::string& name, ComponentKind kind, int servers,
                           sim::Distribution cpu, std::string host = "") {
  ComponentSpec c = station(name, servers, cpu, std::move(host));
  c.kind = kind;
  return c;
}

inline ScenarioSpec closed_scenario(int users, sim::Distribution think,
                                    std::vector<ComponentSpec> components,
                                    std::vector<std::string> path, sim::Time duration) {
  ScenarioSpec spec;
  spec.name = "test";
  spec.seed = 7;
  spec.duration_ns = duration;
  spec.components = std::move(components);
  spec.workload.process = WorkloadSpec::Process::kClosed;
  spec.workload.users = users;
  spec.workload.think = think;
  spec.workload.mix.push_back(RequestClassSpec{"job", 1.0, std::move(path)});
  return spec;
}

inline ScenarioSpec open_scenario(double rate, std::vector<ComponentSpec> components,
                                  std::vector<std::string> path, sim::Time duration) {
  ScenarioSpec spec;
  spec.name = "test";
  spec.seed = 7;
  spec.duration_ns = duration;
  spec.components = std::move(components);
  spec.workload.process = WorkloadSpec::Process::kPoisson;
  spec.workload.rate_per_s = rate;
  spec.workload.mix.push_back(RequestClassSpec{"job", 1.0, std::move(path)});
  return spec;
}

// The result of the component (or instance) called `name`; throws when there is none.
inline const ComponentResult& component(const RunResult& r, const std::string& name) {
  for (const auto& c : r.components) {
    if (c.name == name) return c;
  }
  throw std::runtime_error("no component " + name);
}

}  // namespace stacksim::models::testing
