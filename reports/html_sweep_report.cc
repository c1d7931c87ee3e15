#include "reports/html_sweep_report.h"

#include <cmath>
#include <limits>
#include <map>

#include "analysis/usl_fit.h"
#include "charts/bar_chart.h"
#include "charts/xy_chart.h"
#include "reports/html_page.h"
#include "reports/text_format.h"

namespace stacksim::reports {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The x of a point along the first axis: its number, the length of an array (hosts), else its
// position among the axis's values.
double x_of(const SweepAxis& axis, const nlohmann::ordered_json& value) {
  if (value.is_number()) return value.get<double>();
  if (const auto n = scaling_n(value)) return *n;
  for (std::size_t i = 0; i < axis.values.size(); ++i) {
    if (axis.values[i] == value) return static_cast<double>(i + 1);
  }
  return kNaN;
}

// The points grouped into lines: the points sharing the values of every axis but the first.
struct Line {
  std::string label;                // the other axes' values; "" with one axis
  std::vector<std::size_t> points;  // indices into the capacity report's points
};

std::vector<Line> lines_of(const CapacityReport& capacity) {
  std::vector<Line> lines;
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < capacity.points.size(); ++i) {
    GridPoint rest(capacity.points[i].set.begin() + (capacity.points[i].set.empty() ? 0 : 1),
                   capacity.points[i].set.end());
    const std::string label = describe_grid_point(rest);
    auto [at, inserted] = index.emplace(label, lines.size());
    if (inserted) lines.push_back({label, {}});
    lines[at->second].points.push_back(i);
  }
  return lines;
}

std::string axis_title(const SweepAxis& axis) { return axis.pointer; }

charts::XyChart frame(const SweepAxis& axis, const char* title, const char* y_label) {
  charts::XyChart chart;
  chart.title = title;
  chart.x_label = axis_title(axis) + (is_rate_pointer(axis.pointer) ? " (requests/s)" : "");
  chart.y_label = y_label;
  chart.height = 270;
  return chart;
}

std::string usl_words(const analysis::UslFit& fit) {
  std::string text =
      "Universal Scalability Law: X(N) = λN / (1 + σ(N − 1) + κN(N − 1)). λ = " +
      format_significant(fit.lambda) +
      " req/s is what one unit would do without contention. σ = " + format_significant(fit.sigma) +
      " is contention, the share of the work that queues for something shared (a lock, one "
      "disk): it caps throughput at λ/σ however many units are added. κ = " +
      format_significant(fit.kappa) +
      " is coherency, the cost of units keeping each other in step: it makes throughput fall "
      "after a peak. ";
  if (std::isfinite(fit.peak_n)) {
    text += "The peak is at N* = " + format_fixed(fit.peak_n, 1) +
            "; beyond it, adding units lowers throughput.";
  } else {
    text += "κ = 0: no peak, throughput rises towards λ/σ.";
  }
  text += " Fit R² = " + format_fixed(fit.r_squared, 3) + ".";
  return text;
}

}  // namespace

std::string html_sweep_report(const ReportContext& context, const std::vector<SweepAxis>& axes,
                              const CapacityReport& capacity, bool interrupted) {
  std::string varied;
  for (const SweepAxis& axis : axes) {
    if (!varied.empty()) varied += " × ";
    varied += axis.pointer + " (" + std::to_string(axis.values.size()) + " values)";
  }
  HtmlPage page("stacksim sweep: " + context.scenario_name, "varying " + varied);
  page.facts({{"scenario file", context.scenario_file},
              {"seed", std::to_string(context.seed)},
              {"each point", "measured " + format_span(context.duration_s) + " after a " +
                                 format_span(context.warmup_s) + " warm-up, " +
                                 std::to_string(context.replications) + " replication(s)"},
              {"points", std::to_string(capacity.points.size()) +
                             (interrupted ? " (interrupted: the points measured)" : "")},
              {"stacksim", context.tool_version},
              {"scenario sha256", context.scenario_sha256}});

  std::vector<Card> cards;
  if (capacity.targets.latency_s) {
    cards.push_back({"Latency target",
                     std::string(to_string(capacity.targets.statistic)) + " ≤ " +
                         format_seconds(*capacity.targets.latency_s),
                     "from " + capacity.targets.latency_source, Card::Status::kNeutral});
  }
  if (capacity.saturation) {
    for (const SaturationLine& line : capacity.saturation->lines) {
      Card card;
      card.label = "Saturation point" +
                   (line.fixed.empty() ? "" : " (" + describe_grid_point(line.fixed) + ")");
      card.value = line.rate ? format_significant(*line.rate) + " req/s" : "none met the targets";
      if (line.beyond_grid) card.value += " or more";
      card.note = line.headroom ? "headroom ×" + format_fixed(*line.headroom, 2) +
                                      " over the scenario's own rate"
                                : "the largest rate meeting the targets";
      card.status = line.rate ? Card::Status::kGood : Card::Status::kBad;
      cards.push_back(card);
    }
  }
  if (capacity.scaling) {
    for (const ScalingLine& line : capacity.scaling->lines) {
      if (!line.fit) continue;
      cards.push_back(
          {"USL peak N*" + (line.fixed.empty() ? "" : " (" + describe_grid_point(line.fixed) + ")"),
           std::isfinite(line.fit->peak_n) ? format_fixed(line.fit->peak_n, 1) : "unbounded",
           "σ " + format_significant(line.fit->sigma) + ", κ " +
               format_significant(line.fit->kappa),
           Card::Status::kNeutral});
    }
  }
  if (!cards.empty()) page.cards(cards);

  if (axes.empty() || capacity.points.empty()) {
    page.paragraph("No point was measured.");
    return page.str();
  }
  const SweepAxis& axis = axes.front();
  const std::vector<Line> lines = lines_of(capacity);

  page.section("Throughput and latency against " + axis.pointer, "curves");
  charts::XyChart throughput =
      frame(axis, "throughput against the varied value", "completed requests/s");
  charts::XyChart latency = frame(axis, "latency against the varied value", "latency (ms)");
  throughput.width = latency.width = kPairWidth;
  charts::XyChart availability = frame(axis, "availability per point", "requests served (%)");
  availability.y_percent = true;
  availability.y_ceiling = 1.0;
  availability.y_from_zero = false;
  availability.width = kPairWidth;
  for (std::size_t l = 0; l < lines.size(); ++l) {
    const Line& line = lines[l];
    const std::string suffix = line.label.empty() ? "" : " " + line.label;
    charts::Series thr, p50, p95, p99, avail;
    thr.name = "throughput" + suffix;
    p50.name = "p50" + suffix;
    p95.name = "p95" + suffix;
    p99.name = "p99" + suffix;
    avail.name = "availability" + suffix;
    for (std::size_t i : line.points) {
      const PointMeasure& p = capacity.points[i];
      const double x = p.set.empty() ? kNaN : x_of(axis, p.set.front().second);
      for (charts::Series* s : {&thr, &p50, &p95, &p99, &avail}) s->x.push_back(x);
      thr.y.push_back(p.throughput_rps);
      const bool served = p.completed > 0;
      p50.y.push_back(served ? p.latency_p50_s * 1e3 : kNaN);
      p95.y.push_back(served ? p.latency_p95_s * 1e3 : kNaN);
      p99.y.push_back(served ? p.latency_p99_s * 1e3 : kNaN);
      avail.y.push_back(p.availability);
    }
    for (charts::Series* s : {&thr, &p50, &p95, &p99, &avail}) s->markers = true;
    const int base = static_cast<int>(l * 3);
    thr.colour = static_cast<int>(l);
    avail.colour = static_cast<int>(l);
    p50.colour = base;
    p95.colour = base + 1;
    p99.colour = base + 2;
    p50.dashed = true;
    throughput.series.push_back(thr);
    latency.series.insert(latency.series.end(), {p50, p95, p99});
    availability.series.push_back(avail);
  }
  if (capacity.targets.latency_s) {
    latency.references.push_back({*capacity.targets.latency_s * 1e3,
                                  std::string("target: ") + to_string(capacity.targets.statistic) +
                                      " ≤ " + format_seconds(*capacity.targets.latency_s)});
  }
  if (capacity.saturation) {
    for (const SaturationLine& line : capacity.saturation->lines) {
      if (line.rate) {
        const charts::Marker marker{*line.rate, "saturation " + format_significant(*line.rate)};
        latency.markers.push_back(marker);
        throughput.markers.push_back(marker);
      }
    }
  }
  page.figure_pair(charts::render_xy_chart(throughput),
                   "Completed requests per second at each point: where the line stops following "
                   "the offered load, the stack is saturated.",
                   charts::render_xy_chart(latency),
                   capacity.targets.latency_s
                       ? "Latency percentiles at each point against the target (dotted): the "
                         "saturation point is the last rate under it."
                       : "Latency percentiles at each point: the knee is where queueing starts "
                         "to dominate.");

  if (capacity.scaling) {
    charts::XyChart usl = frame(axis, "Universal Scalability Law fit", "completed requests/s");
    usl.x_label = axis.pointer + " (N)";
    for (std::size_t l = 0; l < capacity.scaling->lines.size(); ++l) {
      const ScalingLine& line = capacity.scaling->lines[l];
      const std::string suffix = line.fixed.empty() ? "" : " " + describe_grid_point(line.fixed);
      charts::Series measured;
      measured.name = "measured" + suffix;
      measured.x = line.n;
      measured.y = line.throughput;
      measured.line = false;
      measured.colour = static_cast<int>(l);
      usl.series.push_back(measured);
      if (!line.fit) continue;
      charts::Series curve;
      curve.name = "USL fit" + suffix;
      curve.dashed = true;
      curve.colour = static_cast<int>(l);
      double lo = line.n.empty() ? 1 : line.n.front(), hi = lo;
      for (double n : line.n) {
        lo = std::min(lo, n);
        hi = std::max(hi, n);
      }
      if (std::isfinite(line.fit->peak_n))
        hi = std::max(hi, std::min(line.fit->peak_n * 1.3, hi * 2));
      for (int k = 0; k <= 60; ++k) {
        const double n = lo + (hi - lo) * k / 60.0;
        curve.x.push_back(n);
        curve.y.push_back(analysis::usl_throughput(*line.fit, n));
      }
      usl.series.push_back(curve);
      if (std::isfinite(line.fit->peak_n) && line.fit->peak_n <= hi) {
        usl.markers.push_back({line.fit->peak_n, "N* " + format_fixed(line.fit->peak_n, 1)});
      }
    }
    page.section("Scalability", "usl");
    page.figure(charts::render_xy_chart(usl),
                "Measured throughput (dots) and the fitted law (dashed): the gap between them "
                "says how well three numbers explain the scaling.");
    for (const ScalingLine& line : capacity.scaling->lines) {
      page.paragraph((line.fixed.empty() ? "" : describe_grid_point(line.fixed) + ": ") +
                     (line.fit ? usl_words(*line.fit) : "no fit: " + line.error));
    }
    if (!capacity.scaling->note.empty()) page.paragraph(capacity.scaling->note);
  }

  page.section("Each point", "points");
  charts::BarChart bottlenecks;
  bottlenecks.title = "the bottleneck of each point";
  bottlenecks.value_label = "utilisation of the most utilised resource (%)";
  bottlenecks.percent = true;
  bottlenecks.value_max = 1.0;
  bottlenecks.width = kPairWidth;
  charts::BarSeries busiest;
  for (const PointMeasure& p : capacity.points) {
    std::string name;
    for (const auto& [pointer, value] : p.set) {
      if (!name.empty()) name += " ";
      name += value.dump();
    }
    bottlenecks.categories.push_back(name);
    busiest.values.push_back(p.bottleneck.name.empty() ? kNaN : p.bottleneck.utilization);
    bottlenecks.value_texts.push_back(
        p.bottleneck.name.empty() ? "" : p.bottleneck.name + " (" + p.bottleneck.resource + ")");
  }
  bottlenecks.series.push_back(busiest);
  page.figure_pair(charts::render_xy_chart(availability),
                   "Share of ended requests that succeeded at each point: a drop marks where "
                   "queues overflow or time out.",
                   charts::render_bar_chart(bottlenecks),
                   "The most utilised resource at each point, named at the end of its bar: "
                   "the one that reaches 100% first limits capacity.");
  HtmlTable table;
  table.caption = "Points, with the most utilised resource (the bottleneck)";
  table.header = {"point",      "throughput/s",    "p50",          "p99", "availability",
                  "bottleneck", "its utilisation", "meets targets"};
  table.numeric = {false, true, true, true, true, false, true, false};
  for (std::size_t i = 0; i < capacity.points.size(); ++i) {
    const PointMeasure& p = capacity.points[i];
    const auto& meets = i < capacity.meets.size() ? capacity.meets[i] : std::nullopt;
    table.rows.push_back(
        {describe_grid_point(p.set), format_fixed(p.throughput_rps, 1),
         p.completed > 0 ? format_seconds(p.latency_p50_s) : "-",
         p.completed > 0 ? format_seconds(p.latency_p99_s) : "-",
         format_availability(p.availability), p.bottleneck.name.empty() ? "-" : p.bottleneck.name,
         format_percent(p.bottleneck.utilization, 1), meets ? (*meets ? "yes" : "no") : "-"});
  }
  page.table(table);
  return page.str();
}

}  // namespace stacksim::reports
