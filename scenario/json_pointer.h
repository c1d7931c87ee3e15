#pragma once

// Private to the scenario layer: building JSON pointers and ordering them by the document.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/json_text.h"

namespace stacksim::scenario {

// `parent` + "/" + the escaped token (~ -> ~0, / -> ~1).
[[nodiscard]] std::string child_pointer(const std::string& parent, std::string_view key);
[[nodiscard]] std::string child_pointer(const std::string& parent, std::size_t index);

// The unescaped tokens of a pointer ("/a~1b/0" -> {"a/b", "0"}); "" -> {}.
[[nodiscard]] std::vector<std::string> pointer_tokens(std::string_view pointer);

// The index an array reference token stands for: decimal digits without a leading zero ("0"
// itself aside), as RFC 6901 requires; nullopt for any other token or an index not below `size`.
[[nodiscard]] std::optional<std::size_t> array_index(std::string_view token, std::size_t size);

// Where `pointer` lies in `document`, as the index of each token within its container (file
// order of object keys, array index); a token that names nothing maps to SIZE_MAX and ends the
// walk. Sorting diagnostics by this puts them in document order.
[[nodiscard]] std::vector<std::size_t> document_position(const Json& document,
                                                         std::string_view pointer);

}  // namespace stacksim::scenario
