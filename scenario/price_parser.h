#pragma once

// Private to the scenario layer: reading `prices`, the monthly prices of a design's parts.

#include <string>

#include "models/price_spec.h"
#include "scenario/validator.h"

namespace stacksim::scenario {

// Reads {"core": 23.08, "memory_gib": 3.09, "host": 0, "managed_lb": 18.25} (each per month,
// non-negative, each optional: absent keys keep models/price_spec.h's defaults). Problems are
// reported through `validator`.
[[nodiscard]] models::PriceSpec read_prices(Validator& validator, const Json& value,
                                            const std::string& pointer);

}  // namespace stacksim::scenario
