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

// One column of the series: its wide header, its long (metric, target), and how to read its
// value from one replication's row.
struct Column {
  std::string header;
  std::string metric;
  std::string target;
  std::function<double(const IntervalRow&)> value;
};

std::vector<Column> series_columns(const std::vector<RunResult>& replications) {
  using Value = std::function<double(const IntervalRow&)>;
  std::vector<Column> columns;
  auto system = [&](const char* name, Value value) {
    columns.push_back({name, name, "system", std::move(value)});
  };
  system("start_s", [](const IntervalRow& row) { return row.start_s; });
  system("end_s", [](const IntervalRow& row) { return row.end_s; });
  system("offered", [](const IntervalRow& row) { return static_cast<double>(row.offered); });
  system("completed", [](const IntervalRow& row) { return static_cast<double>(row.completed); });
  system("failed", [](const IntervalRow& row) { return static_cast<double>(row.failed); });
  system("throughput_rps", throughput);
  system("error_rate", [](const IntervalRow& row) { return row.error_rate(); });
  system("latency_p50_s", [](const IntervalRow& row) { return row.latency_p50_s; });
  system("latency_p99_s", [](const IntervalRow& row) { return row.latency_p99_s; });
  if (replications.empty()) return columns;
  const RunResult& first = replications.front();
  auto add = [&](const std::string& target, const char* metric, Value value) {
    columns.push_back({target + "_" + metric, metric, target, std::move(value)});
  };
  for (std::size_t c = 0; c < first.components.size(); ++c) {
    const std::string& name = first.components[c].name;
    add(name, "utilization",
        [c](const IntervalRow& row) { return at(row.component_utilization, c); });
    add(name, "queue_length",
        [c](const IntervalRow& row) { return at(row.component_queue_length, c); });
  }
  for (std::size_t h = 0; h < first.hosts.size(); ++h) {
    add(first.hosts[h].name, "cpu_utilization",
        [h](const IntervalRow& row) { return at(row.host_cpu_utilization, h); });
  }
  // A row that does not say was up all along.
  for (std::size_t c = 0; c < first.components.size(); ++c) {
    add(first.components[c].name, "up",
        [c](const IntervalRow& row) { return at(row.component_up, c, 1.0); });
  }
  for (std::size_t h = 0; h < first.hosts.size(); ++h) {
    add(first.hosts[h].name, "up", [h](const IntervalRow& row) { return at(row.host_up, h, 1.0); });
  }
  return columns;
}

// The rows every replication has, and a column's mean over the replications at row i.
std::size_t common_rows(const std::vector<RunResult>& replications) {
  std::size_t rows = replications.empty() ? 0 : replications.front().series.size();
  for (const auto& r : replications) rows = std::min(rows, r.series.size());
  return rows;
}

double mean_at(const std::vector<RunResult>& replications, const Column& column, std::size_t i) {
  double sum = 0.0;
  for (const auto& r : replications) sum += column.value(r.series[i]);
  return sum / static_cast<double>(replications.size());
}

}  // namespace

std::string csv_timeseries(const std::vector<RunResult>& replications) {
  const std::vector<Column> columns = series_columns(replications);
  std::string out;
  for (std::size_t k = 0; k < columns.size(); ++k) {
    if (k > 0) out += ',';
    out += csv_field(columns[k].header);
  }
  out += '\n';
  const std::size_t rows = common_rows(replications);
  for (std::size_t i = 0; i < rows; ++i) {
    for (std::size_t k = 0; k < columns.size(); ++k) {
      if (k > 0) out += ',';
      out += csv_number(mean_at(replications, columns[k], i));
    }
    out += '\n';
  }
  return out;
}

std::string csv_timeseries_long(const std::vector<RunResult>& replications) {
  const std::vector<Column> columns = series_columns(replications);
  std::string out = "start_s,end_s,metric,target,value\n";
  const std::size_t rows = common_rows(replications);
  // The first two columns are the interval itself.
  for (std::size_t i = 0; i < rows; ++i) {
    const std::string interval = csv_number(mean_at(replications, columns[0], i)) + "," +
                                 csv_number(mean_at(replications, columns[1], i)) + ",";
    for (std::size_t k = 2; k < columns.size(); ++k) {
      out += interval + csv_field(columns[k].metric) + "," + csv_field(columns[k].target) + "," +
             csv_number(mean_at(replications, columns[k], i)) + "\n";
    }
  }
  return out;
}

}  // namespace stacksim::reports
