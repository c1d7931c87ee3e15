#pragma once

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

// Reading reports back in the reports tests: text line by line, JSON objects key by key.
namespace stacksim::reports::testing {

// The lines of `text`, without their '\n'.
inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The keys of a JSON object, in the order the report wrote them.
inline std::vector<std::string> keys_of(const nlohmann::ordered_json& object) {
  std::vector<std::string> keys;
  for (const auto& item : object.items()) keys.push_back(item.key());
  return keys;
}

}  // namespace stacksim::reports::testing
