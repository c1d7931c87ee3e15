#include "reports/capacity_json.h"

#include <cmath>
#include <optional>
#include <utility>

#include "reports/json_numbers.h"
#include "reports/json_report.h"

namespace stacksim::reports {
namespace {

using nlohmann::ordered_json;

// A rate or count: an integer when whole, as the axis values are written.
ordered_json number_or_null(const std::optional<double>& value) {
  if (!value) return nullptr;
  return std::isfinite(*value) ? count_json(*value) : ordered_json(nullptr);
}

ordered_json point_json(const PointMeasure& p, const std::optional<bool>& meets,
                        const std::optional<double>& predicted) {
  ordered_json j;
  j["set"] = grid_point_json(p.set);
  j["throughput_rps"] = p.throughput_rps;
  j["latency_s"] = ordered_json{{"mean", p.latency_mean_s},
                                {"p50", p.latency_p50_s},
                                {"p95", p.latency_p95_s},
                                {"p99", p.latency_p99_s}};
  j["availability"] = p.availability;
  j["bottleneck"] = bottleneck_json(p.bottleneck);
  j["meets_targets"] = optional_or_null(meets);
  if (predicted) j["usl_throughput_rps"] = finite_or_null(*predicted);
  return j;
}

ordered_json saturation_json(const SaturationReport& s, const CapacityTargets& targets) {
  ordered_json j;
  j["pointer"] = s.pointer;
  j["scenario_rate"] = number_or_null(s.scenario_rate);
  if (const std::string note = latency_target_note(targets); !note.empty()) j["note"] = note;
  ordered_json lines = ordered_json::array();
  for (const SaturationLine& line : s.lines) {
    lines.push_back(ordered_json{{"fixed", grid_point_json(line.fixed)},
                                 {"rate", number_or_null(line.rate)},
                                 {"beyond_grid", line.beyond_grid},
                                 {"headroom", optional_or_null(line.headroom)}});
  }
  j["lines"] = std::move(lines);
  return j;
}

ordered_json usl_json(const analysis::UslFit& fit) {
  return ordered_json{{"lambda", fit.lambda},
                      {"sigma", fit.sigma},
                      {"kappa", fit.kappa},
                      {"peak_n", finite_or_null(fit.peak_n)},
                      {"r_squared", fit.r_squared}};
}

ordered_json scaling_json(const ScalingReport& s) {
  ordered_json j;
  j["pointer"] = s.pointer;
  if (!s.note.empty()) j["note"] = s.note;
  ordered_json lines = ordered_json::array();
  for (const ScalingLine& line : s.lines) {
    ordered_json item;
    item["fixed"] = grid_point_json(line.fixed);
    item["usl"] = line.fit ? usl_json(*line.fit) : ordered_json(nullptr);
    if (!line.fit) item["error"] = line.error;
    const std::vector<double> predicted = line.predicted();
    ordered_json points = ordered_json::array();
    for (std::size_t i = 0; i < line.n.size(); ++i) {
      ordered_json point{{"n", count_json(line.n[i])}, {"throughput_rps", line.throughput[i]}};
      if (i < predicted.size()) point["usl_throughput_rps"] = predicted[i];
      points.push_back(std::move(point));
    }
    item["points"] = std::move(points);
    lines.push_back(std::move(item));
  }
  j["lines"] = std::move(lines);
  return j;
}

}  // namespace

ordered_json capacity_json(const CapacityReport& report) {
  const CapacityTargets& t = report.targets;
  ordered_json j;
  j["latency_statistic"] = to_string(t.statistic);
  j["latency_target_s"] = optional_or_null(t.latency_s);
  j["latency_target_from"] =
      t.latency_source.empty() ? ordered_json(nullptr) : ordered_json(t.latency_source);
  j["availability_target"] = optional_or_null(t.availability);
  ordered_json points = ordered_json::array();
  for (std::size_t i = 0; i < report.points.size(); ++i) {
    points.push_back(
        point_json(report.points[i], report.meets[i], report.predicted_throughput_rps[i]));
  }
  j["points"] = std::move(points);
  if (report.saturation) j["saturation"] = saturation_json(*report.saturation, t);
  if (report.scaling) j["scaling"] = scaling_json(*report.scaling);
  return j;
}

}  // namespace stacksim::reports
