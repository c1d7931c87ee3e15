#include "reports/html_what_if_report.h"

#include <algorithm>
#include <limits>

#include "charts/bar_chart.h"
#include "charts/palette.h"
#include "reports/html_page.h"
#include "reports/text_format.h"

namespace stacksim::reports {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// A failed share the graph's "fails nothing" misjudges: beyond the few requests in flight or
// sent before the health checks noticed.
constexpr double kCostly = 0.05;

std::string seconds_or(const std::optional<double>& seconds, const char* none) {
  return seconds ? format_seconds(*seconds) : none;
}

bool caused_failures(const findings::WhatIfTarget& t) { return t.failed > t.baseline_failed; }

std::vector<Card> what_if_cards(const findings::WhatIfReport& report) {
  std::vector<Card> cards;
  cards.push_back({"Targets failed in turn", std::to_string(report.targets.size()),
                   std::string("each down ") + format_duration(report.window_s) + " from " +
                       format_clock(report.at_s),
                   Card::Status::kNeutral});
  const auto worst = std::max_element(
      report.targets.begin(), report.targets.end(),
      [](const auto& a, const auto& b) { return a.failed_share < b.failed_share; });
  if (worst != report.targets.end()) {
    cards.push_back({"Costliest failure", worst->target,
                     format_percent(worst->failed_share, 1) + " of the window's requests failed",
                     worst->failed_share > 0 ? Card::Status::kBad : Card::Status::kGood});
  }
  std::size_t misjudged = 0;
  std::size_t never_detected = 0;
  for (const auto& t : report.targets) {
    if (t.structural_failing_share == 0 && t.failed_share >= kCostly) ++misjudged;
    if (caused_failures(t) && !t.detected_after_s) ++never_detected;
  }
  cards.push_back(
      {"Harmless to the graph, costly measured", std::to_string(misjudged),
       "targets the graph says fail nothing that failed 5% or more of the window's requests",
       misjudged > 0 ? Card::Status::kBad : Card::Status::kGood});
  cards.push_back({"Never routed around", std::to_string(never_detected),
                   "targets whose requests failed until they came back", Card::Status::kNeutral});
  cards.push_back({"Normal p99", seconds_or(report.baseline_p99_s, "-"),
                   "over the window, in the run without a failure", Card::Status::kNeutral});
  return cards;
}

}  // namespace

std::string html_what_if_report(const findings::WhatIfReport& report,
                                const ReportContext& context) {
  HtmlPage page("stacksim whatif: " + context.scenario_name,
                "each host, component instance and the DNS failed in turn, measured beside what "
                "the dependency graph says");
  page.facts({{"scenario file", context.scenario_file},
              {"seed", std::to_string(context.seed)},
              {"failure", std::string("each target down ") + format_duration(report.window_s) +
                              " on the scenario clock from " + format_clock(report.at_s) + " to " +
                              format_clock(report.at_s + report.window_s)},
              {"observed", format_duration(report.observed_s) +
                               " after each failure began, in intervals of " +
                               format_seconds(report.interval_s)},
              {"compared with", "the same run without the failure (same seed)"},
              {"stacksim", context.tool_version},
              {"scenario sha256", context.scenario_sha256}});
  if (report.interrupted) {
    page.paragraph("Interrupted: only the targets that finished are shown.");
  }
  page.cards(what_if_cards(report));

  page.section("Measured cost beside the structural verdict", "cost");
  charts::BarChart share;
  share.title = "failed share per target, measured and structural";
  share.value_label = "requests failed (%)";
  share.percent = true;
  share.value_max = 1.0;
  charts::BarSeries measured, structural;
  measured.name = "measured failed share";
  structural.name = "graph says (structural)";
  structural.colour = 6;
  for (const auto& t : report.targets) {
    share.categories.push_back(t.target);
    measured.values.push_back(t.failed_share);
    measured.bar_colours.push_back(
        t.structural_failing_share == 0 && t.failed_share >= kCostly ? charts::kTroubleShade : "");
    structural.values.push_back(t.structural_failing_share);
  }
  share.series = {measured, structural};
  page.figure(charts::render_bar_chart(share),
              "Bars far from their black structural bar are where structure alone misleads: "
              "the measured bar is the failures beyond the normal run's per request offered "
              "in the window; the black bar the traffic share whose classes lose every path. "
              "Vermillion marks a target the graph calls harmless that failed 5% or more "
              "(instance affinity, timeouts, retries).");

  charts::BarChart times;
  times.title = "detection and recovery per target";
  times.value_label = "seconds after the failure began";
  charts::BarSeries noticed, normal;
  noticed.name = "noticed after";
  normal.name = "normal after";
  normal.colour = 2;
  for (const auto& t : report.targets) {
    times.categories.push_back(t.target);
    if (t.detected_after_s) {
      noticed.values.push_back(*t.detected_after_s);
      noticed.bar_colours.push_back("");
    } else if (caused_failures(t)) {
      noticed.values.push_back(report.window_s);  // failed until it came back
      noticed.bar_colours.push_back(charts::kTroubleShade);
    } else {
      noticed.values.push_back(kNaN);
      noticed.bar_colours.push_back("");
    }
    if (t.recovered_after_s) {
      normal.values.push_back(*t.recovered_after_s);
      normal.bar_colours.push_back("");
    } else {
      normal.values.push_back(report.observed_s);  // not normal by the end of the run
      normal.bar_colours.push_back(charts::kTroubleShade);
    }
  }
  times.series = {noticed, normal};
  page.figure(charts::render_bar_chart(times),
              std::string("Blue: when requests stopped failing though the target was still down "
                          "(health checks, failover, caches); green: when the stack was normal "
                          "again. Short bars mean it routed around the failure quickly; a "
                          "vermillion bar reaching the window (") +
                  format_duration(report.window_s) +
                  ") was never routed around, one reaching the end of the run (" +
                  format_duration(report.observed_s) +
                  ") was not normal again. No bar: nothing failed.");

  HtmlTable table;
  table.caption = "Every target";
  table.header = {"target",        "kind",         "offered in window", "failed",
                  "normal failed", "failed share", "p99 in window",     "noticed after",
                  "normal after",  "graph says"};
  table.numeric = {false, false, true, true, true, true, true, true, true, true};
  for (const auto& t : report.targets) {
    table.rows.push_back({t.target, t.kind, format_count(static_cast<double>(t.offered)),
                          format_count(static_cast<double>(t.failed)),
                          format_count(static_cast<double>(t.baseline_failed)),
                          format_percent(t.failed_share, 1), seconds_or(t.p99_s, "-"),
                          seconds_or(t.detected_after_s, caused_failures(t) ? "never" : "-"),
                          seconds_or(t.recovered_after_s, "not yet"),
                          format_percent(t.structural_failing_share, 1) + " fails"});
  }
  page.table(table);
  page.paragraph(
      std::string(
          "\"failed\": requests failed from the failure to the end of the run; \"failed share\": "
          "those beyond the normal run's failures, per request offered during the window. "
          "\"noticed after\": when requests stopped failing while the target was still down "
          "(health checks, failover, caches); \"never\": they failed until it came back. "
          "\"normal after\": the end of the last interval with more failures or a p99 beyond ") +
      format_significant(findings::kWhatIfRecoveredP99Factor) +
      " times the normal run's. \"graph says\": the traffic share whose request classes lose "
      "every path (stacksim graph), which ignores timeouts, retries, caches and instance "
      "affinity.");
  return page.str();
}

}  // namespace stacksim::reports
