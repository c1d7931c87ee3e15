#include "reports/report_header_json.h"

namespace stacksim::reports {

nlohmann::ordered_json report_header_json(const ReportContext& context, std::size_t replications) {
  nlohmann::ordered_json j;
  j["schema_version"] = 1;
  j["tool_version"] = context.tool_version;
  j["scenario"] = nlohmann::ordered_json{{"name", context.scenario_name},
                                         {"sha256", context.scenario_sha256},
                                         {"file", context.scenario_file}};
  j["seed"] = context.seed;
  j["duration_s"] = context.duration_s;
  j["warmup_s"] = context.warmup_s;
  j["replications"] = replications;
  return j;
}

}  // namespace stacksim::reports
