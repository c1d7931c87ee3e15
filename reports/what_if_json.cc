#include "reports/what_if_json.h"

#include "reports/json_numbers.h"
#include "reports/report_header_json.h"

namespace stacksim::reports {

nlohmann::ordered_json what_if_json(const ReportContext& context,
                                    const findings::WhatIfReport& report) {
  using Json = nlohmann::ordered_json;
  Json out = report_header_json(context, 1);
  out["at_s"] = report.at_s;
  out["window_s"] = report.window_s;
  out["observed_s"] = report.observed_s;
  out["interval_s"] = report.interval_s;
  out["baseline_p99_s"] = optional_or_null(report.baseline_p99_s);
  Json targets = Json::array();
  for (const auto& t : report.targets) {
    targets.push_back({{"target", t.target},
                       {"kind", t.kind},
                       {"failed", t.failed},
                       {"failed_share", t.failed_share},
                       {"p99_s", optional_or_null(t.p99_s)},
                       {"detected_after_s", optional_or_null(t.detected_after_s)},
                       {"recovered_after_s", optional_or_null(t.recovered_after_s)},
                       {"structural_failing_share", t.structural_failing_share},
                       {"offered", t.offered},
                       {"baseline_failed", t.baseline_failed}});
  }
  out["targets"] = std::move(targets);
  if (report.interrupted) out["interrupted"] = true;
  return out;
}

}  // namespace stacksim::reports
