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
constexpr const char* kStyledSpofStyle = "color=\"#D55E00\", penwidth=3";

}  // namespace

const char* dot_fill_colour(const std::string& kind_name) {
  if (kind_name == "clients") return "#ffffff";
  if (kind_name == "dns") return "#d9eefb";
  if (kind_name == "lb") return "#fbe6bf";
  if (kind_name == "web") return "#cfe3f1";
  if (kind_name == "app") return "#cdeee2";
  if (kind_name == "db") return "#f3dcea";
  return "#eeeeee";
}

std::string graph_dot(const DependencyGraph& graph, const SpofAnalysis& analysis,
                      const DotDecoration& decoration) {
  const DependencyGraphData& g = graph.data();
  auto is_spof = [&](const std::string& name) {
    return std::find(analysis.spofs.begin(), analysis.spofs.end(), name) != analysis.spofs.end();
  };
  auto node_line = [&](GraphVertex v, const std::string& indent) {
    const GraphNode& node = g[v];
    const bool spof = node.role == GraphNode::Role::kInstance && is_spof(node.name);
    // Styled, a name that says its kind ("dns") is not repeated, and the clients are browsers.
    std::string label = node.name + "\n" + node.kind_name();
    if (decoration.styled && node.role == GraphNode::Role::kClients) label = "browsers";
    if (decoration.styled && node.role == GraphNode::Role::kInstance &&
        node.name == node.kind_name()) {
      label = node.name;
    }
    if (const auto note = decoration.notes.find(node.name); note != decoration.notes.end()) {
      label += "\n" + note->second;
    }
    if (decoration.styled && spof) label += "\nSPOF";
    std::string attributes = "label=" + quoted(label);
    if (node.role == GraphNode::Role::kClients) attributes += ", shape=ellipse";
    if (decoration.styled) {
      attributes +=
          std::string(", style=filled, fillcolor=\"") + dot_fill_colour(node.kind_name()) + "\"";
    }
    if (spof) attributes += std::string(", ") + (decoration.styled ? kStyledSpofStyle : kSpofStyle);
    return indent + node_id(v) + " [" + attributes + "];\n";
  };

  std::ostringstream out;
  out << "digraph " << quoted(graph.scenario_name()) << " {\n";
  out << "  rankdir=LR;\n";
  out << "  node [shape=box];\n";
  if (decoration.styled) {
    out << "  graph [fontname=\"Helvetica\", fontsize=12, nodesep=0.3, ranksep=0.6];\n";
    out << "  node [fontname=\"Helvetica\", fontsize=11];\n";
    out << "  edge [fontname=\"Helvetica\", fontsize=10, color=\"#444444\"];\n";
  }
  for (GraphVertex v = 0; v < boost::num_vertices(g); ++v) {
    if (g[v].role != GraphNode::Role::kHost && !runs_on_a_host(g, v)) out << node_line(v, "  ");
  }
  for (GraphVertex host = 0; host < boost::num_vertices(g); ++host) {
    if (g[host].role != GraphNode::Role::kHost) continue;
    out << "  subgraph " << quoted("cluster_" + g[host].name) << " {\n";
    std::string label = g[host].name;
    if (const auto note = decoration.notes.find(label); note != decoration.notes.end()) {
      label += "\n" + note->second;
    }
    const bool spof = is_spof(g[host].name);
    if (decoration.styled && spof) label += "\nSPOF";
    out << "    label=" << quoted(label) << ";\n";
    if (spof) {
      out << "    graph [" << (decoration.styled ? kStyledSpofStyle : kSpofStyle) << "];\n";
    }
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
