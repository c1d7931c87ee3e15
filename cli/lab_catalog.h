#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace stacksim::cli {

// Where the labs live: $STACKSIM_LABS when set; else the first `labs` folder found beside the
// executable or up to three folders above it (a build tree: build/cli/stacksim finds the source
// tree's labs/), else <prefix>/share/stacksim/labs for an installed stacksim. Empty when none.
[[nodiscard]] std::filesystem::path labs_directory();

// A lab folder: labs/<id>/ with README.md, start.json, lab.json, solution.json, answers.md.
struct LabFolder {
  std::string id;
  std::filesystem::path path;
};

// Every folder of `labs` that holds a lab.json, in name order.
[[nodiscard]] std::vector<LabFolder> list_labs(const std::filesystem::path& labs);

// The lab `id`; prints "stacksim: unknown lab ID; ..." (with the nearest id or the list) and
// returns nullopt when there is none.
[[nodiscard]] std::optional<LabFolder> find_lab(const std::string& id);

}  // namespace stacksim::cli
