#include "reports/architecture_diagram.h"

#include <gvc.h>

#include <memory>
#include <mutex>

#include "reports/dependency_graph.h"
#include "reports/graph_dot.h"
#include "reports/html_page.h"
#include "reports/spof_analysis.h"
#include "reports/text_format.h"

namespace stacksim::reports {
namespace {

std::string record_line(const models::DnsRecordSpec& record) {
  return record.name + (record.type == models::DnsRecordSpec::Type::kA ? " A " : " CNAME ") +
         record.value;
}

std::string dns_note(const models::ComponentSpec& dns) {
  std::string note;
  for (const auto& record : dns.records) {
    if (!note.empty()) note += "\n";
    note += record_line(record);
  }
  return note;
}

// Graphviz's SVG without what an inline <svg> in HTML does not need: the XML prolog, the
// doctype, comments, the namespace declarations and the fixed size in points (the page's CSS
// sizes it; the viewBox keeps its proportions).
std::string inline_svg(const std::string& svg) {
  const auto start = svg.find("<svg");
  if (start == std::string::npos) return {};
  std::string out;
  out.reserve(svg.size());
  for (std::size_t i = start; i < svg.size();) {
    if (svg.compare(i, 4, "<!--") == 0) {
      const auto end = svg.find("-->", i);
      if (end == std::string::npos) break;
      i = end + 3;
      if (i < svg.size() && svg[i] == '\n') ++i;
      continue;
    }
    out += svg[i++];
  }
  // The opening tag: drop its attributes but the viewBox, add ours.
  const auto tag_end = out.find('>');
  const auto view_box = out.find("viewBox=\"");
  if (tag_end == std::string::npos) return {};
  std::string tag = "<svg class=\"diagram\" role=\"img\" aria-label=\"architecture\"";
  // Never drawn larger than Graphviz laid it out: a small graph stays small.
  const auto width = out.find("width=\"");
  if (width != std::string::npos && width < tag_end) {
    const auto close = out.find('"', width + 7);
    tag += " style=\"max-width:";
    tag.append(out, width + 7, close - width - 7);
    tag += '"';
  }
  if (view_box != std::string::npos && view_box < tag_end) {
    const auto close = out.find('"', view_box + 9);
    tag += ' ';
    tag.append(out, view_box, close + 1 - view_box);
  }
  tag.append(out, tag_end);
  return tag;
}

// Graphviz keeps global state; one layout at a time.
std::mutex graphviz_mutex;

}  // namespace

std::string architecture_dot(const models::ScenarioSpec& spec) {
  const DependencyGraph graph = DependencyGraph::build(spec);
  DotDecoration decoration;
  decoration.styled = true;
  std::string browsers = std::to_string(spec.workload.clients) + " browsers";
  if (!spec.workload.hostname.empty()) browsers += "\ntype " + spec.workload.hostname;
  decoration.notes["clients"] = browsers;
  for (const models::HostSpec& host : spec.hosts) {
    std::string note = std::to_string(host.cores) + (host.cores == 1 ? " core" : " cores");
    if (host.memory_bytes > 0) note += ", " + format_bytes(static_cast<double>(host.memory_bytes));
    if (!host.ip.empty()) note = host.ip + " · " + note;
    decoration.notes[host.name] = note;
  }
  const models::ComponentSpec* resolver = spec.resolver();
  const DependencyGraphData& g = graph.data();
  for (GraphVertex v = 0; v < boost::num_vertices(g); ++v) {
    if (resolver && g[v].role == GraphNode::Role::kInstance && g[v].component == resolver->name) {
      decoration.notes[g[v].name] = dns_note(*resolver);
    }
  }
  return graph_dot(graph, analyse_spofs(graph), decoration);
}

ArchitectureDiagram architecture_diagram(const models::ScenarioSpec& spec) {
  const std::string dot = architecture_dot(spec);
  std::lock_guard<std::mutex> lock(graphviz_mutex);
  ArchitectureDiagram diagram;
  std::unique_ptr<GVC_t, int (*)(GVC_t*)> gvc(gvContext(), gvFreeContext);
  if (!gvc) {
    diagram.error = "Graphviz could not start";
    return diagram;
  }
  std::unique_ptr<Agraph_t, int (*)(Agraph_t*)> graph(agmemread(dot.c_str()), agclose);
  if (!graph) {
    diagram.error = "Graphviz could not read the graph";
    return diagram;
  }
  if (gvLayout(gvc.get(), graph.get(), "dot") != 0) {
    diagram.error = "Graphviz could not lay out the graph";
    return diagram;
  }
  char* data = nullptr;
  unsigned int length = 0;
  const int rendered = gvRenderData(gvc.get(), graph.get(), "svg", &data, &length);
  if (rendered == 0 && data) diagram.svg = inline_svg(std::string(data, length));
  if (data) gvFreeRenderData(data);
  gvFreeLayout(gvc.get(), graph.get());
  if (diagram.svg.empty()) diagram.error = "Graphviz could not render the graph as SVG";
  return diagram;
}

std::string architecture_legend_html() {
  std::string html = "<div class=\"legend\">";
  auto swatch = [&](const char* kind, const char* text) {
    html += std::string("<span><span class=\"sw\" style=\"background:") + dot_fill_colour(kind) +
            "\"></span>" + html_escape(text) + "</span>";
  };
  swatch("clients", "browsers (the clients)");
  swatch("dns", "DNS resolver, with its records");
  swatch("lb", "load balancer (HAProxy)");
  swatch("web", "web server (Nginx)");
  swatch("app", "application server (PHP-FPM)");
  swatch("db", "database (MySQL)");
  swatch("station", "plain queue");
  html +=
      "<span><span class=\"sw\" style=\"background:#fff;border:3px solid #D55E00\"></span>"
      "SPOF: its failure alone fails some requests (also written in the box)</span>"
      "<span>a box around instances = a host (address, cores, memory)</span>"
      "<span>arrows = the request path; \"resolves\" = name lookup</span></div>";
  return html;
}

}  // namespace stacksim::reports
