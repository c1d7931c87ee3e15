#include "scenario/overrides.h"

#include "scenario/json_pointer.h"

namespace stacksim::scenario {

namespace {

Json override_value(const std::string& text) {
  Json value = Json::parse(text, nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
  if (value.is_discarded()) return Json(text);
  return value;
}

// The value `tokens` names in `document`, or nullptr.
Json* resolve(Json& document, const std::vector<std::string>& tokens, std::size_t count) {
  Json* node = &document;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string& token = tokens[i];
    if (node->is_object()) {
      const auto it = node->find(token);
      if (it == node->end()) return nullptr;
      node = &*it;
    } else if (node->is_array()) {
      const auto index = array_index(token, node->size());
      if (!index) return nullptr;
      node = &(*node)[*index];
    } else {
      return nullptr;
    }
  }
  return node;
}

}  // namespace

std::vector<Diagnostic> apply_overrides(Json& document, const std::vector<Override>& overrides,
                                        const std::string& file) {
  std::vector<Diagnostic> problems;
  for (const Override& override : overrides) {
    const auto fail = [&](const std::string& message) {
      problems.push_back({file, override.pointer, 0, 0, "--set: " + message});
    };
    if (override.pointer.empty() || override.pointer.front() != '/') {
      fail("the path must be a JSON pointer starting with '/'");
      continue;
    }
    const std::vector<std::string> tokens = pointer_tokens(override.pointer);
    Json* parent = resolve(document, tokens, tokens.size() - 1);
    const std::string& last = tokens.back();
    if (parent != nullptr && parent->is_object()) {
      (*parent)[last] = override_value(override.value);
    } else if (parent != nullptr && parent->is_array() && last == "-") {
      parent->push_back(override_value(override.value));
    } else if (parent != nullptr && parent->is_array() && array_index(last, parent->size())) {
      (*parent)[*array_index(last, parent->size())] = override_value(override.value);
    } else {
      fail("no such location");
    }
  }
  return problems;
}

std::optional<Override> parse_override(std::string_view assignment) {
  const auto equals = assignment.find('=');
  if (equals == std::string_view::npos) return std::nullopt;
  Override result{std::string(assignment.substr(0, equals)),
                  std::string(assignment.substr(equals + 1))};
  if (result.pointer.empty() || result.pointer.front() != '/') return std::nullopt;
  return result;
}

}  // namespace stacksim::scenario
