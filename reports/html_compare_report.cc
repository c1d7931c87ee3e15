#include "reports/html_compare_report.h"

#include <algorithm>

#include "charts/bar_chart.h"
#include "charts/xy_chart.h"
#include "reports/comparison_text.h"
#include "reports/html_page.h"
#include "reports/latency_distribution.h"
#include "reports/run_charts.h"
#include "reports/text_format.h"

namespace stacksim::reports {
namespace {

// The CDF of a run: from its histogram when it was simulated here, else through the percentiles
// its report keeps.
LatencyDistribution distribution_of(const ComparedRun& run) {
  if (run.first_replication) return latency_distribution(run.first_replication->latency_ns);
  LatencyDistribution d;
  const auto& g = run.digest;
  d.count = static_cast<std::uint64_t>(g.completed);
  const std::vector<std::pair<double, double>> points = {
      {g.latency_p50_s, 0.5},  {g.latency_p90_s, 0.9},    {g.latency_p95_s, 0.95},
      {g.latency_p99_s, 0.99}, {g.latency_p999_s, 0.999}, {g.latency_max_s, 1.0}};
  double previous = 0.0;
  for (const auto& [latency, share] : points) {
    if (latency <= 0) continue;
    d.bins.push_back({previous, latency, 0.0});
    d.cumulative.push_back(share);
    previous = latency;
  }
  return d;
}

std::string difference_text(const MetricDifference& m) {
  if (m.difference == 0) return "same";
  if (m.relative) return format_signed_percent(*m.relative, 1);
  return (m.difference > 0 ? "+" : "") + format_metric(m.name, m.difference);
}

}  // namespace

std::string html_compare_report(const RunComparison& comparison, const std::string& tool_version) {
  std::string labels;
  for (const auto& r : comparison.runs) {
    if (!labels.empty()) labels += " · ";
    labels += r.label;
  }
  HtmlPage page("stacksim compare: " + labels,
                "each run against the first, " + comparison.runs.front().label);
  HtmlTable inputs;
  inputs.caption = "Runs";
  inputs.header = {"label", "from", "scenario", "seed", "measured", "replications"};
  inputs.numeric = {false, false, false, true, true, true};
  for (const auto& r : comparison.runs) {
    inputs.rows.push_back(
        {r.label, r.source + (r.simulated ? " (simulated now)" : " (saved report)"),
         r.digest.scenario_name, std::to_string(r.digest.seed), format_span(r.digest.duration_s),
         std::to_string(r.digest.replications)});
  }
  page.table(inputs);

  page.section("Side by side", "summary");
  HtmlTable summary;
  summary.header = {"metric"};
  summary.numeric = {false};
  for (std::size_t i = 0; i < comparison.runs.size(); ++i) {
    summary.header.push_back(comparison.runs[i].label);
    summary.numeric.push_back(true);
    if (i > 0) {
      summary.header.push_back("change");
      summary.numeric.push_back(true);
    }
  }
  const auto& base = comparison.runs.front().digest;
  for (const auto& m : metric_differences(base, base)) {
    std::vector<std::string> row = {metric_title(m.name)};
    for (std::size_t i = 0; i < comparison.runs.size(); ++i) {
      for (const auto& v : metric_differences(base, comparison.runs[i].digest)) {
        if (v.name != m.name) continue;
        row.push_back(format_metric(v.name, v.value));
        if (i > 0) row.push_back(difference_text(v));
      }
    }
    summary.rows.push_back(std::move(row));
  }
  std::vector<std::string> bottleneck = {"bottleneck"};
  for (std::size_t i = 0; i < comparison.runs.size(); ++i) {
    const auto& g = comparison.runs[i].digest;
    bottleneck.push_back(g.bottleneck.empty()
                             ? "-"
                             : g.bottleneck + " (" + format_percent(g.bottleneck_utilization, 1) +
                                   ")");
    if (i > 0) {
      bottleneck.push_back(comparison.differences[i - 1].bottleneck_changed ? "moved" : "same");
    }
  }
  summary.rows.push_back(std::move(bottleneck));
  page.table(summary);

  charts::BarChart latency;
  latency.title = "latency percentiles per run";
  latency.value_label = "latency (ms)";
  latency.width = kPairWidth;
  latency.categories = {"mean", "p50", "p99", "p99.9"};
  charts::BarChart utilisation;
  utilisation.title = "component utilisation per run";
  utilisation.value_label = "utilisation (%)";
  utilisation.percent = true;
  utilisation.value_max = 1.0;
  utilisation.width = kPairWidth;
  for (const auto& r : comparison.runs) {
    for (const auto& c : r.digest.components) {
      if (std::find(utilisation.categories.begin(), utilisation.categories.end(), c.name) ==
          utilisation.categories.end()) {
        utilisation.categories.push_back(c.name);
      }
    }
  }
  for (const auto& r : comparison.runs) {
    charts::BarSeries l;
    l.name = r.label;
    const auto& g = r.digest;
    l.values = {g.latency_mean_s * 1e3, g.latency_p50_s * 1e3, g.latency_p99_s * 1e3,
                g.latency_p999_s * 1e3};
    latency.series.push_back(l);
    charts::BarSeries u;
    u.name = r.label;
    for (const auto& name : utilisation.categories) {
      double value = std::numeric_limits<double>::quiet_NaN();
      for (const auto& c : g.components) {
        if (c.name == name) value = c.utilization;
      }
      u.values.push_back(value);
    }
    utilisation.series.push_back(u);
  }
  page.figure_pair(charts::render_bar_chart(latency),
                   "Latency of each run: the longer bar at p99 is the run whose slowest requests "
                   "wait longest.",
                   charts::render_bar_chart(utilisation),
                   "Busy share of each component's slots per run: a component missing from a run "
                   "has no bar.");

  page.section("Over time and latency distribution", "overlays");
  double span = 0.0;
  for (const auto& r : comparison.runs) {
    if (r.first_replication && !r.first_replication->series.empty()) {
      span = std::max(span, r.first_replication->series.back().end_s -
                                r.first_replication->series.front().start_s);
    }
  }
  const TimeAxis axis = time_axis(span);
  charts::XyChart throughput;
  throughput.title = "throughput over time, per run";
  throughput.x_label = axis.label;
  throughput.y_label = "completed requests/s";
  throughput.width = kPairWidth;
  charts::XyChart p99 = throughput;
  p99.title = "p99 latency over time, per run";
  p99.y_label = "p99 latency (ms)";
  std::vector<std::pair<std::string, LatencyDistribution>> cdfs;
  std::vector<std::string> saved;
  for (std::size_t i = 0; i < comparison.runs.size(); ++i) {
    const auto& r = comparison.runs[i];
    cdfs.push_back({r.label, distribution_of(r)});
    if (!r.first_replication) {
      saved.push_back(r.label);
      continue;
    }
    throughput.series.push_back(
        time_series(*r.first_replication, SeriesMetric::kThroughput, axis, r.label));
    throughput.series.back().colour = static_cast<int>(i);
    p99.series.push_back(
        time_series(*r.first_replication, SeriesMetric::kLatencyP99, axis, r.label));
    p99.series.back().colour = static_cast<int>(i);
  }
  if (!saved.empty()) {
    page.paragraph("Saved reports keep no time series: " + join_with_commas(saved) +
                   " appear only in the tables and the CDF (drawn through their percentiles).");
  }
  page.figure_pair(charts::render_xy_chart(throughput),
                   "Throughput of each run's first replication: dips are outages or overload.",
                   charts::render_xy_chart(p99),
                   "p99 latency of each run's first replication over time: spikes show when "
                   "each design suffers.");
  page.figure(charts::render_xy_chart(latency_cdf_chart(cdfs)),
              "Share of requests at or below a latency, per run: the curve further left is "
              "faster; compare where each crosses 99%.");
  page.raw("<p class=\"note\">stacksim " + html_escape(tool_version) + "</p>");
  return page.str();
}

}  // namespace stacksim::reports
