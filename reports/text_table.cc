#include "reports/text_table.h"

#include <algorithm>
#include <utility>

#include "reports/text_format.h"
#include "reports/text_width.h"

namespace stacksim::reports {
namespace {

std::size_t width_of(const std::string& text) { return display_width(text); }

}  // namespace

TextTable::TextTable(std::vector<std::string> header) { rows_.push_back(std::move(header)); }

void TextTable::add_row(std::vector<std::string> row) {
  for (auto& cell : row) cell = escape_control(cell);  // names come from scenario files
  row.resize(std::max(row.size(), rows_.front().size()));
  rows_.push_back(std::move(row));
}

std::size_t TextTable::width() const {
  std::vector<std::size_t> widths;
  for (const auto& row : rows_) {
    widths.resize(std::max(widths.size(), row.size()), 0);
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], width_of(row[i]));
  }
  std::size_t total = 0;
  for (std::size_t i = 0; i < widths.size(); ++i) total += widths[i] + (i > 0 ? 2 : 0);
  return total;
}

std::vector<std::string> TextTable::drop_to_fit(std::size_t max_width,
                                                const std::vector<std::string>& optional) {
  std::vector<std::string> dropped;
  if (max_width == kNoWidthLimit) return dropped;
  for (const std::string& name : optional) {
    if (width() <= max_width) break;
    auto& header = rows_.front();
    const auto at = std::find(header.begin(), header.end(), name);
    if (at == header.end()) continue;
    const auto column = static_cast<std::size_t>(at - header.begin());
    for (auto& row : rows_) {
      if (column < row.size()) row.erase(row.begin() + static_cast<std::ptrdiff_t>(column));
    }
    dropped.push_back(name);
  }
  return dropped;
}

std::string TextTable::render() const {
  std::vector<std::size_t> widths;
  for (const auto& row : rows_) {
    widths.resize(std::max(widths.size(), row.size()), 0);
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], width_of(row[i]));
  }
  std::string out;
  for (const auto& row : rows_) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) line.append(2, ' ');
      line += row[i];
      if (i + 1 < row.size()) line.append(widths[i] - width_of(row[i]), ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line;
    out += '\n';
  }
  return out;
}

}  // namespace stacksim::reports
