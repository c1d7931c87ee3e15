#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <optional>
#include <string>
#include <vector>

#include "models/scenario_spec.h"

// The static dependency graph of a scenario: who calls whom, who resolves names through whom,
// and what runs on which host. Built from the spec alone (no simulation), for `stacksim graph`
// and its single-point-of-failure analysis.
namespace stacksim::reports {

enum class GraphRelation {
  kCalls,     // the source sends requests to the target (clients to an entry, a component to
              // the next one on a class path)
  kResolves,  // clients resolve the workload's hostname through the target (the dns component)
  kRunsOn,    // a component instance is placed on a host
};

// "calls", "resolves", "runs_on".
[[nodiscard]] const char* to_string(GraphRelation relation);

struct GraphNode {
  enum class Role { kClients, kHost, kInstance };
  Role role = Role::kInstance;
  // "clients"; a host's name; a component's name, or "<component>@<host>" for one instance of a
  // component with instance_hosts.
  std::string name;
  models::ComponentKind kind = models::ComponentKind::kStation;  // kInstance only
  std::string component;                                         // kInstance: the component's name
  std::string host;  // kInstance: the host it runs on; empty = not placed

  // "clients", "host", or the component kind ("web", "lb", ...).
  [[nodiscard]] std::string kind_name() const;
};

struct GraphEdge {
  GraphRelation relation = GraphRelation::kCalls;
};

// Vertices in a fixed order: clients, the hosts in scenario order, then the component instances
// in scenario order (an instanced component's instances in instance_hosts order). No parallel
// edges.
using DependencyGraphData =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, GraphNode, GraphEdge>;
using GraphVertex = boost::graph_traits<DependencyGraphData>::vertex_descriptor;

// How one request class of the mix crosses the graph: per step, the instances that can serve it.
// The steps are the dns component first when the workload resolves a hostname, then the class
// path's components in order. An instance's host must be up for it to serve.
struct ClassRoute {
  std::string name;
  double weight = 1.0;
  bool writes = false;
  std::vector<std::vector<GraphVertex>> steps;
  bool resolves = false;  // steps.front() is the dns component
};

class DependencyGraph {
 public:
  // Builds the graph of `spec`, which should have passed the loader's validation. Tolerant all
  // the same: a path naming an unknown component gets a step no instance can serve, an unknown
  // host leaves its components unplaced.
  //
  // Edges: clients -resolves-> each dns instance (when workload.hostname is set and there is a
  // dns component); clients -calls-> each entry instance a class can use; each instance a class
  // can use at step i -calls-> each it can use at step i + 1; instance -runs_on-> its host.
  //
  // Which instances a step can use: all of the component's, except
  //  - a db with instance_hosts, for a `writes` class, when failover_ns == 0 (no automatic
  //    failover): only the primary (the instance on primary_host; the first instance when
  //    primary_host names none of them). With failover configured any instance can serve, as a
  //    replica gets promoted.
  //  - the entry of a class, when names are resolved and the entry has several instances: only
  //    those on hosts whose ip is an address the hostname resolves to (all A records at the end
  //    of the CNAME chain), since browsers connect where DNS points them. When no instance's
  //    host has such an ip (ips not given), all of them.
  [[nodiscard]] static DependencyGraph build(const models::ScenarioSpec& spec);

  [[nodiscard]] const DependencyGraphData& data() const { return graph_; }
  [[nodiscard]] const GraphNode& node(GraphVertex v) const { return graph_[v]; }
  [[nodiscard]] GraphVertex clients() const { return 0; }
  // The hosts then the component instances, in vertex order: what can fail.
  [[nodiscard]] const std::vector<GraphVertex>& targets() const { return targets_; }
  // The request classes of the mix, in mix order.
  [[nodiscard]] const std::vector<ClassRoute>& classes() const { return classes_; }
  // The vertex named `name` (hosts before instances when a name is both), if any.
  [[nodiscard]] std::optional<GraphVertex> find(const std::string& name) const;
  [[nodiscard]] const std::string& scenario_name() const { return scenario_name_; }

 private:
  DependencyGraphData graph_;
  std::vector<GraphVertex> targets_;
  std::vector<ClassRoute> classes_;
  std::string scenario_name_;
};

}  // namespace stacksim::reports
