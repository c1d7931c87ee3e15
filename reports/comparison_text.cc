#include "reports/comparison_text.h"

#include "reports/text_format.h"
#include "reports/text_table.h"

namespace stacksim::reports {

std::string metric_title(const std::string& name) {
  if (name == "availability") return "availability (requests)";
  if (name == "availability_by_time") return "availability (time)";
  if (name == "throughput_rps") return "throughput (req/s)";
  if (name == "latency_mean_s") return "mean latency";
  if (name == "latency_p50_s") return "p50 latency";
  if (name == "latency_p99_s") return "p99 latency";
  if (name == "latency_p999_s") return "p99.9 latency";
  if (name == "failed") return "failed requests";
  return name;
}

std::string format_metric(const std::string& name, double value) {
  if (name.rfind("availability", 0) == 0) return format_availability(value);
  if (name == "throughput_rps") return format_fixed(value, 1);
  if (name.rfind("latency", 0) == 0) return format_seconds(value);
  return format_count(value);
}

std::string comparison_text(const RunComparison& comparison, std::size_t width) {
  std::string out = "stacksim compare \u2014 " + std::to_string(comparison.runs.size()) +
                    " runs, each against " + comparison.runs.front().label + "\n\n";
  std::vector<std::string> header = {"Metric"};
  for (const auto& r : comparison.runs) header.push_back(r.label);
  TextTable summary(header);
  const auto names =
      metric_differences(comparison.runs.front().digest, comparison.runs.front().digest);
  for (const auto& m : names) {
    std::vector<std::string> row = {metric_title(m.name)};
    for (const auto& r : comparison.runs) {
      for (const auto& v : metric_differences(comparison.runs.front().digest, r.digest)) {
        if (v.name == m.name) row.push_back(format_metric(m.name, v.value));
      }
    }
    summary.add_row(std::move(row));
  }
  std::vector<std::string> bottleneck = {"bottleneck"};
  for (const auto& r : comparison.runs) {
    bottleneck.push_back(r.digest.bottleneck.empty() ? "-" : r.digest.bottleneck);
  }
  summary.add_row(std::move(bottleneck));
  std::vector<std::string> later_runs;
  for (std::size_t i = comparison.runs.size(); i-- > 2;)
    later_runs.push_back(comparison.runs[i].label);
  const auto dropped = summary.drop_to_fit(width, later_runs);
  out += summary.render() + left_out_note(dropped, width);

  std::vector<std::string> names_seen;
  TextTable components([&] {
    std::vector<std::string> h = {"Utilisation"};
    for (const auto& r : comparison.runs) h.push_back(r.label);
    return h;
  }());
  for (const auto& r : comparison.runs) {
    for (const auto& c : r.digest.components) {
      if (std::find(names_seen.begin(), names_seen.end(), c.name) != names_seen.end()) continue;
      names_seen.push_back(c.name);
      std::vector<std::string> row = {c.name};
      for (const auto& other : comparison.runs) {
        std::string cell = "-";
        for (const auto& oc : other.digest.components) {
          if (oc.name == c.name) cell = format_percent(oc.utilization, 1);
        }
        row.push_back(cell);
      }
      components.add_row(std::move(row));
    }
  }
  const auto dropped_too = components.drop_to_fit(width, later_runs);
  out += "\n" + components.render() + left_out_note(dropped_too, width);

  for (const RunDifferences& d : comparison.differences) {
    std::string line;
    for (const MetricDifference& m : d.metrics) {
      if (m.difference == 0) continue;
      if (!line.empty()) line += kFactSeparator;
      line += metric_title(m.name) + " ";
      line += m.relative ? format_signed_percent(*m.relative, 1)
                         : (m.difference > 0 ? "+" : "") + format_metric(m.name, m.difference);
    }
    if (line.empty()) line = "no difference in the summary";
    if (d.bottleneck_changed) line += kFactSeparator + std::string("bottleneck moved");
    out += "\n" + d.label + " against " + d.baseline + ": " + line + "\n";
  }
  return out;
}

}  // namespace stacksim::reports
