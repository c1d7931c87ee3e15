#include "scenario/json_pointer.h"

#include <limits>

namespace stacksim::scenario {

std::string child_pointer(const std::string& parent, std::string_view key) {
  std::string out = parent;
  out.reserve(parent.size() + key.size() + 1);
  out += '/';
  for (const char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string child_pointer(const std::string& parent, std::size_t index) {
  return parent + "/" + std::to_string(index);
}

std::vector<std::string> pointer_tokens(std::string_view pointer) {
  std::vector<std::string> tokens;
  if (pointer.empty()) return tokens;
  // A pointer is "/" followed by tokens separated by "/"; a leading character other than "/"
  // is taken as part of the first token.
  if (pointer.front() == '/') pointer.remove_prefix(1);
  std::string token;
  for (std::size_t i = 0; i <= pointer.size(); ++i) {
    if (i == pointer.size() || pointer[i] == '/') {
      tokens.push_back(std::move(token));
      token.clear();
    } else if (pointer[i] == '~' && i + 1 < pointer.size() &&
               (pointer[i + 1] == '0' || pointer[i + 1] == '1')) {
      token += pointer[i + 1] == '0' ? '~' : '/';
      ++i;
    } else {
      token += pointer[i];
    }
  }
  return tokens;
}

std::optional<std::size_t> array_index(std::string_view token, std::size_t size) {
  if (token.empty() || token.size() > 18 || (token.size() > 1 && token[0] == '0')) {
    return std::nullopt;
  }
  std::size_t index = 0;
  for (const char c : token) {
    if (c < '0' || c > '9') return std::nullopt;
    index = index * 10 + static_cast<std::size_t>(c - '0');
  }
  if (index >= size) return std::nullopt;
  return index;
}

std::vector<std::size_t> document_position(const Json& document, std::string_view pointer) {
  constexpr std::size_t kNowhere = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> position;
  const Json* node = &document;
  for (const std::string& token : pointer_tokens(pointer)) {
    std::size_t index = kNowhere;
    const Json* next = nullptr;
    if (node->is_object()) {
      std::size_t i = 0;
      for (auto it = node->begin(); it != node->end(); ++it, ++i) {
        if (it.key() == token) {
          index = i;
          next = &it.value();
          break;
        }
      }
    } else if (node->is_array()) {
      if (const auto i = array_index(token, node->size())) {
        index = *i;
        next = &(*node)[*i];
      }
    }
    position.push_back(index);
    if (next == nullptr) break;
    node = next;
  }
  return position;
}

}  // namespace stacksim::scenario
