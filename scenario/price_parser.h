#pragma once

// Reading `prices`, the monthly prices of a design's parts: for the loader (which checks the
// key) and for the commands that print a bill (scenario_prices).

#include <optional>
#include <string>
#include <vector>

#include "models/price_spec.h"
#include "scenario/loader.h"
#include "scenario/validator.h"

namespace stacksim::scenario {

// The monthly prices a loaded scenario states in `prices` (with the same overrides it was loaded
// with), or nullopt when it states none or did not load. The loader has validated the key.
[[nodiscard]] std::optional<models::PriceSpec> scenario_prices(
    const LoadResult& loaded, const std::vector<Override>& overrides);

// Reads {"core": 23.08, "memory_gib": 3.09, "host": 0, "managed_lb": 18.25} (each per month,
// non-negative, each optional: absent keys keep models/price_spec.h's defaults). Problems are
// reported through `validator`.
[[nodiscard]] models::PriceSpec read_prices(Validator& validator, const Json& value,
                                            const std::string& pointer);

}  // namespace stacksim::scenario
