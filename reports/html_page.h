#pragma once

#include <string>
#include <string_view>
#include <vector>

// The frame every HTML report shares: one self-contained document (inline CSS, inline SVG, no
// script, nothing fetched from anywhere) that reads the same with JavaScript off and prints
// cleanly, and the blocks pages are made of: sections, verdict cards, tables and captioned
// figures.
namespace stacksim::reports {

// Text with &, <, >, " and ' escaped, for element content and attribute values alike.
[[nodiscard]] std::string html_escape(std::string_view text);

// A verdict card: a label, the value in large type, a note under it, and whether it is good
// news (kGood), bad news (kBad, drawn with a thick border and a "✗" so that colour is not the
// only sign) or neither.
struct Card {
  enum class Status { kNeutral, kGood, kBad };
  std::string label;
  std::string value;
  std::string note;
  Status status = Status::kNeutral;
};

// A table; cells are plain text (escaped here). Columns after the first are right-aligned when
// `numeric` says so (aligned with the header; missing entries are left-aligned).
struct HtmlTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> numeric;
  std::string caption;  // above the table; "" = none
};

inline constexpr double kPairWidth = 520;

class HtmlPage {
 public:
  // `title` goes in <title> and the <h1>; `subtitle` (may be empty) under it.
  HtmlPage(std::string title, std::string subtitle);

  // A <section> with an <h2>; the blocks added next belong to it until the next section.
  void section(std::string_view heading, std::string_view id = "");
  void paragraph(std::string_view text);                                      // escaped
  void facts(const std::vector<std::pair<std::string, std::string>>& items);  // a <dl>
  void cards(const std::vector<Card>& cards);
  void table(const HtmlTable& table);
  // A chart or diagram (`svg` as the chart module or Graphviz made it) with its one-line
  // caption saying what to look for.
  void figure(std::string_view svg, std::string_view caption);
  // Two figures side by side on a wide screen, one above the other in print. Charts meant for
  // it are drawn kPairWidth wide, so that their text keeps its size.
  void figure_pair(std::string_view svg_a, std::string_view caption_a, std::string_view svg_b,
                   std::string_view caption_b);
  // Raw HTML the caller built and escaped.
  void raw(std::string_view html);

  // The whole document.
  [[nodiscard]] std::string str() const;

 private:
  void close_section();
  std::string title_;
  std::string subtitle_;
  std::string body_;
  bool in_section_ = false;
};

}  // namespace stacksim::reports
