#include "reports/comparison_json.h"

#include "reports/json_numbers.h"

namespace stacksim::reports {

nlohmann::ordered_json comparison_json(const RunComparison& comparison,
                                       const std::vector<nlohmann::ordered_json>& reports) {
  nlohmann::ordered_json out;
  out["runs"] = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < comparison.runs.size(); ++i) {
    const ComparedRun& run = comparison.runs[i];
    nlohmann::ordered_json entry;
    entry["label"] = run.label;
    entry["source"] = run.source;
    entry["simulated"] = run.simulated;
    entry["report"] = i < reports.size() ? reports[i] : nlohmann::ordered_json();
    out["runs"].push_back(std::move(entry));
  }
  out["differences"] = nlohmann::ordered_json::array();
  for (const RunDifferences& d : comparison.differences) {
    nlohmann::ordered_json entry;
    entry["label"] = d.label;
    entry["baseline"] = d.baseline;
    nlohmann::ordered_json metrics = nlohmann::ordered_json::object();
    for (const MetricDifference& m : d.metrics) {
      metrics[m.name] = {{"baseline", m.baseline},
                         {"value", m.value},
                         {"difference", m.difference},
                         {"relative", optional_or_null(m.relative)}};
    }
    entry["metrics"] = std::move(metrics);
    nlohmann::ordered_json components = nlohmann::ordered_json::object();
    for (const ComponentDifference& c : d.components) {
      components[c.name] = {{"baseline_utilization", c.baseline_utilization},
                            {"utilization", c.utilization}};
    }
    entry["components"] = std::move(components);
    entry["only_in_run"] = d.only_in_run;
    entry["only_in_baseline"] = d.only_in_baseline;
    entry["bottleneck_changed"] = d.bottleneck_changed;
    out["differences"].push_back(std::move(entry));
  }
  return out;
}

}  // namespace stacksim::reports
