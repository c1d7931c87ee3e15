#include "reports/graph_dot.h"

#include <algorithm>
#include <sstream>

namespace stacksim::reports {
namespace {

// A DOT double-quoted string.
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string node_id(GraphVertex v) {
  std::string id = "n";
  id += std::to_string(v);
  return id;
}

bool runs_on_a_host(const DependencyGraphData& g, GraphVertex v) {
  for (const auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
    if (g[e].relation == GraphRelation::kRunsOn) return true;
  }
  return false;
}

constexpr const char* kSpofStyle = "color=red, penwidth=2";

}  // namespace

std::string graph_dot(const DependencyGraph& graph, const SpofAnalysis& analysis) {
  const DependencyGraphData& g = graph.data();
  auto is_spof = [&](const std::string& name) {
    return std::find(analysis.spofs.begin(), analysis.spofs.end(), name) != analysis.spofs.end();
  };
  auto node_line = [&](GraphVertex v, const std::string& indent) {
    const GraphNode& node = g[v];
    std::string attributes = "label=" + quoted(node.name + "\n" + node.kind_name());
    if (node.role == GraphNode::Role::kClients) attributes += ", shape=ellipse";
    if (node.role == GraphNode::Role::kInstance && is_spof(node.name)) {
      attributes += std::string(", ") + kSpofStyle;
    }
    return indent + node_id(v) + " [" + attributes + "];\n";
  };

  std::ostringstream out;
  out << "digraph " << quoted(graph.scenario_name()) << " {\n";
  out << "  rankdir=LR;\n";
  out << "  node [shape=box];\n";
  for (GraphVertex v = 0; v < boost::num_vertices(g); ++v) {
    if (g[v].role != GraphNode::Role::kHost && !runs_on_a_host(g, v)) out << node_line(v, "  ");
  }
  for (GraphVertex host = 0; host < boost::num_vertices(g); ++host) {
    if (g[host].role != GraphNode::Role::kHost) continue;
    out << "  subgraph " << quoted("cluster_" + g[host].name) << " {\n";
    out << "    label=" << quoted(g[host].name) << ";\n";
    if (is_spof(g[host].name)) out << "    graph [" << kSpofStyle << "];\n";
    bool empty = true;
    for (const auto e : boost::make_iterator_range(boost::in_edges(host, g))) {
      if (g[e].relation != GraphRelation::kRunsOn) continue;
      out << node_line(boost::source(e, g), "    ");
      empty = false;
    }
    // Graphviz does not draw an empty cluster.
    if (empty)
      out << "    " << node_id(host) << " [label=\"(nothing placed)\", shape=plaintext];\n";
    out << "  }\n";
  }
  for (GraphVertex v = 0; v < boost::num_vertices(g); ++v) {
    for (const auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
      const GraphRelation relation = g[e].relation;
      if (relation == GraphRelation::kRunsOn) continue;
      out << "  " << node_id(v) << " -> " << node_id(boost::target(e, g));
      if (relation == GraphRelation::kResolves)
        out << " [label=" << quoted(to_string(relation)) << "]";
      out << ";\n";
    }
  }
  out << "}\n";
  return out.str();
}

}  // namespace stacksim::reports
