#pragma once

#include <string>
#include <vector>

namespace stacksim::reports {

// A plain-text table: left-aligned columns as wide as their widest cell (counted in UTF-8 code
// points), separated by two spaces, no trailing blanks. Rows shorter than the header are padded
// with empty cells.
class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header);
  void add_row(std::vector<std::string> row);
  [[nodiscard]] std::string render() const;

 private:
  std::vector<std::vector<std::string>> rows_;  // the header first
};

}  // namespace stacksim::reports
