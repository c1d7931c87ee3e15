#pragma once

// Private to the scenario layer: applying `--set PATH=VALUE` overrides to a parsed document.

#include <string>
#include <vector>

#include "scenario/json_text.h"
#include "scenario/loader.h"

namespace stacksim::scenario {

// Applies the overrides in order. Each sets an existing value, adds a key to an existing object,
// replaces an array element or appends with "-"; the value is parsed as JSON, else taken as a
// string. An override whose parent does not exist (or is not an object or array) is reported as
// "FILE: /ptr: --set: no such location" and skipped. Returns the problems found.
[[nodiscard]] std::vector<Diagnostic> apply_overrides(Json& document,
                                                      const std::vector<Override>& overrides,
                                                      const std::string& file);

}  // namespace stacksim::scenario
