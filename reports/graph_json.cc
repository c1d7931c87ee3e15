#include "reports/graph_json.h"

namespace stacksim::reports {

nlohmann::ordered_json graph_json(const DependencyGraph& graph, const SpofAnalysis& analysis) {
  using Json = nlohmann::ordered_json;
  const DependencyGraphData& g = graph.data();
  Json nodes = Json::array();
  for (GraphVertex v = 0; v < boost::num_vertices(g); ++v) {
    const GraphNode& node = g[v];
    Json item = {{"name", node.name}, {"kind", node.kind_name()}};
    if (node.role == GraphNode::Role::kInstance) {
      item["component"] = node.component;
      if (!node.host.empty()) item["host"] = node.host;
    }
    nodes.push_back(std::move(item));
  }
  Json edges = Json::array();
  for (GraphVertex v = 0; v < boost::num_vertices(g); ++v) {
    for (const auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
      edges.push_back({{"from", g[v].name},
                       {"to", g[boost::target(e, g)].name},
                       {"relation", to_string(g[e].relation)}});
    }
  }
  Json what_if = Json::array();
  for (const WhatIf& w : analysis.what_if) {
    what_if.push_back({{"target", w.target},
                       {"kind", w.kind},
                       {"classes_failing", w.classes_failing},
                       {"traffic_share_failing", w.traffic_share_failing}});
  }
  Json classes = Json::array();
  for (const ClassSpofs& c : analysis.classes) {
    classes.push_back({{"name", c.name}, {"weight", c.weight}, {"spofs", c.spofs}});
  }
  return {{"scenario", graph.scenario_name()},
          {"nodes", std::move(nodes)},
          {"edges", std::move(edges)},
          {"spofs", analysis.spofs},
          {"what_if", std::move(what_if)},
          {"classes", std::move(classes)},
          // The what-if table follows from the graph alone; `stacksim whatif` measures the cost.
          {"what_if_basis", "structural"}};
}

}  // namespace stacksim::reports
