#include "scenario/key_suggestion.h"

#include <algorithm>

#include "scenario/json_text.h"

namespace stacksim::scenario {

namespace {

// Names longer than this are not compared (keeps the quadratic distance cheap on any input).
constexpr std::size_t kMaxComparedLength = 64;
// Lists in messages stop after this many names.
constexpr std::size_t kMaxListed = 20;

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

bool abbreviates(std::string_view word, std::string_view candidate) {
  if (word.size() < 2 || word.size() >= candidate.size()) return false;
  if (lower(word.front()) != lower(candidate.front())) return false;
  std::size_t j = 0;
  for (const char c : candidate) {
    if (j < word.size() && lower(word[j]) == lower(c)) ++j;
  }
  return j == word.size();
}

}  // namespace

std::size_t levenshtein(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitution});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::optional<std::string> suggest(std::string_view word,
                                   const std::vector<std::string>& candidates) {
  for (const auto& candidate : candidates) {
    if (equal_ignoring_case(word, candidate)) return candidate;
  }
  if (word.size() > kMaxComparedLength) return std::nullopt;
  const std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
  const std::string* best = nullptr;
  std::size_t best_distance = limit + 1;
  for (const auto& candidate : candidates) {
    if (candidate.size() > kMaxComparedLength) continue;
    const std::size_t d = levenshtein(word, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = &candidate;
    }
  }
  if (best != nullptr) return *best;
  const std::string* abbreviated = nullptr;
  for (const auto& candidate : candidates) {
    if (candidate.size() > kMaxComparedLength || !abbreviates(word, candidate)) continue;
    if (abbreviated != nullptr) return std::nullopt;  // ambiguous
    abbreviated = &candidate;
  }
  if (abbreviated != nullptr) return *abbreviated;
  return std::nullopt;
}

std::string in_quotes(std::string_view s) {
  return Json(std::string(s)).dump(-1, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
}

std::string unknown_name_message(std::string_view what, std::string_view word,
                                 const std::vector<std::string>& candidates,
                                 std::string_view list_label, std::string_view none_label) {
  std::string message = std::string(what) + " " + in_quotes(word);
  if (const auto best = suggest(word, candidates)) {
    return message + "; did you mean " + in_quotes(*best) + "?";
  }
  if (candidates.empty()) {
    if (!none_label.empty()) message += "; " + std::string(none_label);
    return message;
  }
  return message + "; " + std::string(list_label) + ": " + name_list(candidates);
}

std::string name_list(const std::vector<std::string>& names) {
  std::string joined;
  for (std::size_t i = 0; i < names.size() && i < kMaxListed; ++i) {
    joined += (i > 0 ? ", " : "") + names[i];
  }
  if (names.size() > kMaxListed) joined += ", ...";
  return joined;
}

}  // namespace stacksim::scenario
