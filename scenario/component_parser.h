#pragma once

// Private to the scenario layer: reading `components` (name -> station, dns, web, app, db or lb).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/scenario_spec.h"
#include "scenario/json_text.h"
#include "scenario/scenario_names.h"
#include "scenario/validator.h"

namespace stacksim::scenario {

// The kind a "kind" value names ("station", "dns", "web", "app", "db", "lb"), if any.
[[nodiscard]] std::optional<models::ComponentKind> component_kind_from_name(std::string_view name);

// Reads the `components` object at `pointer` into specs in file order. `names` must already
// hold the hosts (for `host` and somaxconn). Reports every problem through `validator`.
[[nodiscard]] std::vector<models::ComponentSpec> read_components(Validator& validator,
                                                                 const Json& value,
                                                                 const std::string& pointer,
                                                                 const ScenarioNames& names);

}  // namespace stacksim::scenario
