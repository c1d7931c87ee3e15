#pragma once

#include <string>

#include "models/scenario_spec.h"

// The architecture of a scenario drawn for the HTML reports: the dependency graph of `stacksim
// graph` (the same nodes, edges and single points of failure, as graph_dot writes them),
// decorated with what a reader of a design review looks for (the browsers and the name they
// type, the DNS records with the domain and the address, each host's address and cores), laid
// out by Graphviz's library (dot) and rendered by it as SVG. So the picture and `graph` never
// disagree.
namespace stacksim::reports {

// The decorated DOT of the picture.
[[nodiscard]] std::string architecture_dot(const models::ScenarioSpec& spec);

// The laid-out picture: an inline <svg> (no XML prolog, no external references) or, when
// Graphviz could not lay it out, an empty svg and the reason in `error`.
struct ArchitectureDiagram {
  std::string svg;
  std::string error;
};
[[nodiscard]] ArchitectureDiagram architecture_diagram(const models::ScenarioSpec& spec);

// The legend of the picture as HTML: the kinds' colours, the SPOF border, the host boxes and
// the arrows.
[[nodiscard]] std::string architecture_legend_html();

}  // namespace stacksim::reports
