#pragma once

// Private to the scenario layer: the JSON text of a scenario and where things are in it.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/loader.h"

namespace stacksim::scenario {

// Objects keep the file's key order (components, hosts and mix are ordered by the file).
using Json = nlohmann::ordered_json;

struct ParsedJson {
  std::optional<Json> document;      // set unless there was a syntax error
  std::vector<Diagnostic> problems;  // the syntax error, or duplicate keys (with their pointers)
};

// Parses JSON with // and /* */ comments. A syntax error becomes one Diagnostic with a 1-based
// line and column; a key given twice in one object becomes a Diagnostic at its pointer (the
// last value is kept). Never throws.
[[nodiscard]] ParsedJson parse_json_text(std::string_view text, const std::string& file);

struct LineColumn {
  int line = 1;
  int column = 1;
};

// Line and column (1-based, columns counted in UTF-8 characters) of the byte that nlohmann's
// parser reports as `byte`: 1 names the first byte, text.size() + 1 the end of input.
[[nodiscard]] LineColumn line_column_of_byte(std::string_view text, std::size_t byte);

// nlohmann's exception text without its "[json.exception...] parse error at line L, column C: "
// prefix, e.g. "syntax error while parsing object - unexpected '}'; expected string literal".
[[nodiscard]] std::string clean_json_error_message(std::string_view what);

// Short human form of a JSON value for messages: strings quoted (and shortened), numbers,
// true/false/null, "an array", "an object". Never throws.
[[nodiscard]] std::string describe_json(const Json& value);

}  // namespace stacksim::scenario
