#pragma once

#include <map>
#include <string>

#include "reports/dependency_graph.h"
#include "reports/spof_analysis.h"

// The Graphviz picture of `stacksim graph --dot`.
namespace stacksim::reports {

// A `digraph`: each host a cluster (`subgraph "cluster_<host>"`, labelled with the host's name)
// holding the instances placed on it; clients, the dns and other unplaced instances outside.
// Placement is shown by the clusters, so runs_on edges are not drawn; the other edges are, and
// only "resolves" ones carry a label. Single points of failure, nodes and host clusters alike,
// have a red border. Node ids are n<vertex>; names only appear quoted and escaped as labels.
//
// A decoration adds to that picture without changing what it shows: `notes` appends lines to the
// label of the node or host cluster of that name (a host's address, the dns records); `styled`
// fills each node in its kind's colour, writes in a sans-serif font, and marks a single point of
// failure also in words ("SPOF") and with a thick border, so that colour is not the only sign.
struct DotDecoration {
  std::map<std::string, std::string> notes;  // name -> lines ("\n"-separated)
  bool styled = false;
};
[[nodiscard]] std::string graph_dot(const DependencyGraph& graph, const SpofAnalysis& analysis,
                                    const DotDecoration& decoration = {});

// The fill colour `styled` gives a node of that kind name (GraphNode::kind_name): light tints of
// the report palette.
[[nodiscard]] const char* dot_fill_colour(const std::string& kind_name);

}  // namespace stacksim::reports
