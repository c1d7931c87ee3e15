#include "reports/text_width.h"

#include <algorithm>
#include <cctype>

namespace stacksim::reports {
namespace {

// Between two facts of a summary line.
constexpr std::string_view kSeparator = " \u00b7 ";

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The byte offset of the code point numbered `n` (0-based) in `text`; text.size() when shorter.
std::size_t byte_of_code_point(std::string_view text, std::size_t n) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (continuation_byte(text[i])) continue;
    if (seen == n) return i;
    ++seen;
  }
  return text.size();
}

// Where the continuation lines of `line` begin, in columns (see fit_lines).
std::size_t continuation_indent(std::string_view line) {
  std::size_t leading = 0;
  while (leading < line.size() && line[leading] == ' ') ++leading;
  if (leading == 0 && !line.empty() && std::isupper(static_cast<unsigned char>(line[0]))) {
    // A section_line: the label padded to 11 columns, the text from column 11.
    if (line.size() > 11 && line[10] == ' ' && line[11] != ' ' && line[9] != ':') return 11;
    // "Bottleneck: text": under the text, when the label is short.
    const std::size_t colon = line.find(": ");
    if (colon != std::string_view::npos && colon < 14 &&
        line.substr(0, colon).find(' ') == std::string_view::npos) {
      return colon + 2;
    }
  }
  return leading >= 4 ? leading : leading + 2;
}

void wrap_line(std::string_view line, std::size_t width, std::string& out) {
  const std::size_t indent = std::min(continuation_indent(line), width / 2);
  std::string current(line);
  bool first = true;
  while (display_width(current) > width) {
    const std::size_t cut = byte_of_code_point(current, width);  // the first byte that overflows
    // The text may break after the indent (or, on the first line, after its start): between two
    // facts (" · " or two spaces) when that keeps the line at least half full, else at the last
    // space, else (one long word) anywhere.
    const std::size_t earliest = first ? std::max<std::size_t>(indent, 1) : indent + 1;
    std::string piece;
    std::string rest;
    const std::size_t half = byte_of_code_point(current, width / 2);
    // " ·" (3 bytes) must end by `cut`; two spaces may begin at it.
    const std::size_t separator = cut >= 3 ? current.rfind(kSeparator, cut - 3) : std::string::npos;
    std::size_t gap = current.rfind("  ", cut);
    while (gap != std::string::npos && gap > 0 && current[gap - 1] == ' ') --gap;
    if (separator != std::string::npos && separator >= std::max(earliest, half) &&
        (gap == std::string::npos || gap < separator || gap < half)) {
      piece = current.substr(0, separator + 3);  // " ·" ends the line: more follows
      rest = current.substr(separator + kSeparator.size());
    } else if (gap != std::string::npos && gap >= std::max(earliest, half)) {
      piece = current.substr(0, gap);
      rest = current.substr(gap);
    } else {
      std::size_t space = current.rfind(' ', cut);
      while (space != std::string::npos && space >= earliest && space > 0 &&
             current[space - 1] == ' ') {
        --space;  // the start of a run of spaces
      }
      if (space == std::string::npos || space < earliest) {
        piece = current.substr(0, cut);
        rest = current.substr(cut);
      } else {
        piece = current.substr(0, space);
        rest = current.substr(space);
      }
    }
    rest.erase(0, rest.find_first_not_of(' ') == std::string::npos ? rest.size()
                                                                   : rest.find_first_not_of(' '));
    out += piece;
    out += '\n';
    current = std::string(indent, ' ') + rest;
    first = false;
  }
  out += current;
}

}  // namespace

std::size_t display_width(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return !continuation_byte(c); }));
}

std::size_t widest_line(std::string_view text) {
  std::size_t widest = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    widest = std::max(widest, display_width(text.substr(start, end - start)));
    start = end + 1;
  }
  return widest;
}

std::string left_out_note(const std::vector<std::string>& columns, std::size_t width) {
  if (columns.empty()) return "";
  std::string names;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) names += i + 1 == columns.size() ? " and " : ", ";
    names += columns[i];
  }
  return "(" + names + " left out to fit " + std::to_string(width) + " columns; --wide shows " +
         (columns.size() == 1 ? "it" : "them") + ")\n";
}

std::string fit_lines(std::string_view text, std::size_t width) {
  if (width == kNoWidthLimit) return std::string(text);
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    const bool newline = end != std::string_view::npos;
    if (!newline) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    if (display_width(line) <= width) {
      out += line;
    } else {
      wrap_line(line, width, out);
    }
    if (newline) out += '\n';
    start = end + 1;
  }
  return out;
}

}  // namespace stacksim::reports
