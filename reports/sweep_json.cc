#include "reports/sweep_json.h"

#include <utility>

#include "reports/capacity_json.h"
#include "reports/json_report.h"
#include "reports/report_header_json.h"

namespace stacksim::reports {

using nlohmann::ordered_json;

ordered_json sweep_json(const ReportContext& context, const std::vector<SweepAxis>& axes,
                        const std::vector<SweepPointRun>& points, const CapacityReport& capacity,
                        bool interrupted) {
  ordered_json j = report_header_json(context, static_cast<std::size_t>(context.replications));
  if (interrupted) j["interrupted"] = true;

  ordered_json vary = ordered_json::array();
  for (const SweepAxis& axis : axes) {
    ordered_json values = ordered_json::array();
    for (const auto& value : axis.values) values.push_back(value);
    vary.push_back(ordered_json{{"pointer", axis.pointer}, {"values", std::move(values)}});
  }
  j["vary"] = std::move(vary);

  ordered_json list = ordered_json::array();
  for (std::size_t i = 0; i < points.size(); ++i) {
    ordered_json point;
    point["set"] = grid_point_json(points[i].set);
    point["summary"] = summary_json(points[i].replications);
    point["components"] = components_json(points[i].replications);
    point["bottleneck"] = bottleneck_json(capacity.points.at(i).bottleneck);
    list.push_back(std::move(point));
  }
  j["points"] = std::move(list);
  j["capacity"] = capacity_json(capacity);
  return j;
}

}  // namespace stacksim::reports
