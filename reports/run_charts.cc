#include "reports/run_charts.h"

#include <cmath>
#include <limits>

#include "reports/text_format.h"

namespace stacksim::reports {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double middle(const models::IntervalRow& row) { return (row.start_s + row.end_s) / 2; }

}  // namespace

TimeAxis time_axis(double span_s) {
  if (span_s > 10 * 3600) return {3600, "scenario clock (h)"};
  if (span_s > 600) return {60, "scenario clock (min)"};
  return {1, "scenario clock (s)"};
}

charts::Series time_series(const models::RunResult& run, SeriesMetric metric, const TimeAxis& axis,
                           std::string name) {
  charts::Series s;
  s.name = std::move(name);
  for (const models::IntervalRow& row : run.series) {
    s.x.push_back(middle(row) / axis.seconds_per_unit);
    const double width = row.end_s - row.start_s;
    switch (metric) {
      case SeriesMetric::kThroughput:
        s.y.push_back(width > 0 ? static_cast<double>(row.completed) / width : kNaN);
        break;
      case SeriesMetric::kErrorRate:
        s.y.push_back(row.error_rate());
        break;
      case SeriesMetric::kLatencyP50:
        s.y.push_back(row.completed > 0 ? row.latency_p50_s * 1e3 : kNaN);
        break;
      case SeriesMetric::kLatencyP99:
        s.y.push_back(row.completed > 0 ? row.latency_p99_s * 1e3 : kNaN);
        break;
    }
  }
  return s;
}

charts::Series component_series(const models::RunResult& run, std::size_t index, bool queue,
                                const TimeAxis& axis) {
  charts::Series s;
  s.name = index < run.components.size() ? run.components[index].name : "";
  for (const models::IntervalRow& row : run.series) {
    const auto& values = queue ? row.component_queue_length : row.component_utilization;
    s.x.push_back(middle(row) / axis.seconds_per_unit);
    s.y.push_back(index < values.size() ? values[index] : kNaN);
  }
  return s;
}

charts::Series host_series(const models::RunResult& run, std::size_t index, const TimeAxis& axis) {
  charts::Series s;
  s.name = index < run.hosts.size() ? run.hosts[index].name + " CPU" : "";
  s.dashed = true;
  for (const models::IntervalRow& row : run.series) {
    s.x.push_back(middle(row) / axis.seconds_per_unit);
    s.y.push_back(index < row.host_cpu_utilization.size() ? row.host_cpu_utilization[index] : kNaN);
  }
  return s;
}

std::vector<charts::Band> downtime_bands(const models::RunResult& run, const TimeAxis& axis) {
  std::vector<charts::Band> bands;
  for (const models::DowntimeWindow& w : run.downtime) {
    if (bands.size() >= kMaxShadedWindows) break;
    bands.push_back({w.start_s / axis.seconds_per_unit, w.end_s / axis.seconds_per_unit,
                     w.target + " " + w.cause});
  }
  return bands;
}

std::vector<charts::Marker> timeline_markers(const findings::Timeline& timeline,
                                             const TimeAxis& axis, double run_end_s) {
  std::vector<charts::Marker> markers;
  if (!timeline.has_news()) return markers;
  auto add = [&](const std::optional<double>& at, const char* label) {
    if (at) markers.push_back({*at / axis.seconds_per_unit, label});
  };
  add(timeline.queues_build_at_s, "queues build");
  add(timeline.errors_start_at_s, "errors start");
  const bool still_failing =
      timeline.errors_end_at_s && *timeline.errors_end_at_s >= run_end_s - 1e-9;
  add(timeline.errors_end_at_s, still_failing ? "still failing at the end" : "errors stop");
  add(timeline.recovered_at_s, "back to normal");
  return markers;
}

charts::XyChart latency_histogram_chart(const LatencyDistribution& distribution) {
  charts::XyChart chart;
  chart.title = "latency histogram";
  chart.x_label = "latency (ms, log scale)";
  chart.y_label = "share of requests (%)";
  chart.y_percent = true;
  chart.x_axis = charts::AxisKind::kLog;
  charts::Series s;
  s.name = "completed requests per bin";
  // A step outline of the bins.
  for (const LatencyBin& bin : distribution.bins) {
    s.x.insert(s.x.end(), {bin.lower_s * 1e3, bin.upper_s * 1e3});
    s.y.insert(s.y.end(), {bin.share, bin.share});
  }
  chart.series.push_back(std::move(s));
  if (distribution.count > 0) {
    chart.markers = {{distribution.p50_s * 1e3, "p50 " + format_seconds(distribution.p50_s)},
                     {distribution.p99_s * 1e3, "p99 " + format_seconds(distribution.p99_s)},
                     {distribution.p999_s * 1e3, "p99.9 " + format_seconds(distribution.p999_s)}};
  }
  return chart;
}

charts::XyChart latency_cdf_chart(
    const std::vector<std::pair<std::string, LatencyDistribution>>& runs) {
  charts::XyChart chart;
  chart.title = "latency CDF";
  chart.x_label = "latency (ms, log scale)";
  chart.y_label = "requests at or below (%)";
  chart.y_percent = true;
  chart.y_max = 1.0;
  chart.x_axis = charts::AxisKind::kLog;
  for (const auto& [label, d] : runs) {
    charts::Series s;
    s.name = label;
    for (std::size_t i = 0; i < d.bins.size(); ++i) {
      s.x.push_back(d.bins[i].upper_s * 1e3);
      s.y.push_back(d.cumulative[i]);
    }
    chart.series.push_back(std::move(s));
  }
  if (runs.size() == 1 && runs.front().second.count > 0) {
    const LatencyDistribution& d = runs.front().second;
    chart.markers = {{d.p50_s * 1e3, "p50"}, {d.p90_s * 1e3, "p90"}, {d.p99_s * 1e3, "p99"}};
    chart.references = {{0.99, "99%"}};
  }
  return chart;
}

}  // namespace stacksim::reports
