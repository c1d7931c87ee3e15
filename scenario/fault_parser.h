#pragma once

// Private to the scenario layer: reading `faults` (crash and maintenance of hosts or components).

#include <string>
#include <vector>

#include "models/scenario_spec.h"
#include "scenario/json_text.h"
#include "scenario/scenario_names.h"
#include "scenario/validator.h"

namespace stacksim::scenario {

// Reads the `faults` array at `pointer`; targets must name a host or a component of `names`.
[[nodiscard]] std::vector<models::FaultSpec> read_faults(Validator& validator, const Json& value,
                                                         const std::string& pointer,
                                                         const ScenarioNames& names);

}  // namespace stacksim::scenario
