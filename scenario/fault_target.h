#pragma once

// Private to the scenario layer: the `target` of a fault (a host, a component, or one instance
// "<component>@<host>" of a component that runs on several hosts).

#include <string>
#include <string_view>

#include "scenario/scenario_names.h"
#include "scenario/validator.h"

namespace stacksim::scenario {

// What a fault kind may target.
enum class Targets { kHostOrComponent, kComponentNotDns, kDnsComponent, kDbComponent, kHost };

// What a fault's target turned out to name.
enum class TargetIs { kInvalid, kHost, kComponent, kInstance };

// Reads the required "target" of a fault of kind `fault_kind` into `target`. An instance
// "<component>@<host>" is accepted wherever its component would be, when the component names
// that host in "host" or "hosts"; for a component with one instance it stands for the component
// and `target` becomes the component's name. Reports a target of the wrong sort, an unknown one
// (with the nearest name) or an instance on a host the component does not run on.
TargetIs read_fault_target(ObjectFields& fields, const ScenarioNames& names, Targets targets,
                           std::string_view fault_kind, std::string& target);

}  // namespace stacksim::scenario
