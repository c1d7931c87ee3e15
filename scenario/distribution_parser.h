#pragma once

// Private to the scenario layer: reading a distribution (contract: "A distribution is a
// duration (a fixed value) or an object {"dist": NAME, ...}").

#include <optional>
#include <string>

#include "scenario/json_text.h"
#include "scenario/validator.h"
#include "sim/distribution.h"

namespace stacksim::scenario {

// Reads a distribution at `pointer`; reports every problem and returns nullopt when invalid.
// The result's parameters always satisfy sim::Distribution's preconditions and its mean is
// finite.
[[nodiscard]] std::optional<sim::Distribution> read_distribution(Validator& validator,
                                                                 const Json& value,
                                                                 const std::string& pointer);

}  // namespace stacksim::scenario
