#include "reports/html_analyze_report.h"

#include <cmath>
#include <limits>

#include "charts/bar_chart.h"
#include "reports/html_page.h"
#include "reports/text_format.h"

namespace stacksim::reports {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string seconds_or_dash(double s) { return std::isfinite(s) ? format_seconds(s) : "∞"; }

}  // namespace

std::string html_analyze_report(const ProductFormView& view, const ReportContext& context,
                                std::size_t replications_run) {
  const bool simulated = view.simulated.has_value();
  HtmlPage page(
      "stacksim analyze: " + context.scenario_name,
      std::string("the ") +
          (view.model == ProductFormModel::kJackson ? "open Jackson network (M/M/c stations)"
                                                    : "closed network solved by exact MVA") +
          " beside " + (simulated ? "the simulation" : "no simulation (--no-simulate)"));
  page.facts({{"scenario file", context.scenario_file},
              {"seed", std::to_string(context.seed)},
              {"simulation", simulated ? std::to_string(replications_run) + " replication(s) of " +
                                             format_span(context.duration_s)
                                       : "none"},
              {"stacksim", context.tool_version},
              {"scenario sha256", context.scenario_sha256}});

  std::vector<Card> cards;
  cards.push_back(
      {"Throughput, theory", format_significant(view.throughput_rps) + " req/s",
       simulated ? "simulated " + format_significant(view.simulated->throughput_rps) + " req/s"
                 : "",
       Card::Status::kNeutral});
  cards.push_back({"Latency, theory", seconds_or_dash(view.latency_s),
                   simulated ? "simulated " + format_seconds(view.simulated->latency_s) : "",
                   Card::Status::kNeutral});
  cards.push_back({"Stable", view.stable ? "yes" : "no",
                   view.stable ? "every station below 100% utilisation"
                               : "some station at or above 100%: queues grow without bound",
                   view.stable ? Card::Status::kGood : Card::Status::kBad});
  page.cards(cards);

  page.section("Theory against simulation, per station", "stations");
  charts::BarChart utilisation;
  utilisation.title = "utilisation, theory and simulated";
  utilisation.value_label = "utilisation (%)";
  utilisation.percent = true;
  utilisation.value_max = 1.0;
  utilisation.width = kPairWidth;
  charts::BarChart response;
  response.width = kPairWidth;
  response.title = "time per visit, theory and simulated";
  response.value_label = "arrival to leaving, per visit (ms)";
  charts::BarSeries u_theory, u_sim, r_theory, r_sim;
  u_theory.name = r_theory.name = "theory";
  u_sim.name = r_sim.name = "simulated";
  HtmlTable table;
  table.caption = "Stations";
  table.header = {"station",
                  "kind",
                  "servers",
                  "visits",
                  "demand",
                  "utilisation (theory)",
                  "utilisation (sim)",
                  "per visit (theory)",
                  "per visit (sim)"};
  table.numeric = {false, false, true, true, true, true, true, true, true};
  for (const ProductFormStation& st : view.stations) {
    const double theory_u = st.holding ? st.holding->utilization : st.utilization;
    utilisation.categories.push_back(st.name);
    u_theory.values.push_back(std::min(theory_u, 1.0));
    u_sim.values.push_back(st.simulated ? st.simulated->utilization : kNaN);
    const bool has_response = st.kind != "cpu";
    if (has_response) {
      response.categories.push_back(st.name);
      r_theory.values.push_back(std::isfinite(st.visit_s) ? st.visit_s * 1e3 : kNaN);
      r_sim.values.push_back(
          st.simulated && st.simulated->response_s ? *st.simulated->response_s * 1e3 : kNaN);
    }
    table.rows.push_back(
        {st.name, st.kind, std::to_string(st.servers), format_significant(st.visits),
         format_seconds(st.demand_s), format_utilization(theory_u),
         st.simulated ? format_utilization(st.simulated->utilization) : "-",
         has_response ? seconds_or_dash(st.visit_s) : "-",
         st.simulated && st.simulated->response_s ? format_seconds(*st.simulated->response_s)
                                                  : "-"});
  }
  utilisation.series = {u_theory};
  response.series = {r_theory};
  if (simulated) {
    utilisation.series.push_back(u_sim);
    response.series.push_back(r_sim);
  }
  page.figure_pair(charts::render_bar_chart(utilisation),
                   "Busy share of each station's servers: bars that disagree point at what "
                   "product form leaves out (a slot held during downstream calls, say).",
                   charts::render_bar_chart(response),
                   "Mean time from arrival to leaving per visit: the simulated bar is longer "
                   "where the real stack queues or blocks more than M/M/c would.");
  page.table(table);

  page.section("Where the stack departs from theory", "departures");
  if (!view.latency_extras.empty()) {
    page.paragraph("The simulated latency also holds: " + join_with_commas(view.latency_extras) +
                   ".");
  }
  std::string list = "<ul>";
  for (const std::string& d : view.departures) list += "<li>" + html_escape(d) + "</li>";
  list += "</ul>\n";
  page.raw(list);
  return page.str();
}

}  // namespace stacksim::reports
