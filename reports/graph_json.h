#pragma once

#include <nlohmann/json.hpp>

#include "reports/dependency_graph.h"
#include "reports/spof_analysis.h"

// The JSON document of `stacksim graph --json`.
namespace stacksim::reports {

// {scenario, nodes: [{name, kind, component (instances), host (when placed)}], edges: [{from,
// to, relation}], spofs: [name], what_if: [{target, kind, classes_failing: [name],
// traffic_share_failing}], classes: [{name, weight, spofs: [name]}], what_if_basis:
// "structural" (from the graph alone, not measured)}. Nodes in vertex order
// (clients, hosts, instances), edges grouped by source vertex, the rest in the analysis' order.
[[nodiscard]] nlohmann::ordered_json graph_json(const DependencyGraph& graph,
                                                const SpofAnalysis& analysis);

}  // namespace stacksim::reports
