#include "reports/stability_text.h"

#include <cmath>

#include "models/request.h"
#include "reports/text_format.h"

namespace stacksim::reports {

std::string stability_text(const findings::StabilityCheck& check) {
  if (!check.unstable) return "";
  std::string text = "the backlog grew without bound";
  if (!check.component.empty()) {
    text = "offered load exceeds capacity at " + escape_control(check.component) +
           ": \u03c1 \u2248 " +
           (std::isfinite(check.rho) ? format_fixed(check.rho, 2) : std::string("\u221e")) +
           " (arrivals / completed visits)";
  }
  if (check.backlog_growth_per_s > 0) {
    text += kFactSeparator + std::string("backlog +") + format_count(check.backlog_growth_per_s) +
            " requests/s";
  }
  text += kFactSeparator + format_count(check.unfinished) + " requests unfinished (availability " +
          format_availability(check.availability_with_unfinished) + " counting them)";
  if (check.stopped) {
    text += kFactSeparator + std::string("stopped at ") + format_clock(check.stopped_at_s) +
            " holding " + format_count(models::kMaxRequestsHeld) + " requests (the limit)";
  }
  return section_line("Unstable", text);
}

}  // namespace stacksim::reports
