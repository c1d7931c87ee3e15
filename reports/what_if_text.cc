#include "reports/what_if_text.h"

#include <sstream>

#include "reports/text_format.h"
#include "reports/text_table.h"

namespace stacksim::reports {

namespace {

std::string seconds_or(const std::optional<double>& seconds, const char* none) {
  return seconds ? format_seconds(*seconds) : none;
}

}  // namespace

std::string what_if_text(const std::string& scenario_name, const findings::WhatIfReport& report,
                         std::size_t width) {
  std::ostringstream out;
  out << "What if one target fails: " << scenario_name << ", each target down for "
      << format_duration(report.window_s) << " from " << format_clock(report.at_s)
      << ", measured until " << format_duration(report.observed_s) << " after it failed\n";
  out << "Normal p99 over the window: " << seconds_or(report.baseline_p99_s, "-") << "\n\n";
  TextTable table(
      {"target", "kind", "failed", "share", "p99", "noticed after", "normal after", "graph says"});
  for (const auto& t : report.targets) {
    const bool failures = t.failed > t.baseline_failed;
    table.add_row({t.target, t.kind, format_count(static_cast<double>(t.failed)),
                   format_percent(t.failed_share, 1), seconds_or(t.p99_s, "-"),
                   seconds_or(t.detected_after_s, failures ? "never" : "-"),
                   seconds_or(t.recovered_after_s, "not yet"),
                   format_percent(t.structural_failing_share, 1) + " fails"});
  }
  const auto dropped = table.drop_to_fit(width, {"kind", "failed", "p99"});
  out << table.render() << left_out_note(dropped, width);
  out << "\n\"failed\": requests failed from the failure to the end of the run; \"share\":\n"
         "those beyond the normal run's failures, per request offered during the window.\n"
         "\"noticed after\": when requests stopped failing while the target was still down\n"
         "(health checks, failover, caches); \"never\": they failed until it came back.\n"
         "\"graph says\": the traffic share whose request classes lose every path (stacksim\n"
         "graph), which ignores timeouts, retries, caches and instance affinity.\n";
  if (report.interrupted) out << "Interrupted: only the targets that finished are shown.\n";
  return out.str();
}

}  // namespace stacksim::reports
