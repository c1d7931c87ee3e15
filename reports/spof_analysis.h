#pragma once

#include <string>
#include <vector>

#include "reports/dependency_graph.h"

// Single points of failure: the hosts and component instances whose failure alone makes at
// least one request class of the mix fail, found by removing each from the dependency graph in
// turn and searching what is left.
namespace stacksim::reports {

// What happens to the mix when one target (a host or a component instance) is down.
struct WhatIf {
  std::string target;
  std::string kind;                          // "host" or the component kind
  std::vector<std::string> classes_failing;  // in mix order
  double class_share_failing = 0.0;          // classes failing / classes (0 with no classes)
  double traffic_share_failing = 0.0;        // their weights / all weights (0 with no weight)
};

struct ClassSpofs {
  std::string name;
  double weight = 1.0;
  std::vector<std::string> spofs;  // in target order
};

// Every list is in target order: the hosts in scenario order, then the component instances in
// scenario order (an instanced component's in instance_hosts order). So the single-server
// scenario gives {"server1", "dns", "web", "app", "db"}.
struct SpofAnalysis {
  std::vector<std::string> spofs;
  std::vector<WhatIf> what_if;  // one per target
  std::vector<ClassSpofs> classes;
};

// Whether `route` can still be served while the vertices flagged in `down` (indexed by vertex)
// are down: a breadth-first search from clients over the class's layered view of the graph
// (step i's usable instances, joined along the graph's edges), skipping down vertices and
// instances whose host is down, must reach an instance of the last step. A route without steps
// is always served.
[[nodiscard]] bool route_survives(const DependencyGraph& graph, const ClassRoute& route,
                                  const std::vector<bool>& down);

// The vertices `target` takes down with it: itself and, for a host, every instance on it.
[[nodiscard]] std::vector<bool> failure_of(const DependencyGraph& graph, GraphVertex target);

// Fails each target of `graph` alone and records which classes stop being served. A class that
// cannot be served even with everything up (a path naming no component) counts for no target.
[[nodiscard]] SpofAnalysis analyse_spofs(const DependencyGraph& graph);

}  // namespace stacksim::reports
