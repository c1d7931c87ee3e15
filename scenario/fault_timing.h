#pragma once

// Private to the scenario layer: a scheduled fault must happen within the run. Fault times are
// on the scenario clock (0 = the start of the simulation, warm-up included), and a window that
// starts when the run has already ended would be silently ignored.

#include <string>
#include <vector>

#include "models/scenario_spec.h"
#include "scenario/validator.h"

namespace stacksim::scenario {

// Reports, at the "at", "start" or "windows" of the fault, every scheduled fault of `faults`
// (read from the array `value` at `pointer` by read_faults) whose first window starts at or
// after `run_end_ns` (warmup + duration), and every listed window that does.
void check_faults_within_run(Validator& validator, const Json& value, const std::string& pointer,
                             const std::vector<models::FaultSpec>& faults, sim::Time run_end_ns);

}  // namespace stacksim::scenario
