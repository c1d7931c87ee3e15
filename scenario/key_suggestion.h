#pragma once

// Private to the scenario layer: "did you mean" suggestions for misspelled keys and names.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stacksim::scenario {

// Edit distance (insertions, deletions, substitutions) between two byte strings.
[[nodiscard]] std::size_t levenshtein(std::string_view a, std::string_view b);

// The candidate `word` most likely stands for, if any: an exact case-insensitive match, else
// the nearest by Levenshtein distance when that distance is <= max(2, len(word) / 3) (first
// candidate on ties), else the only candidate that `word` abbreviates (same first letter, the
// rest a subsequence: "srv1" -> "server1").
[[nodiscard]] std::optional<std::string> suggest(std::string_view word,
                                                 const std::vector<std::string>& candidates);

// `what "word"; did you mean "x"?`, or `what "word"; LIST_LABEL: a, b, c` (or `; NONE_LABEL`
// when there are no candidates). Used for unknown keys, kinds, host and component names.
[[nodiscard]] std::string unknown_name_message(std::string_view what, std::string_view word,
                                               const std::vector<std::string>& candidates,
                                               std::string_view list_label,
                                               std::string_view none_label = "");

// "a, b, c": the names for a message, the first 20 of them, then ", ..." when there are more.
[[nodiscard]] std::string name_list(const std::vector<std::string>& names);

// JSON string literal of `s` for messages ("servers" -> "\"servers\""); never throws.
[[nodiscard]] std::string in_quotes(std::string_view s);

}  // namespace stacksim::scenario
