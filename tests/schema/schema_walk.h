#pragma once

// Which parts of a JSON Schema apply to one value of a document: enough of JSON Schema's
// semantics to hold the stacksim schemas to the loader (properties, additionalProperties, items,
// $ref within the document, allOf, oneOf/anyOf branches of the value's type, and if/then whose
// condition names keys and their const values, as tagged objects use).

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace stacksim::testing {

// The subschemas of `schema` (a whole schema document) that apply to the value at `pointer` in
// `document`, each with its own JSON pointer into the schema; empty when none does.
struct AppliedSchema {
  const nlohmann::json* node;
  std::string location;  // "#/$defs/host"
};
[[nodiscard]] std::vector<AppliedSchema> schemas_at(const nlohmann::json& schema,
                                                    const nlohmann::json& document,
                                                    const std::string& pointer);

// Every subschema of `schema` that describes a closed object (additionalProperties false), and
// every one with an enum, by location: what a test must see the loader read at least once.
[[nodiscard]] std::vector<std::string> closed_object_locations(const nlohmann::json& schema);
[[nodiscard]] std::vector<std::string> enum_locations(const nlohmann::json& schema);

// The keys a closed object subschema allows.
[[nodiscard]] std::vector<std::string> property_names(const nlohmann::json& node);

}  // namespace stacksim::testing
