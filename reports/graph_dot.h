#pragma once

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
[[nodiscard]] std::string graph_dot(const DependencyGraph& graph, const SpofAnalysis& analysis);

}  // namespace stacksim::reports
