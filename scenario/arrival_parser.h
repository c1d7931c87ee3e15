#pragma once

// Private to the scenario layer: reading `workload.arrivals` (poisson with an optional rate
// profile, closed users, or a recorded trace).

#include <filesystem>
#include <string>

#include "models/scenario_spec.h"
#include "scenario/json_text.h"
#include "scenario/validator.h"

namespace stacksim::scenario {

// Reads the arrivals object at `pointer` into `spec` (process, rate, profile, users, think,
// trace). A trace file is found relative to `base_directory` (empty = the current directory).
void read_arrivals(Validator& validator, const Json& value, const std::string& pointer,
                   const std::filesystem::path& base_directory, models::WorkloadSpec& spec);

}  // namespace stacksim::scenario
