#include "reports/bottleneck_text.h"

#include <vector>

#include "reports/text_format.h"

namespace stacksim::reports {

std::string bottleneck_label(const findings::Bottleneck& b) {
  if (b.name.empty()) return "";
  std::string what = b.resource;
  if (b.resource == "workers") what = "workers (PHP-FPM children)";
  if (b.resource == "backlog") what = "backlog (accept queue)";
  return escape_control(b.name) + " " + what;
}

std::string bottleneck_text(const findings::Bottleneck& b) {
  if (b.name.empty()) return "";
  std::vector<std::string> facts;
  if (b.resource == "down") {
    facts.push_back("down " + format_duration(b.down_s) + " (" + format_percent(b.utilization, 3) +
                    " of the measured time)");
    facts.push_back("most failed requests failed because of faults");
  } else if (b.resource == "memory") {
    facts.push_back("demand over memory " + format_percent(b.memory_over_share, 1) +
                    " of the time");
    if (b.oom_kills > 0) facts.push_back(format_count(b.oom_kills) + " OOM kills");
    facts.push_back("mean demand " + format_percent(b.utilization, 1) + " of memory");
  } else {
    if (b.rejected > 0) {
      // A host's cores picked by the rejections of a component on it.
      facts.push_back(format_count(b.rejected) + " requests rejected" +
                      (b.resource == "cpu" ? " by what runs on it" : ""));
    }
    facts.push_back((b.resource == "cpu" ? "utilization " : "busy ") +
                    format_percent(b.utilization, 1));
    if (b.wait_share) {
      facts.push_back(format_percent(*b.wait_share, 1) + " of latency spent waiting for it");
    }
    if (b.because == "busiest") facts.push_back("the busiest resource; nothing limits yet");
  }
  std::string text = bottleneck_label(b) + ": ";
  for (std::size_t i = 0; i < facts.size(); ++i) {
    if (i > 0) text += kFactSeparator;
    text += facts[i];
  }
  return text;
}

}  // namespace stacksim::reports
