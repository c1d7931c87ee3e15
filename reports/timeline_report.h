#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "findings/timeline.h"

// The timeline of a disturbance (findings::Timeline) as JSON and as one line of text.
namespace stacksim::reports {

// {"queues_build_at_s", "errors_start_at_s", "errors_end_at_s", "peak_error_rate",
// "peak_error_rate_at_s", "recovered_at_s", "recovery_s"}, null where not applicable.
[[nodiscard]] nlohmann::ordered_json timeline_json(const findings::Timeline& timeline);

// One line of facts without a label, clocks as format_clock: "queues build at 0:20:00 · errors
// 0:20:15–0:22:30 (peak 38.0% at 0:21:00) · back to normal at 0:23:45, 1.25m after the errors
// stopped". Empty when the timeline has no news.
[[nodiscard]] std::string timeline_text(const findings::Timeline& timeline);

}  // namespace stacksim::reports
