#pragma once

// The JSON Schema (draft 2020-12) of scenario files: the text of schema/scenario.schema.json,
// compiled in. Editors use it to complete and check scenarios; the loader stays the authority
// (it also checks what a schema cannot say, such as names that refer to nothing), and a test
// holds the two to the same keys and words.

#include <string_view>

namespace stacksim::scenario {

[[nodiscard]] std::string_view scenario_schema_text();

}  // namespace stacksim::scenario
