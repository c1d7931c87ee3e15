#include "reports/spof_analysis.h"

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/property_map/property_map.hpp>

namespace stacksim::reports {
namespace {

// A class's route unrolled into layers, so that a search cannot skip a step or take a shortcut
// another class's path offers: vertex 0 stands for the clients, the others for (step, instance).
using LayeredGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
using LayeredVertex = boost::graph_traits<LayeredGraph>::vertex_descriptor;

struct Layers {
  LayeredGraph graph;
  std::vector<GraphVertex> origin;  // per layered vertex: the dependency graph's vertex
  std::vector<LayeredVertex> last;  // the layered vertices of the last step
};

bool has_edge(const DependencyGraphData& g, GraphVertex from, GraphVertex to) {
  return boost::edge(from, to, g).second;
}

Layers unroll(const DependencyGraph& graph, const ClassRoute& route) {
  const DependencyGraphData& g = graph.data();
  Layers layers;
  layers.origin.push_back(graph.clients());
  boost::add_vertex(layers.graph);
  std::vector<LayeredVertex> previous = {0};
  for (std::size_t step = 0; step < route.steps.size(); ++step) {
    // After resolving, the browser itself connects to the entry: no graph edge from the dns.
    const bool after_dns = route.resolves && step == 1;
    std::vector<LayeredVertex> current;
    for (GraphVertex v : route.steps[step]) {
      const LayeredVertex lv = boost::add_vertex(layers.graph);
      layers.origin.push_back(v);
      current.push_back(lv);
      for (LayeredVertex from : previous) {
        if (after_dns || has_edge(g, layers.origin[from], v)) {
          boost::add_edge(from, lv, layers.graph);
        }
      }
    }
    previous = std::move(current);
  }
  layers.last = previous;
  return layers;
}

// Down vertices plus the instances whose host is down.
std::vector<bool> effectively_down(const DependencyGraph& graph, const std::vector<bool>& down) {
  const DependencyGraphData& g = graph.data();
  std::vector<bool> result(boost::num_vertices(g), false);
  for (GraphVertex v = 0; v < result.size(); ++v) {
    if (v < down.size() && down[v]) result[v] = true;
    for (const auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
      const GraphVertex host = boost::target(e, g);
      if (g[e].relation == GraphRelation::kRunsOn && host < down.size() && down[host]) {
        result[v] = true;
      }
    }
  }
  return result;
}

struct UpVertex {
  const Layers* layers = nullptr;
  const std::vector<bool>* down = nullptr;
  bool operator()(LayeredVertex v) const { return v == 0 || !(*down)[layers->origin[v]]; }
};

}  // namespace

bool route_survives(const DependencyGraph& graph, const ClassRoute& route,
                    const std::vector<bool>& down) {
  if (route.steps.empty()) return true;
  const Layers layers = unroll(graph, route);
  const std::vector<bool> is_down = effectively_down(graph, down);
  const boost::filtered_graph<LayeredGraph, boost::keep_all, UpVertex> up(
      layers.graph, boost::keep_all(), UpVertex{&layers, &is_down});

  std::vector<boost::default_color_type> colors(boost::num_vertices(layers.graph),
                                                boost::white_color);
  const auto color_map = boost::make_iterator_property_map(
      colors.begin(), boost::get(boost::vertex_index, layers.graph));
  boost::breadth_first_search(up, LayeredVertex{0}, boost::color_map(color_map));
  for (LayeredVertex v : layers.last) {
    if (colors[v] != boost::white_color) return true;
  }
  return false;
}

std::vector<bool> failure_of(const DependencyGraph& graph, GraphVertex target) {
  const DependencyGraphData& g = graph.data();
  std::vector<bool> down(boost::num_vertices(g), false);
  down[target] = true;
  if (g[target].role == GraphNode::Role::kHost) {
    for (const auto e : boost::make_iterator_range(boost::in_edges(target, g))) {
      if (g[e].relation == GraphRelation::kRunsOn) down[boost::source(e, g)] = true;
    }
  }
  return down;
}

SpofAnalysis analyse_spofs(const DependencyGraph& graph) {
  SpofAnalysis analysis;
  const std::vector<ClassRoute>& routes = graph.classes();
  double total_weight = 0.0;
  // A class no instance can serve even with everything up fails for no target's sake.
  std::vector<bool> served;
  const std::vector<bool> nothing_down(boost::num_vertices(graph.data()), false);
  for (const ClassRoute& route : routes) {
    total_weight += route.weight;
    served.push_back(route_survives(graph, route, nothing_down));
    analysis.classes.push_back({route.name, route.weight, {}});
  }
  for (GraphVertex target : graph.targets()) {
    const GraphNode& node = graph.node(target);
    WhatIf what_if;
    what_if.target = node.name;
    what_if.kind = node.kind_name();
    const std::vector<bool> down = failure_of(graph, target);
    double failing_weight = 0.0;
    for (std::size_t i = 0; i < routes.size(); ++i) {
      if (!served[i] || route_survives(graph, routes[i], down)) continue;
      what_if.classes_failing.push_back(routes[i].name);
      analysis.classes[i].spofs.push_back(node.name);
      failing_weight += routes[i].weight;
    }
    if (!routes.empty()) {
      what_if.class_share_failing =
          static_cast<double>(what_if.classes_failing.size()) / static_cast<double>(routes.size());
    }
    if (total_weight > 0.0) what_if.traffic_share_failing = failing_weight / total_weight;
    if (!what_if.classes_failing.empty()) analysis.spofs.push_back(node.name);
    analysis.what_if.push_back(std::move(what_if));
  }
  return analysis;
}

}  // namespace stacksim::reports
