#pragma once

// The scenarios shipped in scenarios/, for suites that run each of them as a parameter.

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace stacksim::testing {

// The names (file stems, e.g. "single-server") of scenarios/*.json, sorted.
inline std::vector<std::string> shipped_scenarios() {
  std::vector<std::string> names;
  const auto folder = std::filesystem::path(STACKSIM_SOURCE_DIR) / "scenarios";
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() == ".json") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// A scenario's name as a GoogleTest parameter name ("single-server" -> "single_server").
inline std::string scenario_test_name(std::string name) {
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

}  // namespace stacksim::testing
