#include "reports/product_form_report.h"

#include <cmath>
#include <sstream>

#include "reports/json_numbers.h"
#include "reports/report_header_json.h"
#include "reports/text_format.h"
#include "reports/text_table.h"

namespace stacksim::reports {
namespace {

using Json = nlohmann::ordered_json;

std::string duration_text(double seconds) {
  if (std::fabs(seconds) < 0.5e-9) return "0s";  // rounds to no time at all
  return std::isfinite(seconds) ? format_seconds(seconds) : "inf";
}

std::string percent_text(double fraction) {
  return std::isfinite(fraction) ? format_utilization(fraction) : "inf";
}

std::string difference_text(double theory, double simulated) {
  const auto d = relative_difference(theory, simulated);
  return d ? format_signed_percent(*d, 1) : "-";
}

Json holding_json(const SlotHolding& h) {
  Json calls = Json::array();
  for (const std::string& name : h.calls) calls.push_back(name);
  return {{"calls", calls},
          {"downstream_s", finite_or_null(h.downstream_s)},
          {"holding_s", finite_or_null(h.holding_s)},
          {"utilization", finite_or_null(h.utilization)},
          {"response_s", finite_or_null(h.response_s)}};
}

Json station_json(const ProductFormStation& s) {
  Json j;
  j["name"] = s.name;
  j["kind"] = s.kind;
  j["servers"] = s.servers;
  j["visits"] = s.visits;
  j["demand_s"] = s.demand_s;
  j["utilization"] = finite_or_null(s.utilization);
  j["response_s"] = finite_or_null(s.response_s);
  j["queue_length"] = finite_or_null(s.queue_length);
  if (!s.host.empty()) j["host"] = s.host;
  j["scv"] = s.scv;
  j["stable"] = s.stable;
  j["waiting_s"] = finite_or_null(s.waiting_s);
  j["cpu_wait_s"] = finite_or_null(s.cpu_wait_s);
  j["visit_s"] = finite_or_null(s.visit_s);
  j["holding"] = s.holding ? holding_json(*s.holding) : Json(nullptr);
  if (s.simulated) {
    j["simulated"] = {{"utilization", s.simulated->utilization},
                      {"response_s", optional_or_null(s.simulated->response_s)}};
  } else {
    j["simulated"] = nullptr;
  }
  return j;
}

}  // namespace

Json product_form_json(const ProductFormView& view, const ReportContext& context,
                       std::size_t replications) {
  Json j = report_header_json(context, replications);
  j["model"] = to_string(view.model);
  Json stations = Json::array();
  for (const ProductFormStation& s : view.stations) stations.push_back(station_json(s));
  j["stations"] = std::move(stations);
  Json system;
  system["throughput_rps"] = finite_or_null(view.throughput_rps);
  system["latency_s"] = finite_or_null(view.latency_s);
  system["stable"] = view.stable;
  if (view.model == ProductFormModel::kMva) {
    system["users"] = view.users;
    system["think_s"] = view.think_s;
  }
  if (view.simulated) {
    system["simulated"] = {{"throughput_rps", view.simulated->throughput_rps},
                           {"latency_s", view.simulated->latency_s}};
  } else {
    system["simulated"] = nullptr;
  }
  j["system"] = std::move(system);
  Json departures = Json::array();
  for (const std::string& d : view.departures) departures.push_back(d);
  j["departures"] = std::move(departures);
  return j;
}

std::string product_form_text(const ProductFormView& view, const ReportContext& context,
                              std::size_t width) {
  std::ostringstream out;
  out << "Product-form view of " << context.scenario_name << ": ";
  if (view.model == ProductFormModel::kMva) {
    out << "closed network, exact MVA (" << view.users << " users, think "
        << duration_text(view.think_s) << ")\n\n";
  } else {
    out << "open network, Jackson (Poisson arrivals)\n\n";
  }

  const bool simulated = view.simulated.has_value();
  bool any_holding = false;
  TextTable table =
      simulated ? TextTable({"station", "kind", "servers", "visits", "demand", "util theory",
                             "util sim", "diff", "response theory", "response sim", "diff"})
                : TextTable({"station", "kind", "servers", "visits", "demand", "utilization",
                             "wait", "response", "queue"});
  for (const ProductFormStation& s : view.stations) {
    const std::string mark = s.holding ? "*" : "";
    any_holding = any_holding || s.holding.has_value();
    const double util = s.holding ? s.holding->utilization : s.utilization;
    std::vector<std::string> row = {s.name, s.kind, std::to_string(s.servers),
                                    format_significant(s.visits), duration_text(s.demand_s)};
    if (simulated) {
      row.push_back(percent_text(util) + mark);
      if (s.simulated) {
        row.push_back(percent_text(s.simulated->utilization));
        row.push_back(difference_text(util, s.simulated->utilization));
      } else {
        row.insert(row.end(), {"-", "-"});
      }
      row.push_back(duration_text(s.visit_s) + mark);
      if (s.simulated && s.simulated->response_s) {
        row.push_back(duration_text(*s.simulated->response_s));
        row.push_back(difference_text(s.visit_s, *s.simulated->response_s));
      } else {
        row.insert(row.end(), {"-", "-"});
      }
    } else {
      row.push_back(percent_text(util) + mark);
      row.push_back(duration_text(s.waiting_s + s.cpu_wait_s));
      row.push_back(duration_text(s.visit_s) + mark);
      row.push_back(format_significant(s.queue_length));
    }
    table.add_row(std::move(row));
  }
  const auto dropped = table.drop_to_fit(width, {"visits", "servers", "kind", "demand"});
  out << table.render() << left_out_note(dropped, width);
  out << "Response is per visit, from arrival at the station to leaving it; kind cpu is a host's "
         "cores (per CPU burst).\n";
  if (any_holding) {
    out << "* holds its slot while calling the rest of its path: theory with the slot held for "
           "its own visit plus the downstream residence.\n";
  }
  out << '\n';

  TextTable system = simulated ? TextTable({"system", "theory", "simulated", "diff"})
                               : TextTable({"system", "theory"});
  std::vector<std::string> throughput = {"throughput",
                                         format_significant(view.throughput_rps) + "/s"};
  std::vector<std::string> latency = {"mean latency", duration_text(view.latency_s)};
  if (simulated) {
    throughput.push_back(format_significant(view.simulated->throughput_rps) + "/s");
    throughput.push_back(difference_text(view.throughput_rps, view.simulated->throughput_rps));
    latency.push_back(duration_text(view.simulated->latency_s));
    latency.push_back(difference_text(view.latency_s, view.simulated->latency_s));
  }
  system.add_row(std::move(throughput));
  system.add_row(std::move(latency));
  out << system.render();
  if (!view.stable) out << "Theory: unstable; the throughput is the bottleneck's capacity.\n";

  out << "\nDepartures from theory (" << view.departures.size() << ")";
  if (view.departures.empty()) {
    out << ": none\n";
  } else {
    out << ":\n";
    for (const std::string& d : view.departures) out << "  - " << d << '\n';
  }
  return out.str();
}

}  // namespace stacksim::reports
