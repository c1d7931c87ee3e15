#pragma once

#include <cstddef>
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
  // The widest rendered line, in display columns.
  [[nodiscard]] std::size_t width() const;
  // Leaves out the columns named in `optional` (header names, first left out first) until the
  // table is at most `max_width` columns wide or none is left to drop; returns the headers left
  // out, in the order they were. max_width 0 (kNoWidthLimit) leaves every column.
  std::vector<std::string> drop_to_fit(std::size_t max_width,
                                       const std::vector<std::string>& optional);

 private:
  std::vector<std::vector<std::string>> rows_;  // the header first
};

}  // namespace stacksim::reports
