#pragma once

#include <string>

#include "reports/dependency_graph.h"
#include "reports/spof_analysis.h"
#include "reports/text_width.h"

// The terminal output of `stacksim graph` without --json or --dot.
namespace stacksim::reports {

// A headline (scenario, counts of nodes, edges and classes), the single points of failure in
// target order (or "none"), then the what-if table: each host and component instance, its kind,
// the classes that fail without it ("1/2 (50.0%)") and the share of traffic they carry.
// The table leaves out the failing classes' names, then the kind, saying so, to be at most
// `width` columns wide (kNoWidthLimit: every column).
[[nodiscard]] std::string graph_text(const DependencyGraph& graph, const SpofAnalysis& analysis,
                                     std::size_t width = kNoWidthLimit);

}  // namespace stacksim::reports
