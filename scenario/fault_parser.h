#pragma once

// Private to the scenario layer: reading `faults` (crashes, process crashes, maintenance, DNS
// outages, network trouble, slowdowns and cold restarts of hosts or components).

#include <string>
#include <vector>

#include "models/scenario_spec.h"
#include "scenario/json_text.h"
#include "scenario/scenario_names.h"
#include "scenario/validator.h"

namespace stacksim::scenario {

// Largest slowdown factor, of a slowdown fault or of a host's swap_slowdown: beyond it, stretched
// service times would no longer fit the clock.
inline constexpr double kMaxSlowdownFactor = 1e6;

// Reads the `faults` array at `pointer`. Each kind accepts only its own keys and targets: a host
// or a component of `names`, restricted by kind (network: a host; dns_outage: a dns component;
// cold_restart: a db component; process_crash and slowdown: a component other than dns), or one
// instance "<component>@<host>" where its component is accepted. Rolling maintenance needs a
// component with several hosts.
[[nodiscard]] std::vector<models::FaultSpec> read_faults(Validator& validator, const Json& value,
                                                         const std::string& pointer,
                                                         const ScenarioNames& names);

}  // namespace stacksim::scenario
