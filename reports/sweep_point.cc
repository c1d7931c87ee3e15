#include "reports/sweep_point.h"

#include <utility>

namespace stacksim::reports {

std::optional<LatencyStatistic> parse_latency_statistic(std::string_view name) {
  if (name == "mean") return LatencyStatistic::kMean;
  if (name == "p50") return LatencyStatistic::kP50;
  if (name == "p95") return LatencyStatistic::kP95;
  if (name == "p99") return LatencyStatistic::kP99;
  return std::nullopt;
}

const char* to_string(LatencyStatistic statistic) {
  switch (statistic) {
    case LatencyStatistic::kMean:
      return "mean";
    case LatencyStatistic::kP50:
      return "p50";
    case LatencyStatistic::kP95:
      return "p95";
    case LatencyStatistic::kP99:
      return "p99";
  }
  return "p99";
}

PointMeasure measure_point(GridPoint set, const std::vector<models::RunResult>& replications) {
  const findings::SummaryStats stats = findings::summarize(replications);
  PointMeasure point;
  point.set = std::move(set);
  point.offered = stats.offered.mean;
  point.completed = stats.completed.mean;
  point.failed = stats.failed.mean;
  point.availability = replications.empty() ? 1.0 : stats.availability.mean;
  point.throughput_rps = stats.throughput_rps.mean;
  point.latency_mean_s = stats.latency_mean_s.mean;
  point.latency_p50_s = stats.latency_p50_s.mean;
  point.latency_p95_s = stats.latency_p95_s.mean;
  point.latency_p99_s = stats.latency_p99_s.mean;
  point.bottleneck = findings::find_bottleneck(findings::mean_components(replications),
                                               findings::mean_hosts(replications));
  return point;
}

double latency_of(const PointMeasure& point, LatencyStatistic statistic) {
  switch (statistic) {
    case LatencyStatistic::kMean:
      return point.latency_mean_s;
    case LatencyStatistic::kP50:
      return point.latency_p50_s;
    case LatencyStatistic::kP95:
      return point.latency_p95_s;
    case LatencyStatistic::kP99:
      return point.latency_p99_s;
  }
  return point.latency_p99_s;
}

}  // namespace stacksim::reports
