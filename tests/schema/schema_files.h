#pragma once

// The files the schema tests read: the schemas and every scenario the project ships or tests
// with (scenarios/, the labs' scenarios, the loader's valid test files, and this suite's own).

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace stacksim::testing {

inline std::string source_path(const std::string& relative) {
  return std::string(STACKSIM_SOURCE_DIR) + "/" + relative;
}

// *.json directly in `directory` (relative to the source tree), sorted; none if it is absent.
inline std::vector<std::string> json_files_in(const std::string& directory) {
  std::vector<std::string> files;
  const std::filesystem::path dir = source_path(directory);
  if (!std::filesystem::is_directory(dir)) return files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The scenarios of labs/<id>/ (start.json and solution.json of each lab).
inline std::vector<std::string> lab_scenarios() {
  std::vector<std::string> files;
  const std::filesystem::path labs = source_path("labs");
  if (!std::filesystem::is_directory(labs)) return files;
  for (const auto& lab : std::filesystem::directory_iterator(labs)) {
    for (const char* name : {"start.json", "solution.json"}) {
      if (std::filesystem::exists(lab.path() / name)) files.push_back((lab.path() / name).string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Scenarios that ship with stacksim: scenarios/*.json and the labs' scenarios.
inline std::vector<std::string> shipped_scenarios() {
  std::vector<std::string> files = json_files_in("scenarios");
  const auto labs = lab_scenarios();
  files.insert(files.end(), labs.begin(), labs.end());
  return files;
}

// Every valid scenario the suite knows: the shipped ones, the loader's valid test files and
// tests/schema/data/valid (which uses what the others do not).
inline std::vector<std::string> all_valid_scenarios() {
  std::vector<std::string> files = shipped_scenarios();
  for (const char* dir : {"tests/scenario/data/good", "tests/schema/data/valid"}) {
    const auto more = json_files_in(dir);
    files.insert(files.end(), more.begin(), more.end());
  }
  return files;
}

}  // namespace stacksim::testing
