#include "cli/lab_catalog.h"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <system_error>

namespace stacksim::cli {

namespace fs = std::filesystem;

namespace {

bool holds_labs(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return false;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (fs::exists(entry.path() / "lab.json", ec)) return true;
  }
  return false;
}

}  // namespace

fs::path labs_directory() {
  if (const char* env = std::getenv("STACKSIM_LABS"); env != nullptr && *env != '\0') {
    return fs::path(env);
  }
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  fs::path dir = exe.parent_path();
  for (int up = 0; up <= 3 && !dir.empty(); ++up, dir = dir.parent_path()) {
    if (holds_labs(dir / "labs")) return dir / "labs";
    if (holds_labs(dir / "share" / "stacksim" / "labs")) return dir / "share" / "stacksim" / "labs";
    if (dir == dir.root_path()) break;
  }
  return {};
}

std::vector<LabFolder> list_labs(const fs::path& labs) {
  std::vector<LabFolder> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(labs, ec)) {
    if (fs::exists(entry.path() / "lab.json", ec)) {
      found.push_back({entry.path().filename().string(), entry.path()});
    }
  }
  std::sort(found.begin(), found.end(),
            [](const LabFolder& a, const LabFolder& b) { return a.id < b.id; });
  return found;
}

std::optional<LabFolder> find_lab(const std::string& id) {
  const fs::path labs = labs_directory();
  if (labs.empty()) {
    std::cerr << "stacksim: no labs folder found; set STACKSIM_LABS to the labs/ folder\n";
    return std::nullopt;
  }
  const auto all = list_labs(labs);
  for (const auto& lab : all) {
    if (lab.id == id) return lab;
  }
  std::cerr << "stacksim: unknown lab " << id << "; the labs are:";
  for (const auto& lab : all) std::cerr << ' ' << lab.id;
  std::cerr << '\n';
  return std::nullopt;
}

}  // namespace stacksim::cli
