#include "scenario/fault_timing.h"

#include <cstdio>

#include "scenario/json_pointer.h"

namespace stacksim::scenario {
namespace {

// Seconds on the scenario clock, as "10800 s".
std::string seconds_text(sim::Time ns) {
  char text[48];
  std::snprintf(text, sizeof text, "%.9g s", sim::to_seconds(ns));
  return text;
}

std::string too_late(sim::Time start_ns, sim::Time run_end_ns) {
  return "the window starts at " + seconds_text(start_ns) +
         " on the scenario clock, when the run has ended (warmup + duration = " +
         seconds_text(run_end_ns) + "); it would never happen";
}

}  // namespace

void check_faults_within_run(Validator& validator, const Json& value, const std::string& pointer,
                             const std::vector<models::FaultSpec>& faults, sim::Time run_end_ns) {
  if (!value.is_array()) return;
  // read_faults keeps the objects with a known kind, in order: match them by their kind.
  std::size_t next = 0;
  for (std::size_t i = 0; i < value.size() && next < faults.size(); ++i) {
    const Json& body = value[i];
    if (!body.is_object()) continue;
    const auto kind = body.find("kind");
    if (kind == body.end() || !kind->is_string() ||
        kind->get<std::string>() != models::to_string(faults[next].kind)) {
      continue;
    }
    const models::FaultSpec& fault = faults[next++];
    if (fault.is_random()) continue;
    const std::string fault_pointer = child_pointer(pointer, i);
    if (body.contains("windows")) {
      for (const models::FaultWindow& w : fault.windows) {
        if (w.start_ns >= run_end_ns) {
          validator.error(child_pointer(fault_pointer, "windows"),
                          too_late(w.start_ns, run_end_ns));
        }
      }
    } else if (body.contains("at")) {
      if (!fault.windows.empty() && fault.windows.front().start_ns >= run_end_ns) {
        validator.error(child_pointer(fault_pointer, "at"),
                        too_late(fault.windows.front().start_ns, run_end_ns));
      }
    } else if (body.contains("start") && fault.start_ns >= run_end_ns) {
      validator.error(child_pointer(fault_pointer, "start"), too_late(fault.start_ns, run_end_ns));
    }
  }
}

}  // namespace stacksim::scenario
