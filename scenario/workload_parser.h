#pragma once

// Private to the scenario layer: reading `workload` (arrivals, request mix, DNS name, clients and
// how they time out and retry).

#include <filesystem>
#include <string>

#include "models/scenario_spec.h"
#include "scenario/json_text.h"
#include "scenario/scenario_names.h"
#include "scenario/trace_file.h"
#include "scenario/validator.h"

namespace stacksim::scenario {

// Reads the `workload` object at `pointer`. `names` must hold the components and their kinds
// (mix paths name components; a hostname needs a dns component). A trace file is read as
// `files` allows.
[[nodiscard]] models::WorkloadSpec read_workload(Validator& validator, const Json& value,
                                                 const std::string& pointer,
                                                 const ScenarioNames& names,
                                                 const FileAccess& files);

}  // namespace stacksim::scenario
