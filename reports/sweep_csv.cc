#include "reports/sweep_csv.h"

#include <cmath>
#include <cstdio>

#include "reports/csv_format.h"

namespace stacksim::reports {
namespace {

std::string csv_value(const nlohmann::ordered_json& value) {
  if (value.is_string()) return csv_field(value.get<std::string>());
  return csv_field(value.dump());
}

}  // namespace

std::string sweep_csv(const std::vector<SweepAxis>& axes, const std::vector<PointMeasure>& points) {
  std::string csv;
  for (const SweepAxis& axis : axes) csv += csv_field(axis.pointer) + ",";
  csv +=
      "offered,completed,failed,availability,throughput_rps,latency_mean_s,latency_p50_s,"
      "latency_p95_s,latency_p99_s,bottleneck,bottleneck_resource,bottleneck_utilization\n";
  for (const PointMeasure& p : points) {
    for (const auto& [pointer, value] : p.set) csv += csv_value(value) + ",";
    for (double number : {p.offered, p.completed, p.failed, p.availability, p.throughput_rps,
                          p.latency_mean_s, p.latency_p50_s, p.latency_p95_s, p.latency_p99_s}) {
      csv += csv_number(number) + ",";
    }
    csv += csv_field(p.bottleneck.name) + ",";
    csv += csv_field(p.bottleneck.resource) + ",";
    csv += (p.bottleneck.name.empty() ? "" : csv_number(p.bottleneck.utilization)) + "\n";
  }
  return csv;
}

}  // namespace stacksim::reports
