#include "reports/capacity_report.h"

#include <algorithm>
#include <array>
#include <map>
#include <string_view>
#include <utility>

#include "sim/time.h"

namespace stacksim::reports {
namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool numeric_axis(const SweepAxis& axis) {
  return !axis.values.empty() && std::all_of(axis.values.begin(), axis.values.end(),
                                             [](const auto& v) { return v.is_number(); });
}

// Every value of the axis gives a concurrency N (scaling_n).
bool concurrency_axis(const SweepAxis& axis) {
  return !axis.values.empty() &&
         std::all_of(axis.values.begin(), axis.values.end(),
                     [](const auto& v) { return scaling_n(v).has_value(); });
}

// The points that share the values of every axis but `axis`: the line's fixed values and the
// indices of its points, lines in the order their first point appears.
struct Line {
  GridPoint fixed;
  std::vector<std::size_t> members;
};

std::vector<Line> lines_along(const std::vector<PointMeasure>& points, std::size_t axis) {
  std::vector<Line> lines;
  std::map<std::string, std::size_t> index_of;  // the fixed values, dumped -> line
  for (std::size_t i = 0; i < points.size(); ++i) {
    GridPoint fixed = points[i].set;
    if (axis < fixed.size()) fixed.erase(fixed.begin() + static_cast<std::ptrdiff_t>(axis));
    const std::string key = grid_point_json(fixed).dump();
    const auto [it, added] = index_of.emplace(key, lines.size());
    if (added) lines.push_back(Line{std::move(fixed), {}});
    lines[it->second].members.push_back(i);
  }
  return lines;
}

double axis_value(const PointMeasure& point, std::size_t axis) {
  return point.set.at(axis).second.get<double>();
}

SaturationReport saturation_along(std::size_t axis, const std::vector<SweepAxis>& axes,
                                  const std::vector<PointMeasure>& points,
                                  const std::vector<std::optional<bool>>& meets, bool has_targets,
                                  std::optional<double> scenario_rate) {
  SaturationReport report;
  report.pointer = axes[axis].pointer;
  report.scenario_rate = scenario_rate;
  if (!has_targets) return report;
  for (Line& line : lines_along(points, axis)) {
    SaturationLine saturation;
    saturation.fixed = std::move(line.fixed);
    double largest = 0.0;
    bool largest_meets = false;
    bool first = true;
    for (std::size_t i : line.members) {
      const double rate = axis_value(points[i], axis);
      const bool ok = *meets[i];
      if (first || rate > largest) {
        largest = rate;
        largest_meets = ok;
      } else if (rate == largest) {
        largest_meets = largest_meets && ok;
      }
      first = false;
      if (ok && (!saturation.rate || rate > *saturation.rate)) saturation.rate = rate;
    }
    saturation.beyond_grid = largest_meets;
    if (saturation.rate && scenario_rate && *scenario_rate > 0) {
      saturation.headroom = *saturation.rate / *scenario_rate;
    }
    report.lines.push_back(std::move(saturation));
  }
  return report;
}

ScalingReport scaling_along(std::size_t axis, const std::vector<SweepAxis>& axes,
                            const std::vector<PointMeasure>& points,
                            std::vector<std::optional<double>>& predicted_by_point) {
  ScalingReport report;
  report.pointer = axes[axis].pointer;
  for (Line& line : lines_along(points, axis)) {
    ScalingLine scaling;
    scaling.fixed = std::move(line.fixed);
    for (std::size_t i : line.members) {
      scaling.n.push_back(*scaling_n(points[i].set.at(axis).second));
      scaling.throughput.push_back(points[i].throughput_rps);
    }
    const analysis::Result<analysis::UslFit> fit = analysis::fit_usl(scaling.n, scaling.throughput);
    if (fit.ok()) {
      scaling.fit = *fit;
      for (std::size_t k = 0; k < line.members.size(); ++k) {
        predicted_by_point[line.members[k]] = analysis::usl_throughput(*fit, scaling.n[k]);
      }
    } else {
      scaling.error = fit.error();
    }
    report.lines.push_back(std::move(scaling));
  }
  return report;
}

// The axis the USL is fitted along, or axes.size() when there is none.
std::size_t scaling_axis(const std::vector<SweepAxis>& axes) {
  for (std::size_t i = 0; i < axes.size(); ++i) {
    if (is_scaling_pointer(axes[i].pointer) && concurrency_axis(axes[i])) return i;
  }
  if (axes.size() == 1 && !is_rate_pointer(axes[0].pointer) && concurrency_axis(axes[0])) {
    return 0;
  }
  return axes.size();
}

}  // namespace

std::vector<double> ScalingLine::predicted() const {
  std::vector<double> throughput;
  if (!fit) return throughput;
  for (const double x : n) throughput.push_back(analysis::usl_throughput(*fit, x));
  return throughput;
}

std::optional<double> scaling_n(const nlohmann::ordered_json& value) {
  if (value.is_number_integer() && value.get<double>() >= 1) return value.get<double>();
  if (value.is_array() && !value.empty()) return static_cast<double>(value.size());
  return std::nullopt;
}

CapacityTargets capacity_targets(std::optional<double> cli_latency_s, LatencyStatistic statistic,
                                 const std::optional<models::SloSpec>& slo) {
  CapacityTargets targets;
  targets.statistic = statistic;
  if (cli_latency_s) {
    targets.latency_s = cli_latency_s;
    targets.latency_source = "--latency-target";
  } else if (slo) {
    std::optional<sim::Time> objective;
    switch (statistic) {
      case LatencyStatistic::kP99:
        objective = slo->latency_p99_ns;
        break;
      case LatencyStatistic::kP95:
        objective = slo->latency_p95_ns;
        break;
      case LatencyStatistic::kP50:
        objective = slo->latency_p50_ns;
        break;
      case LatencyStatistic::kMean:
        break;
    }
    if (objective) {
      targets.latency_s = sim::to_seconds(*objective);
      targets.latency_source = std::string("slo.latency_") + to_string(statistic);
    }
  }
  if (slo) targets.availability = slo->availability;
  return targets;
}

std::string latency_target_note(const CapacityTargets& targets) {
  if (targets.latency_s) return "";
  std::string note = "no latency target: give --latency-target D";
  if (targets.statistic != LatencyStatistic::kMean) {
    note += std::string(" or set slo.latency_") + to_string(targets.statistic) + " in the scenario";
  }
  return note;
}

bool meets_targets(const PointMeasure& point, const CapacityTargets& targets) {
  if (point.completed <= 0) return false;
  if (targets.latency_s && latency_of(point, targets.statistic) > *targets.latency_s) return false;
  if (targets.availability && point.availability < *targets.availability) return false;
  return true;
}

bool is_rate_pointer(const std::string& pointer) { return ends_with(pointer, "/rate"); }

bool is_scaling_pointer(const std::string& pointer) {
  static constexpr std::array<std::string_view, 9> kSuffixes = {"/cores",
                                                                "/servers",
                                                                "/workers",
                                                                "/worker_processes",
                                                                "/worker_connections",
                                                                "/max_connections",
                                                                "/instances",
                                                                "/users",
                                                                "/hosts"};
  return std::any_of(kSuffixes.begin(), kSuffixes.end(),
                     [&](std::string_view suffix) { return ends_with(pointer, suffix); });
}

CapacityReport capacity_report(const std::vector<SweepAxis>& axes, std::vector<PointMeasure> points,
                               const CapacityOptions& options) {
  const CapacityTargets& targets = options.targets;
  CapacityReport report;
  report.targets = targets;
  report.points = std::move(points);
  for (const PointMeasure& point : report.points) {
    report.meets.push_back(targets.any() ? std::optional<bool>(meets_targets(point, targets))
                                         : std::nullopt);
  }
  report.predicted_throughput_rps.assign(report.points.size(), std::nullopt);

  for (std::size_t i = 0; i < axes.size(); ++i) {
    if (is_rate_pointer(axes[i].pointer) && numeric_axis(axes[i])) {
      report.saturation = saturation_along(i, axes, report.points, report.meets, targets.any(),
                                           options.scenario_rate);
      return report;  // throughput follows the offered rate: no scaling law to fit
    }
  }
  const std::size_t scaling = scaling_axis(axes);
  if (scaling < axes.size()) {
    report.scaling = scaling_along(scaling, axes, report.points, report.predicted_throughput_rps);
    if (options.open_workload) {
      report.scaling->note =
          "open workload: throughput follows the offered rate until a resource saturates, so the "
          "fit measures capacity only where every point is saturated (a closed workload "
          "measures it directly)";
    }
  }
  return report;
}

}  // namespace stacksim::reports
