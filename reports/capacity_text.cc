#include "reports/capacity_text.h"

#include <cmath>
#include <cstdio>

#include "reports/bottleneck_text.h"
#include "reports/text_format.h"
#include "reports/text_table.h"

namespace stacksim::reports {
namespace {

std::string printf_string(const char* format, double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

// A value of a rate axis: "800", "12.5".
std::string rate_text(double rate) { return printf_string("%.6g", rate); }

std::string throughput_text(double rps) { return format_fixed(rps, rps < 1000 ? 2 : 1); }

std::string value_text(const nlohmann::ordered_json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string sweep_line(const ReportContext& context, std::size_t measured_points,
                       std::size_t grid_points, bool interrupted) {
  std::string line = context.scenario_name + kFactSeparator;
  line += interrupted ? "interrupted: " + std::to_string(measured_points) + " of " +
                            plural(grid_points, "point", "points")
                      : plural(grid_points, "point", "points");
  line += " \u00d7 " +
          plural(static_cast<std::size_t>(context.replications), "replication", "replications");
  line += std::string(kFactSeparator) + "seed " + std::to_string(context.seed);
  line += std::string(kFactSeparator) + "measured " + format_span(context.duration_s);
  line += context.warmup_s > 0 ? " after " + format_span(context.warmup_s) + " warm-up"
                               : " without warm-up";
  if (context.threads > 1) line += kFactSeparator + std::to_string(context.threads) + " threads";
  if (context.wall_seconds >= 1.0) {
    line += kFactSeparator + printf_string("%.1f s wall", context.wall_seconds);
  } else if (context.wall_seconds > 0) {
    line += kFactSeparator + format_seconds(context.wall_seconds) + " wall";
  }
  return section_line("Sweep", line);
}

std::string points_table(const std::vector<SweepAxis>& axes, const CapacityReport& report,
                         std::size_t width) {
  const bool with_targets = report.targets.any();
  bool with_usl = false;
  for (const auto& predicted : report.predicted_throughput_rps) with_usl = with_usl || predicted;

  // Narrow, an axis is headed by the last step of its pointer ("rate" for
  // /workload/arrivals/rate) when that names no other column, and a line says which is which.
  std::vector<std::string> header;
  std::string axis_names;
  for (const SweepAxis& axis : axes) {
    const std::string last = axis.pointer.substr(axis.pointer.rfind('/') + 1);
    bool distinct = width != kNoWidthLimit && !last.empty();
    for (const SweepAxis& other : axes) {
      if (&other != &axis && other.pointer.substr(other.pointer.rfind('/') + 1) == last) {
        distinct = false;
      }
    }
    for (const char* column :
         {"req/s", "mean", "p50", "p95", "p99", "availability", "bottleneck", "target"}) {
      if (last == column) distinct = false;
    }
    if (distinct && last != axis.pointer) {
      header.push_back(last);
      axis_names += (axis_names.empty() ? "" : kFactSeparator) + last + " = " + axis.pointer;
    } else {
      header.push_back(axis.pointer);
    }
  }
  for (const char* name : {"req/s", "mean", "p50", "p95", "p99", "availability", "bottleneck"}) {
    header.emplace_back(name);
  }
  if (with_targets) header.emplace_back("target");
  if (with_usl) header.emplace_back("USL req/s");
  TextTable table(std::move(header));

  for (std::size_t i = 0; i < report.points.size(); ++i) {
    const PointMeasure& p = report.points[i];
    std::vector<std::string> row;
    for (const auto& [pointer, value] : p.set) row.push_back(value_text(value));
    row.push_back(throughput_text(p.throughput_rps));
    if (p.completed > 0) {
      for (double s : {p.latency_mean_s, p.latency_p50_s, p.latency_p95_s, p.latency_p99_s}) {
        row.push_back(format_seconds(s));
      }
    } else {
      row.insert(row.end(), 4, "-");
    }
    row.push_back(format_availability(p.availability));
    row.push_back(p.bottleneck.name.empty() ? "-" : bottleneck_label(p.bottleneck));
    if (with_targets) row.emplace_back(*report.meets[i] ? "met" : "missed");
    if (with_usl) {
      const auto& predicted = report.predicted_throughput_rps[i];
      row.push_back(predicted ? throughput_text(*predicted) : "-");
    }
    table.add_row(std::move(row));
  }
  // The statistic a latency target applies to stays.
  std::vector<std::string> optional;
  for (const char* column : {"mean", "p95", "p50"}) {
    if (!report.targets.latency_s || column != std::string(to_string(report.targets.statistic))) {
      optional.push_back(column);
    }
  }
  const auto dropped = table.drop_to_fit(width, optional);
  return (axis_names.empty() ? "" : "(" + axis_names + ")\n") + table.render() +
         left_out_note(dropped, width);
}

// "mean ≤ 5ms and availability ≥ 99.9%".
std::string criteria_text(const CapacityTargets& t) {
  std::string text;
  if (t.latency_s)
    text = std::string(to_string(t.statistic)) + " \u2264 " + format_seconds(*t.latency_s);
  if (t.availability) {
    if (!text.empty()) text += " and ";
    text += "availability \u2265 " + format_availability(*t.availability, 1);
  }
  return text;
}

std::string saturation_text(const SaturationReport& s, const CapacityTargets& targets) {
  const std::string note = latency_target_note(targets);
  if (!targets.any()) return section_line("Saturation", s.pointer + ": not computed: " + note);
  std::string text;
  const std::string criteria = criteria_text(targets);
  for (const SaturationLine& line : s.lines) {
    std::string fact = s.pointer;
    if (!line.fixed.empty()) fact += " at " + describe_grid_point(line.fixed);
    if (!line.rate) {
      fact += ": no rate on the grid met " + criteria + ": saturation lies below the grid";
    } else if (line.beyond_grid) {
      fact += " \u2265 " + rate_text(*line.rate) + ": every rate on the grid met " + criteria;
    } else {
      fact += " = " + rate_text(*line.rate) + ", the largest rate that met " + criteria;
    }
    if (line.headroom) {
      fact += std::string(kFactSeparator) + "headroom " + (line.beyond_grid ? "\u2265 " : "") +
              printf_string("%.3g", *line.headroom) + "x the scenario's " +
              rate_text(*s.scenario_rate);
    }
    text += section_line("Saturation", fact);
  }
  if (!note.empty()) text += section_line("", "(availability only: " + note + ")");
  return text;
}

std::string scaling_text(const ScalingReport& s) {
  std::string text;
  for (const ScalingLine& line : s.lines) {
    std::string fact = s.pointer;
    if (!line.fixed.empty()) fact += " at " + describe_grid_point(line.fixed);
    if (!line.fit) {
      text += section_line("USL", fact + ": no fit: " + line.error);
      continue;
    }
    const analysis::UslFit& fit = *line.fit;
    fact += ": sigma " + printf_string("%.3g", fit.sigma) + kFactSeparator + "kappa " +
            printf_string("%.3g", fit.kappa) + kFactSeparator + "peak N* " +
            (std::isfinite(fit.peak_n) ? format_fixed(fit.peak_n, 1) : "unbounded") +
            kFactSeparator + "r\u00b2 " + printf_string("%.4f", fit.r_squared) + kFactSeparator +
            "lambda " + throughput_text(fit.lambda) + " req/s";
    text += section_line("USL", fact);
  }
  if (!s.note.empty()) text += section_line("", "(" + s.note + ")");
  return text;
}

}  // namespace

std::string capacity_text(const ReportContext& context, const std::vector<SweepAxis>& axes,
                          std::size_t grid_points, const CapacityReport& report, bool interrupted,
                          std::size_t width) {
  std::string text = sweep_line(context, report.points.size(), grid_points, interrupted);
  text += '\n';
  text += points_table(axes, report, width);
  text += '\n';
  if (report.saturation) text += saturation_text(*report.saturation, report.targets);
  if (report.scaling) text += scaling_text(*report.scaling);
  return text;
}

}  // namespace stacksim::reports
