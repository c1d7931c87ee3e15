#include "reports/dependency_graph.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "models/dns_resolution.h"

namespace stacksim::reports {
namespace {

using models::ComponentKind;
using models::ComponentSpec;
using models::DnsRecordSpec;
using models::ScenarioSpec;

// Every address `hostname` resolves to: the A records at the end of its CNAME chain (DNS round
// robin gives several). Empty when it does not resolve.
std::set<std::string> resolved_addresses(const std::vector<DnsRecordSpec>& records,
                                         const std::string& hostname) {
  std::set<std::string> addresses;
  const models::DnsAnswer answer = models::resolve_name(records, hostname);
  if (!answer.found) return addresses;
  for (const DnsRecordSpec& record : records) {
    if (record.type == DnsRecordSpec::Type::kA && record.name == answer.chain.back()) {
      addresses.insert(record.value);
    }
  }
  return addresses;
}

class GraphBuilder {
 public:
  GraphBuilder(const ScenarioSpec& spec, DependencyGraphData& graph) : spec_(spec), g_(graph) {}

  std::vector<GraphVertex> add_vertices() {
    std::vector<GraphVertex> targets;
    GraphNode clients;
    clients.role = GraphNode::Role::kClients;
    clients.name = "clients";
    add_vertex(std::move(clients));
    for (const auto& host : spec_.hosts) {
      GraphNode node;
      node.role = GraphNode::Role::kHost;
      node.name = host.name;
      const GraphVertex v = add_vertex(std::move(node));
      hosts_.emplace(host.name, v);
      targets.push_back(v);
    }
    for (const ComponentSpec& c : spec_.components) {
      std::vector<GraphVertex>& instances = instances_[c.name];
      if (c.instance_hosts.empty()) {
        instances.push_back(add_instance(c, c.name, c.host));
      } else {
        for (const std::string& host : c.instance_hosts) {
          instances.push_back(add_instance(c, c.name + "@" + host, host));
        }
      }
      targets.insert(targets.end(), instances.begin(), instances.end());
    }
    return targets;
  }

  ClassRoute route_of(const models::RequestClassSpec& cls, const ComponentSpec* dns) {
    ClassRoute route;
    route.name = cls.name;
    route.weight = cls.weight;
    route.writes = cls.writes;
    if (dns != nullptr) {
      route.resolves = true;
      route.steps.push_back(instances_[dns->name]);
    }
    for (std::size_t i = 0; i < cls.path.size(); ++i) {
      const ComponentSpec* component = spec_.find_component(cls.path[i]);
      if (component == nullptr) {
        route.steps.emplace_back();
        continue;
      }
      std::vector<GraphVertex> usable = instances_[component->name];
      if (cls.writes) usable = writable(*component, usable);
      if (i == 0 && dns != nullptr) usable = pointed_at_by_dns(*dns, usable);
      route.steps.push_back(std::move(usable));
    }
    return route;
  }

  void add_route_edges(const ClassRoute& route) {
    const GraphVertex clients = 0;
    std::size_t first_call = 0;
    if (route.resolves) {
      for (GraphVertex v : route.steps.front()) add_edge(clients, v, GraphRelation::kResolves);
      first_call = 1;
    }
    if (first_call < route.steps.size()) {
      for (GraphVertex v : route.steps[first_call]) add_edge(clients, v, GraphRelation::kCalls);
    }
    for (std::size_t i = first_call; i + 1 < route.steps.size(); ++i) {
      for (GraphVertex from : route.steps[i]) {
        for (GraphVertex to : route.steps[i + 1]) add_edge(from, to, GraphRelation::kCalls);
      }
    }
  }

  void add_placement_edges() {
    for (GraphVertex v = 0; v < boost::num_vertices(g_); ++v) {
      if (g_[v].role != GraphNode::Role::kInstance || g_[v].host.empty()) continue;
      const auto host = hosts_.find(g_[v].host);
      if (host != hosts_.end()) add_edge(v, host->second, GraphRelation::kRunsOn);
    }
  }

 private:
  GraphVertex add_instance(const ComponentSpec& c, std::string name, const std::string& host) {
    GraphNode node;
    node.role = GraphNode::Role::kInstance;
    node.name = std::move(name);
    node.kind = c.kind;
    node.component = c.name;
    node.host = host;
    return add_vertex(std::move(node));
  }

  // Sets the bundle after adding: add_vertex(bundle, g) trips a false -Wuninitialized in GCC 12
  // (boost/graph/named_graph.hpp) under the sanitizers.
  GraphVertex add_vertex(GraphNode node) {
    const GraphVertex v = boost::add_vertex(g_);
    g_[v] = std::move(node);
    return v;
  }

  // A write needs the primary unless a replica gets promoted when it fails.
  std::vector<GraphVertex> writable(const ComponentSpec& c,
                                    const std::vector<GraphVertex>& instances) const {
    if (c.kind != ComponentKind::kDb || c.instance_hosts.size() < 2 || c.failover_ns > 0) {
      return instances;
    }
    const auto primary =
        std::find(c.instance_hosts.begin(), c.instance_hosts.end(), c.primary_host);
    const auto index = primary == c.instance_hosts.end() ? 0 : primary - c.instance_hosts.begin();
    return {instances[static_cast<std::size_t>(index)]};
  }

  std::vector<GraphVertex> pointed_at_by_dns(const ComponentSpec& dns,
                                             const std::vector<GraphVertex>& instances) const {
    if (instances.size() < 2) return instances;
    const std::set<std::string> addresses =
        resolved_addresses(dns.records, spec_.workload.hostname);
    std::vector<GraphVertex> pointed;
    for (GraphVertex v : instances) {
      const models::HostSpec* host = spec_.find_host(g_[v].host);
      if (host != nullptr && !host->ip.empty() && addresses.count(host->ip) != 0) {
        pointed.push_back(v);
      }
    }
    return pointed.empty() ? instances : pointed;
  }

  void add_edge(GraphVertex from, GraphVertex to, GraphRelation relation) {
    if (!edges_.insert({from, to}).second) return;
    boost::add_edge(from, to, GraphEdge{relation}, g_);
  }

  const ScenarioSpec& spec_;
  DependencyGraphData& g_;
  std::map<std::string, GraphVertex> hosts_;
  std::map<std::string, std::vector<GraphVertex>> instances_;
  std::set<std::pair<GraphVertex, GraphVertex>> edges_;
};

}  // namespace

const char* to_string(GraphRelation relation) {
  switch (relation) {
    case GraphRelation::kCalls:
      return "calls";
    case GraphRelation::kResolves:
      return "resolves";
    case GraphRelation::kRunsOn:
      return "runs_on";
  }
  return "?";
}

std::string GraphNode::kind_name() const {
  switch (role) {
    case Role::kClients:
      return "clients";
    case Role::kHost:
      return "host";
    case Role::kInstance:
      return models::to_string(kind);
  }
  return "?";
}

DependencyGraph DependencyGraph::build(const ScenarioSpec& spec) {
  DependencyGraph result;
  result.scenario_name_ = spec.name;
  GraphBuilder builder(spec, result.graph_);
  result.targets_ = builder.add_vertices();
  const ComponentSpec* dns = spec.resolver();
  for (const auto& cls : spec.workload.mix) {
    result.classes_.push_back(builder.route_of(cls, dns));
    builder.add_route_edges(result.classes_.back());
  }
  builder.add_placement_edges();
  return result;
}

std::optional<GraphVertex> DependencyGraph::find(const std::string& name) const {
  for (GraphVertex v = 0; v < boost::num_vertices(graph_); ++v) {
    if (graph_[v].name == name) return v;
  }
  return std::nullopt;
}

}  // namespace stacksim::reports
