#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/usl_fit.h"
#include "models/scenario_spec.h"
#include "reports/sweep_grid.h"
#include "reports/sweep_point.h"

// The capacity report of a sweep: what each point sustained, where a rate sweep saturates and how
// much headroom the scenario's own rate has, and how a sweep over a resource count scales
// (Universal Scalability Law).
namespace stacksim::reports {

// What a point must achieve to count as within capacity.
struct CapacityTargets {
  LatencyStatistic statistic = LatencyStatistic::kP99;
  std::optional<double> latency_s;  // statistic <= latency_s; nullopt = latency not checked
  // Where latency_s comes from: "--latency-target", "slo.latency_p99" (or _p95, _p50); empty
  // when there is no latency target.
  std::string latency_source;
  std::optional<double> availability;  // availability >= this; the scenario's slo.availability

  // True when there is something to check.
  [[nodiscard]] bool any() const { return latency_s.has_value() || availability.has_value(); }
};

// The targets of a sweep: the latency target is `cli_latency_s` (--latency-target) when given,
// else the scenario's SLO on that statistic (slo.latency_p99, _p95 or _p50; none for the mean),
// else none; the availability target is the scenario's slo.availability when it has one.
[[nodiscard]] CapacityTargets capacity_targets(std::optional<double> cli_latency_s,
                                               LatencyStatistic statistic,
                                               const std::optional<models::SloSpec>& slo);

// Why a rate sweep's saturation point is computed without a latency target ("no latency target:
// ..."), or empty when there is one.
[[nodiscard]] std::string latency_target_note(const CapacityTargets& targets);

// True when the point completed requests and meets every target there is. Requires
// targets.any().
[[nodiscard]] bool meets_targets(const PointMeasure& point, const CapacityTargets& targets);

// True for a pointer that names an arrival rate: it ends in "/rate".
[[nodiscard]] bool is_rate_pointer(const std::string& pointer);

// True for a pointer that names a count of resources or of concurrent users: it ends in /cores,
// /servers, /workers, /worker_processes, /worker_connections, /max_connections, /instances,
// /users, or /hosts (a component's instances, one per host listed).
[[nodiscard]] bool is_scaling_pointer(const std::string& pointer);

// The concurrency N a value of a scaling axis stands for: a positive integer itself, or the
// length of a non-empty array (the hosts a component runs on); nullopt for anything else.
[[nodiscard]] std::optional<double> scaling_n(const nlohmann::ordered_json& value);

// The saturation point of one line of the grid along the rate axis (the other axes fixed).
struct SaturationLine {
  GridPoint fixed;  // the values of the other axes; empty when the rate is the only axis
  // The largest rate of the line whose point meets the targets; nullopt when none does.
  std::optional<double> rate;
  // The line's largest rate met the targets: the saturation point lies beyond the grid.
  bool beyond_grid = false;
  // rate / the scenario's own rate; nullopt without either.
  std::optional<double> headroom;
};

struct SaturationReport {
  std::string pointer;                  // the rate axis
  std::optional<double> scenario_rate;  // the rate of the scenario being swept, when known
  std::vector<SaturationLine> lines;    // one per combination of the other axes, in grid order;
                                        // empty when the targets are empty
};

// The USL fitted along the scaling axis for one line of the grid (the other axes fixed).
struct ScalingLine {
  GridPoint fixed;
  std::vector<double> n;           // scaling_n of the line's points' values, in grid order
  std::vector<double> throughput;  // measured, aligned with n
  std::optional<analysis::UslFit> fit;
  std::string error;  // why there is no fit

  // usl_throughput of the fit at each n, aligned with n (what
  // CapacityReport::predicted_throughput_rps holds for the line's points); empty without a fit.
  [[nodiscard]] std::vector<double> predicted() const;
};

struct ScalingReport {
  std::string pointer;  // the scaling axis
  std::string note;     // a caveat about the fit (an open workload); empty when none
  std::vector<ScalingLine> lines;
};

struct CapacityReport {
  CapacityTargets targets;
  std::vector<PointMeasure> points;  // grid order
  // Aligned with points: whether each met the targets; nullopt when there are no targets.
  std::vector<std::optional<bool>> meets;
  // Aligned with points: the USL's throughput at the point's N; nullopt without a fit.
  std::vector<std::optional<double>> predicted_throughput_rps;
  std::optional<SaturationReport> saturation;  // when an axis is a rate (is_rate_pointer)
  std::optional<ScalingReport> scaling;        // when an axis is a count (see capacity_report)
};

// What the capacity report needs besides the points.
struct CapacityOptions {
  CapacityTargets targets;
  // The arrival rate of the scenario without the sweep's values, for the headroom; nullopt
  // when the rate axis is not the scenario's Poisson rate.
  std::optional<double> scenario_rate;
  // The scenario's workload is open (Poisson or trace arrivals): its throughput is the offered
  // rate until the system saturates, so a USL fit measures capacity only at saturation.
  bool open_workload = false;
};

// The capacity report of the measured points of a grid over `axes` (`points` in grid order, each
// point's `set` giving a value for every axis).
//  - Saturation: along the first axis that is_rate_pointer, with numeric values, for each line
//    of the grid (the points sharing the values of the other axes): the largest rate whose point
//    meets the targets, and its headroom over options.scenario_rate. A point that completed no
//    request never meets them.
//  - Scaling, when no axis is a rate: along the first axis that is_scaling_pointer and whose
//    every value has a scaling_n, or else along the only axis when every value has one: the USL
//    fitted to (N, throughput_rps) of each line by analysis::fit_usl, with a note when the
//    workload is open.
[[nodiscard]] CapacityReport capacity_report(const std::vector<SweepAxis>& axes,
                                             std::vector<PointMeasure> points,
                                             const CapacityOptions& options);

}  // namespace stacksim::reports
