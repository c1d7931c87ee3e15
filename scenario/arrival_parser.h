#pragma once

// Private to the scenario layer: reading `workload.arrivals` (poisson with an optional rate
// profile, closed users, or a recorded trace).

#include <filesystem>
#include <string>

#include "models/scenario_spec.h"
#include "scenario/json_text.h"
#include "scenario/trace_file.h"
#include "scenario/validator.h"

namespace stacksim::scenario {

// Reads the arrivals object at `pointer` into `spec` (process, rate, profile, users, think,
// trace). A trace file is read as `files` allows (read_trace_file).
void read_arrivals(Validator& validator, const Json& value, const std::string& pointer,
                   const FileAccess& files, models::WorkloadSpec& spec);

}  // namespace stacksim::scenario
