#include "reports/html_run_report.h"

#include <algorithm>
#include <cmath>

#include "analysis/availability_ctmc.h"
#include "charts/bar_chart.h"
#include "findings/bottleneck.h"
#include "findings/replication_summary.h"
#include "findings/slo_evaluation.h"
#include "findings/timeline.h"
#include "reports/architecture_diagram.h"
#include "reports/fault_bands.h"
#include "reports/html_page.h"
#include "reports/run_charts.h"
#include "reports/text_format.h"
#include "reports/timeline_report.h"

namespace stacksim::reports {
namespace {

// At most this many downtime windows are listed in the table.
constexpr std::size_t kListedWindows = 100;

std::string with_interval(const std::string& value, const std::string& half, bool several) {
  return several ? value + " ± " + half : value;
}

std::vector<Card> verdict_cards(const ReportContext& context, const findings::SummaryStats& s,
                                const findings::Bottleneck& bottleneck, bool several) {
  std::vector<Card> cards;
  const bool all_served = s.failed.mean == 0;
  cards.push_back(
      {"Request availability",
       with_interval(format_availability(s.availability.mean),
                     format_percent(s.availability.half_width, 3), several),
       format_count(s.failed.mean) + " of " + format_count(s.offered.mean) + " requests failed",
       all_served ? Card::Status::kGood : Card::Status::kNeutral});
  cards.push_back({"Time availability",
                   with_interval(format_availability(s.availability_by_time.mean),
                                 format_percent(s.availability_by_time.half_width, 3), several),
                   format_duration(analysis::downtime_per_year_s(s.availability_by_time.mean)) +
                       " down per year at that rate",
                   Card::Status::kNeutral});
  if (context.slo) {
    const findings::SloEvaluation slo = findings::evaluate_slo(*context.slo, s);
    std::string note;
    if (slo.error_budget) {
      note = format_percent(slo.error_budget->burned_fraction, 1) + " of the error budget";
      std::string causes;
      for (const findings::BudgetBurn& burn : slo.error_budget->by_category) {
        if (burn.requests <= 0) continue;
        if (!causes.empty()) causes += ", ";
        causes += burn.category + " " + format_count(burn.requests);
      }
      if (!causes.empty()) note += " (" + causes + ")";
    } else {
      note = "latency objectives only";
    }
    cards.push_back({"SLO", slo.met() ? "met" : "missed", note,
                     slo.met() ? Card::Status::kGood : Card::Status::kBad});
  }
  cards.push_back({"Throughput",
                   with_interval(format_fixed(s.throughput_rps.mean, 1),
                                 format_fixed(s.throughput_rps.half_width, 1), several) +
                       " req/s",
                   "completed requests per second", Card::Status::kNeutral});
  if (s.completed.mean > 0) {
    cards.push_back(
        {"Latency p50 / p99",
         format_seconds(s.latency_p50_s.mean) + " / " + format_seconds(s.latency_p99_s.mean),
         "mean " + format_seconds(s.latency_mean_s.mean) + ", p99.9 " +
             format_seconds(s.latency_p999_s.mean),
         Card::Status::kNeutral});
  }
  if (!bottleneck.name.empty()) {
    cards.push_back({"Bottleneck", bottleneck.name + " (" + bottleneck.resource + ")",
                     "utilisation " + format_percent(bottleneck.utilization, 1) + ", picked by " +
                         bottleneck.because + ": what limits this run",
                     Card::Status::kNeutral});
  }
  return cards;
}

void time_series_section(HtmlPage& page, const models::ScenarioSpec& spec,
                         const models::RunResult& run) {
  page.section("Over time", "time");
  if (run.series.empty()) {
    page.paragraph("The run recorded no time series.");
    return;
  }
  const TimeAxis axis = time_axis(run.series.back().end_s - run.series.front().start_s);
  auto bands = downtime_bands(run, axis);
  const auto faults = fault_bands(spec, run.series.front().start_s, run.series.back().end_s, axis);
  bands.insert(bands.end(), faults.begin(), faults.end());
  const auto markers =
      timeline_markers(findings::timeline_of({run}), axis, run.series.back().end_s);
  auto frame = [&](const char* title, const char* y_label) {
    charts::XyChart chart;
    chart.title = title;
    chart.x_label = axis.label;
    chart.y_label = y_label;
    chart.bands = bands;
    chart.band_legend = "down (target and cause on the band)";
    chart.fault_legend = "degraded: a fault that slows or disturbs (label at the bottom)";
    chart.markers = markers;
    chart.x_from = run.series.front().start_s / axis.seconds_per_unit;
    chart.x_to = run.series.back().end_s / axis.seconds_per_unit;
    chart.height = 250;
    return chart;
  };
  std::string reading =
      std::string(
          "Time is on the scenario clock: 0 is the simulation's start, and the measured "
          "span begins where the warm-up ends, at ") +
      format_clock(run.series.front().start_s) + ". Each point is one interval of " +
      format_duration(run.series.front().end_s - run.series.front().start_s) +
      ", drawn at its middle; the timeline's events fall on interval boundaries.";
  if (!bands.empty() || !markers.empty()) {
    reading +=
        " Shaded vermillion: a host or component down, labelled "
        "at the top with its name and the fault's cause. Shaded orange between dashed edges: "
        "a scheduled fault that slows or disturbs without taking anything down (a slowdown, a "
        "network fault, a reload, a database warming up), labelled at the bottom. Dashed "
        "vertical lines: the timeline's events (when queues built, when errors started and "
        "stopped, when latency was back to normal).";
  }
  page.paragraph(reading);
  charts::XyChart throughput = frame("throughput over time", "completed requests/s");
  throughput.width = kPairWidth;
  throughput.series.push_back(time_series(run, SeriesMetric::kThroughput, axis, "throughput"));
  charts::XyChart errors = frame("error rate over time", "failed requests (%)");
  errors.y_percent = true;
  errors.width = kPairWidth;
  errors.series.push_back(time_series(run, SeriesMetric::kErrorRate, axis, "error rate"));
  errors.series.back().colour = 5;
  page.figure_pair(render_xy_chart(throughput),
                   "Throughput per interval: a dip below the offered load means requests failed "
                   "or waited.",
                   render_xy_chart(errors),
                   "Share of the requests ended in each interval that failed: look for the "
                   "shaded outages.");
  charts::XyChart latency = frame("latency over time", "latency (ms)");
  latency.series.push_back(time_series(run, SeriesMetric::kLatencyP50, axis, "p50"));
  latency.series.push_back(time_series(run, SeriesMetric::kLatencyP99, axis, "p99"));
  page.figure(render_xy_chart(latency),
              "Median and 99th-percentile latency of the requests completed in each interval: "
              "the gap between them is the queueing tail.");
  charts::XyChart utilisation = frame("utilisation over time", "utilisation (%)");
  utilisation.y_percent = true;
  utilisation.y_max = 1.0;
  utilisation.width = kPairWidth;
  charts::XyChart queue = frame("queue length over time", "requests waiting");
  queue.width = kPairWidth;
  for (std::size_t i = 0; i < run.components.size(); ++i) {
    utilisation.series.push_back(component_series(run, i, false, axis));
    queue.series.push_back(component_series(run, i, true, axis));
  }
  for (std::size_t h = 0; h < run.hosts.size(); ++h) {
    utilisation.series.push_back(host_series(run, h, axis));
    utilisation.series.back().colour = static_cast<int>(run.components.size() + h);
  }
  page.figure_pair(render_xy_chart(utilisation),
                   "Busy share of each component's slots (solid) and each host's cores "
                   "(dashed): the line nearest 100% saturates first.",
                   render_xy_chart(queue),
                   "Requests waiting for a slot at each component: a queue that keeps growing "
                   "means arrivals exceed capacity.");
}

HtmlTable components_table(const std::vector<findings::ComponentStats>& components) {
  HtmlTable t;
  t.caption = "Components";
  t.header = {"component", "kind",     "host",   "servers",  "utilisation", "queue",
              "wait",      "response", "thru/s", "rejected", "up"};
  t.numeric = {false, false, false, true, true, true, true, true, true, true, true};
  for (const findings::ComponentStats& c : components) {
    t.rows.push_back({c.name, c.kind, c.host.empty() ? "-" : c.host, std::to_string(c.servers),
                      format_percent(c.utilization, 1), format_fixed(c.mean_queue_length, 2),
                      format_seconds(c.mean_wait_s), format_seconds(c.mean_response_s),
                      format_fixed(c.throughput_rps, 1), format_count(c.mean_rejected),
                      format_availability(c.availability)});
  }
  return t;
}

HtmlTable hosts_table(const std::vector<models::HostResult>& hosts) {
  HtmlTable t;
  t.caption = "Hosts";
  t.header = {"host", "cores",  "CPU utilisation", "CPU queue",
              "up",   "memory", "peak demand",     "OOM kills"};
  t.numeric = {false, true, true, true, true, true, true, true};
  for (const auto& h : hosts) {
    t.rows.push_back(
        {h.name, std::to_string(h.cores), format_percent(h.cpu_utilization, 1),
         format_fixed(h.mean_cpu_queue_length, 2), format_availability(h.availability),
         h.memory_bytes > 0 ? format_bytes(static_cast<double>(h.memory_bytes)) : "-",
         h.memory_bytes > 0 ? format_bytes(static_cast<double>(h.peak_memory_demand_bytes)) : "-",
         format_count(static_cast<double>(h.oom_kills))});
  }
  return t;
}

HtmlTable classes_table(const std::vector<findings::ClassStats>& classes) {
  HtmlTable t;
  t.caption = "Request classes";
  t.header = {"class", "offered", "completed", "failed", "availability", "mean latency"};
  t.numeric = {false, true, true, true, true, true};
  for (const auto& c : classes) {
    const double ended = c.completed + c.failed;
    t.rows.push_back({c.name, format_count(c.offered), format_count(c.completed),
                      format_count(c.failed),
                      ended > 0 ? format_availability(c.completed / ended) : "-",
                      c.completed > 0 ? format_seconds(c.mean_latency_s) : "-"});
  }
  return t;
}

void availability_section(HtmlPage& page, const ReportContext& context,
                          const std::vector<models::RunResult>& replications,
                          const findings::SummaryStats& s) {
  const auto& windows = replications.front().downtime;
  if (windows.empty() && !context.slo && !context.availability_prediction) return;
  page.section("Availability", "availability");
  if (!windows.empty()) {
    HtmlTable t;
    t.caption = "Downtime windows (first replication)";
    t.header = {"target", "cause", "from", "to", "lasted"};
    t.numeric = {false, false, true, true, true};
    for (std::size_t i = 0; i < windows.size() && i < kListedWindows; ++i) {
      const auto& w = windows[i];
      t.rows.push_back({w.target, w.cause, format_clock(w.start_s), format_clock(w.end_s),
                        format_duration(w.end_s - w.start_s)});
    }
    page.table(t);
    if (windows.size() > kListedWindows) {
      page.paragraph("and " + std::to_string(windows.size() - kListedWindows) + " more windows");
    }
  }
  if (context.slo) {
    const findings::SloEvaluation slo = findings::evaluate_slo(*context.slo, s);
    HtmlTable t;
    t.caption = "Service level objectives";
    t.header = {"objective", "target", "measured", "verdict"};
    t.numeric = {false, true, true, false};
    for (const findings::SloObjective& o : slo.objectives) {
      const bool availability = o.name == "availability";
      auto shown = [&](double v) {
        return availability ? format_availability(v) : format_seconds(v);
      };
      t.rows.push_back({o.name, shown(o.target), o.measured ? shown(*o.measured) : "-",
                        o.met ? "met" : "MISSED"});
    }
    page.table(t);
    if (slo.error_budget) {
      const findings::ErrorBudget& b = *slo.error_budget;
      HtmlTable burn;
      burn.caption = "Error budget: " + format_count(b.budget_requests) +
                     " failed requests allowed, " + format_count(b.burned_requests) + " failed (" +
                     format_percent(b.burned_fraction, 1) + " burned)";
      burn.header = {"burned by", "failed requests", "share of the budget"};
      burn.numeric = {false, true, true};
      for (const findings::BudgetBurn& c : b.by_category) {
        burn.rows.push_back({c.category, format_count(c.requests),
                             std::isfinite(c.budget_fraction) ? format_percent(c.budget_fraction, 1)
                                                              : "no budget"});
      }
      page.table(burn);
    }
  }
  if (context.availability_prediction) {
    const findings::AvailabilityCheck check = findings::check_availability(
        *context.availability_prediction, s.availability_by_time, replications.size());
    std::vector<std::pair<std::string, std::string>> facts;
    facts.push_back({"Markov chain predicts",
                     check.predicted ? format_availability(*check.predicted) : "no prediction"});
    facts.push_back(
        {"simulated (time)",
         format_availability(check.simulated.mean) +
             (check.has_interval ? " ± " + format_percent(check.simulated.half_width, 3) : "")});
    if (check.within_ci) {
      facts.push_back(
          {"verdict", *check.within_ci ? "within the 95% interval" : "outside the 95% interval"});
    }
    if (!check.note.empty()) facts.push_back({"note", check.note});
    page.raw("<h3>Availability cross-check</h3>");
    page.facts(facts);
  }
}

// With several replications: the summary's 95% intervals, drawn as error bars.
void intervals_section(HtmlPage& page, const findings::SummaryStats& s, std::size_t replications) {
  page.section("Between replications", "intervals");
  charts::BarChart chart;
  chart.title = "latency with 95% intervals";
  chart.value_label = "latency (ms); bars: mean over replications, whiskers: 95% interval";
  chart.categories = {"mean", "p50", "p99", "p99.9"};
  charts::BarSeries series;
  for (const findings::Interval* i :
       {&s.latency_mean_s, &s.latency_p50_s, &s.latency_p99_s, &s.latency_p999_s}) {
    series.values.push_back(i->mean * 1e3);
    series.low.push_back(i->low() * 1e3);
    series.high.push_back(i->high() * 1e3);
  }
  chart.series.push_back(series);
  page.figure(charts::render_bar_chart(chart),
              std::to_string(replications) +
                  " independent replications: whiskers that overlap mean the difference could "
                  "be noise.");
}

}  // namespace

std::string html_run_report(const ReportContext& context, const models::ScenarioSpec& spec,
                            const std::vector<models::RunResult>& replications) {
  const findings::SummaryStats s = findings::summarize(replications);
  const bool several = replications.size() > 1;
  const auto components = findings::mean_components(replications);
  const auto hosts = findings::mean_hosts(replications);
  const auto classes = findings::mean_classes(replications);
  const findings::Bottleneck bottleneck =
      findings::find_bottleneck(s, components, hosts, findings::downtime_totals(replications));

  HtmlPage page("stacksim run: " + context.scenario_name, spec.description);
  page.facts(
      {{"scenario file", context.scenario_file},
       {"seed", std::to_string(context.seed)},
       {"measured", format_span(context.duration_s) + " after a " + format_span(context.warmup_s) +
                        " warm-up: scenario clock " + format_clock(context.warmup_s) + " to " +
                        format_clock(context.warmup_s + context.duration_s) +
                        (s.interrupted ? " (interrupted)" : "")},
       {"replications", std::to_string(replications.size())},
       {"stacksim", context.tool_version},
       {"scenario sha256", context.scenario_sha256}});
  page.cards(verdict_cards(context, s, bottleneck, several));

  page.section("Architecture", "architecture");
  const ArchitectureDiagram diagram = architecture_diagram(spec);
  if (diagram.error.empty()) {
    page.raw("<figure class=\"diagram\">" + diagram.svg +
             "<figcaption>From the browser through DNS to the hosts, as `stacksim graph` sees "
             "it: boxes with a thick vermillion border and the word SPOF fail requests on "
             "their own.</figcaption></figure>\n");
    page.raw(architecture_legend_html());
  } else {
    page.paragraph("The architecture could not be drawn: " + diagram.error);
  }

  if (!replications.empty()) time_series_section(page, spec, replications.front());

  page.section("Latency distribution", "latency");
  sim::LogHistogram all;
  for (const auto& r : replications) all.merge(r.latency_ns);
  const LatencyDistribution distribution = latency_distribution(all);
  charts::XyChart histogram = latency_histogram_chart(distribution);
  charts::XyChart cdf = latency_cdf_chart({{"all replications", distribution}});
  histogram.width = cdf.width = kPairWidth;
  page.figure_pair(
      render_xy_chart(histogram),
      "Share of completed requests by latency: a second hump is a slow path (a retry, a "
      "disk read, a SYN retransmit).",
      render_xy_chart(cdf),
      "Share of requests at or below a latency: read the p99 where the curve crosses 99%.");

  page.section("Components, hosts and classes", "tables");
  if (!components.empty()) page.table(components_table(components));
  if (!hosts.empty()) page.table(hosts_table(hosts));
  if (!classes.empty()) page.table(classes_table(classes));
  const std::string timeline = timeline_text(findings::timeline_of(replications));
  if (!timeline.empty()) page.paragraph("Timeline: " + timeline);

  if (!replications.empty()) availability_section(page, context, replications, s);
  if (several) intervals_section(page, s, replications.size());
  return page.str();
}

}  // namespace stacksim::reports
