#include "reports/timeline_report.h"

#include <vector>

#include "reports/json_numbers.h"
#include "reports/text_format.h"

namespace stacksim::reports {

using nlohmann::ordered_json;

ordered_json timeline_json(const findings::Timeline& timeline) {
  return ordered_json{{"queues_build_at_s", optional_or_null(timeline.queues_build_at_s)},
                      {"errors_start_at_s", optional_or_null(timeline.errors_start_at_s)},
                      {"errors_end_at_s", optional_or_null(timeline.errors_end_at_s)},
                      {"peak_error_rate", optional_or_null(timeline.peak_error_rate)},
                      {"peak_error_rate_at_s", optional_or_null(timeline.peak_error_rate_at_s)},
                      {"recovered_at_s", optional_or_null(timeline.recovered_at_s)},
                      {"recovery_s", optional_or_null(timeline.recovery_s)}};
}

std::string timeline_text(const findings::Timeline& timeline) {
  if (!timeline.has_news()) return "";
  std::vector<std::string> facts;
  if (timeline.queues_build_at_s) {
    facts.push_back("queues build at " + format_clock(*timeline.queues_build_at_s));
  }
  if (timeline.errors_start_at_s) {
    facts.push_back("errors " + format_clock(*timeline.errors_start_at_s) + "\u2013" +
                    format_clock(*timeline.errors_end_at_s) + " (peak " +
                    format_percent(*timeline.peak_error_rate, 1) + " at " +
                    format_clock(*timeline.peak_error_rate_at_s) + ")");
  }
  if (!timeline.baseline_queue_length) {
    facts.push_back("in trouble from the first interval: no normal state to judge recovery by");
  } else if (!timeline.baseline_p99_s) {
    facts.push_back("nothing completed before the trouble: no normal latency to judge recovery by");
  } else if (timeline.recovered_at_s) {
    facts.push_back("back to normal at " + format_clock(*timeline.recovered_at_s) + ", " +
                    format_duration(*timeline.recovery_s) + " after the " +
                    (timeline.errors_end_at_s ? "errors stopped" : "queues went down"));
  } else {
    facts.push_back("not recovered by the end of the run");
  }
  std::string text;
  for (const std::string& fact : facts) {
    if (!text.empty()) text += kFactSeparator;
    text += fact;
  }
  return text;
}

}  // namespace stacksim::reports
