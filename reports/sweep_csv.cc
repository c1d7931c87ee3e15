#include "reports/sweep_csv.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "reports/csv_format.h"

namespace stacksim::reports {
namespace {

std::string csv_value(const nlohmann::ordered_json& value) {
  if (value.is_string()) return csv_field(value.get<std::string>());
  return csv_field(value.dump());
}

}  // namespace

std::string sweep_csv(const std::vector<SweepAxis>& axes, const std::vector<PointMeasure>& points) {
  std::vector<std::string> components;
  std::set<std::string> causes;
  bool intervals = false;
  for (const PointMeasure& p : points) {
    for (const auto& [name, utilization] : p.component_utilization) {
      if (std::find(components.begin(), components.end(), name) == components.end()) {
        components.push_back(name);
      }
    }
    for (const auto& [cause, n] : p.failures_by_cause) causes.insert(cause);
    intervals = intervals || p.replications > 1;
  }

  std::string csv;
  for (const SweepAxis& axis : axes) csv += csv_field(axis.pointer) + ",";
  csv +=
      "offered,completed,failed,availability,throughput_rps,latency_mean_s,latency_p50_s,"
      "latency_p95_s,latency_p99_s,bottleneck,bottleneck_resource,bottleneck_utilization";
  for (const std::string& name : components) {
    csv += ',';
    csv += csv_field(std::string("utilization_").append(name));
  }
  for (const std::string& cause : causes) {
    csv += ',';
    csv += csv_field(std::string("failed_").append(cause));
  }
  if (intervals) {
    csv +=
        ",availability_low,availability_high,throughput_rps_low,throughput_rps_high,"
        "latency_mean_s_low,latency_mean_s_high,latency_p99_s_low,latency_p99_s_high";
  }
  csv += "\n";
  for (const PointMeasure& p : points) {
    for (const auto& [pointer, value] : p.set) csv += csv_value(value) + ",";
    for (double number : {p.offered, p.completed, p.failed, p.availability, p.throughput_rps,
                          p.latency_mean_s, p.latency_p50_s, p.latency_p95_s, p.latency_p99_s}) {
      csv += csv_number(number) + ",";
    }
    csv += csv_field(p.bottleneck.name) + ",";
    csv += csv_field(p.bottleneck.resource) + ",";
    csv += p.bottleneck.name.empty() ? "" : csv_number(p.bottleneck.utilization);
    for (const std::string& name : components) {
      csv += ",";
      for (const auto& [component, utilization] : p.component_utilization) {
        if (component == name) csv += csv_number(utilization);
      }
    }
    for (const std::string& cause : causes) {
      const auto found = p.failures_by_cause.find(cause);
      csv += ',';
      csv += csv_number(found == p.failures_by_cause.end() ? 0.0 : found->second);
    }
    if (intervals) {
      for (const findings::Interval* i : {&p.availability_interval, &p.throughput_interval,
                                          &p.latency_mean_interval, &p.latency_p99_interval}) {
        csv += ',';
        csv += csv_number(i->low());
        csv += ',';
        csv += csv_number(i->high());
      }
    }
    csv += "\n";
  }
  return csv;
}

}  // namespace stacksim::reports
