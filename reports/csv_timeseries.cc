#include "reports/csv_timeseries.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <utility>

#include "reports/csv_format.h"

namespace stacksim::reports {
namespace {

using models::IntervalRow;
using models::RunResult;

double at(const std::vector<double>& values, std::size_t i, double missing = 0.0) {
  return i < values.size() ? values[i] : missing;
}

double throughput(const IntervalRow& row) {
  const double length = row.end_s - row.start_s;
  return length > 0 ? static_cast<double>(row.completed) / length : 0.0;
}

}  // namespace

std::string csv_timeseries(const std::vector<RunResult>& replications) {
  // Each column: its header and how to read its value from one replication's row.
  using Value = std::function<double(const IntervalRow&)>;
  std::vector<std::pair<std::string, Value>> columns = {
      {"start_s", [](const IntervalRow& row) { return row.start_s; }},
      {"end_s", [](const IntervalRow& row) { return row.end_s; }},
      {"offered", [](const IntervalRow& row) { return static_cast<double>(row.offered); }},
      {"completed", [](const IntervalRow& row) { return static_cast<double>(row.completed); }},
      {"failed", [](const IntervalRow& row) { return static_cast<double>(row.failed); }},
      {"throughput_rps", throughput},
      {"error_rate", [](const IntervalRow& row) { return row.error_rate(); }},
      {"latency_p50_s", [](const IntervalRow& row) { return row.latency_p50_s; }},
      {"latency_p99_s", [](const IntervalRow& row) { return row.latency_p99_s; }},
  };
  if (!replications.empty()) {
    const RunResult& first = replications.front();
    for (std::size_t c = 0; c < first.components.size(); ++c) {
      const std::string& name = first.components[c].name;
      columns.emplace_back(name + "_utilization", [c](const IntervalRow& row) {
        return at(row.component_utilization, c);
      });
      columns.emplace_back(name + "_queue_length", [c](const IntervalRow& row) {
        return at(row.component_queue_length, c);
      });
    }
    for (std::size_t h = 0; h < first.hosts.size(); ++h) {
      columns.emplace_back(first.hosts[h].name + "_cpu_utilization",
                           [h](const IntervalRow& row) { return at(row.host_cpu_utilization, h); });
    }
    // A row that does not say was up all along.
    for (std::size_t c = 0; c < first.components.size(); ++c) {
      columns.emplace_back(first.components[c].name + "_up",
                           [c](const IntervalRow& row) { return at(row.component_up, c, 1.0); });
    }
    for (std::size_t h = 0; h < first.hosts.size(); ++h) {
      columns.emplace_back(first.hosts[h].name + "_up",
                           [h](const IntervalRow& row) { return at(row.host_up, h, 1.0); });
    }
  }

  std::string out;
  for (std::size_t k = 0; k < columns.size(); ++k) {
    if (k > 0) out += ',';
    out += csv_field(columns[k].first);
  }
  out += '\n';

  std::size_t rows = replications.empty() ? 0 : replications.front().series.size();
  for (const auto& r : replications) rows = std::min(rows, r.series.size());
  const double n = static_cast<double>(replications.size());
  for (std::size_t i = 0; i < rows; ++i) {
    for (std::size_t k = 0; k < columns.size(); ++k) {
      double sum = 0.0;
      for (const auto& r : replications) sum += columns[k].second(r.series[i]);
      if (k > 0) out += ',';
      out += csv_number(sum / n);
    }
    out += '\n';
  }
  return out;
}

}  // namespace stacksim::reports
