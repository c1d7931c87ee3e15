#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// How wide terminal text is, and how prose lines are made to fit a terminal. Widths are display
// columns counted as UTF-8 code points (the reports use no wide or combining characters).
namespace stacksim::reports {

// The width the text reports fit by default: a classic terminal.
inline constexpr std::size_t kTerminalColumns = 80;
// A width of 0 means "no limit": the full tables (--wide).
inline constexpr std::size_t kNoWidthLimit = 0;

// The display width of `text` (one line): its UTF-8 code points.
[[nodiscard]] std::size_t display_width(std::string_view text);

// The widest line of `text`, in display columns.
[[nodiscard]] std::size_t widest_line(std::string_view text);

// `text` with every line wider than `width` wrapped at spaces (a word longer than the line is
// cut). Continuation lines are indented: under the text of a labelled summary line ("Errors
// none", the label padded to 11 columns; "Bottleneck: ..."), else 2 columns deeper than the
// line began (as deep, when it began 4 or more columns in). Lines that fit are untouched;
// width kNoWidthLimit returns `text` as it is.
[[nodiscard]] std::string fit_lines(std::string_view text, std::size_t width);

// The line under a table that had to leave out `columns` (header names) to fit: "(wait,
// rejected left out to fit 80 columns; --wide shows them)\n"; "" when none was.
[[nodiscard]] std::string left_out_note(const std::vector<std::string>& columns, std::size_t width);

}  // namespace stacksim::reports
