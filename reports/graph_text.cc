#include "reports/graph_text.h"

#include <sstream>

#include "reports/text_format.h"
#include "reports/text_table.h"

namespace stacksim::reports {

std::string graph_text(const DependencyGraph& graph, const SpofAnalysis& analysis,
                       std::size_t width) {
  const std::size_t classes = graph.classes().size();
  std::ostringstream out;
  out << "Dependency graph of " << graph.scenario_name() << ": "
      << boost::num_vertices(graph.data()) << " nodes, " << boost::num_edges(graph.data())
      << " edges, " << classes << (classes == 1 ? " request class" : " request classes") << "\n\n";
  out << "Single points of failure (" << analysis.spofs.size()
      << "): " << (analysis.spofs.empty() ? "none" : join_with_commas(analysis.spofs)) << "\n\n";

  out << "What if one target fails (structural: which classes lose every path; it cannot\n"
         "say what a failure costs, as clients retry, time out and wait for health checks;\n"
         "measure that by simulating it: `stacksim whatif SCENARIO`)\n";
  TextTable table({"target", "kind", "classes failing", "traffic failing", "failing classes"});
  for (const WhatIf& w : analysis.what_if) {
    table.add_row({w.target, w.kind,
                   std::to_string(w.classes_failing.size()) + "/" + std::to_string(classes) + " (" +
                       format_percent(w.class_share_failing, 1) + ")",
                   format_percent(w.traffic_share_failing, 1),
                   join_with_commas(w.classes_failing)});
  }
  const auto dropped = table.drop_to_fit(width, {"failing classes", "kind"});
  out << table.render() << left_out_note(dropped, width);
  return out.str();
}

}  // namespace stacksim::reports
