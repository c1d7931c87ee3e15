#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "models/run_result.h"
#include "models/scenario_spec.h"
#include "sim/time.h"

// Small helpers to build scenario specs in code, and to read results, for the models tests (and
// the reports tests that start from a spec).
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

// A component of `kind` on `host`, everything else left at its default.
inline ComponentSpec component(const std::string& name, ComponentKind kind,
                               const std::string& host = "") {
  ComponentSpec c;
  c.name = name;
  c.kind = kind;
  c.host = host;
  return c;
}

// What closed_scenario and open_scenario share: "test", seed 7, one class "job" along `path`.
inline ScenarioSpec scenario(std::vector<ComponentSpec> components, std::vector<std::string> path,
                             sim::Time duration) {
  ScenarioSpec spec;
  spec.name = "test";
  spec.seed = 7;
  spec.duration_ns = duration;
  spec.components = std::move(components);
  spec.workload.mix.push_back(RequestClassSpec{"job", 1.0, std::move(path)});
  return spec;
}

inline ScenarioSpec closed_scenario(int users, sim::Distribution think,
                                    std::vector<ComponentSpec> components,
                                    std::vector<std::string> path, sim::Time duration) {
  ScenarioSpec spec = scenario(std::move(components), std::move(path), duration);
  spec.workload.process = WorkloadSpec::Process::kClosed;
  spec.workload.users = users;
  spec.workload.think = think;
  return spec;
}

inline ScenarioSpec open_scenario(double rate, std::vector<ComponentSpec> components,
                                  std::vector<std::string> path, sim::Time duration) {
  ScenarioSpec spec = scenario(std::move(components), std::move(path), duration);
  spec.workload.process = WorkloadSpec::Process::kPoisson;
  spec.workload.rate_per_s = rate;
  return spec;
}

// A fault of `kind` on `target` during [at, at + duration).
inline FaultSpec window_fault(FaultSpec::Kind kind, const std::string& target, sim::Time at,
                              sim::Time duration) {
  FaultSpec f;
  f.kind = kind;
  f.target = target;
  f.windows.push_back(FaultWindow{at, duration});
  return f;
}

// Crashes of `target` at random: up for `mtbf`, then down for `mttr`, over and over.
inline FaultSpec crash(const std::string& target, sim::Distribution mtbf, sim::Distribution mttr) {
  FaultSpec f;
  f.kind = FaultSpec::Kind::kCrash;
  f.target = target;
  f.mtbf = std::move(mtbf);
  f.mttr = std::move(mttr);
  return f;
}

// The result of the component (or instance) called `name`; throws when there is none.
inline const ComponentResult& component(const RunResult& r, const std::string& name) {
  for (const auto& c : r.components) {
    if (c.name == name) return c;
  }
  throw std::runtime_error("no component " + name);
}

// How many requests failed with `cause` (0 when none did).
inline std::uint64_t error_count(const RunResult& r, const std::string& cause) {
  const auto it = r.errors.find(cause);
  return it == r.errors.end() ? 0 : it->second;
}

}  // namespace stacksim::models::testing
