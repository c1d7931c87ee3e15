#include "reports/html_page.h"

#include <utility>

#include "charts/svg.h"

namespace stacksim::reports {
namespace {

// Screen and print styles. Colours: the Okabe-Ito palette of the charts; a bad verdict has a
// thick vermillion border and a cross, a good one a bluish-green border and a tick.
constexpr const char* kStyle = R"CSS(
:root { color-scheme: light; }
body { font-family: Helvetica, Arial, sans-serif; color: #222; margin: 0 auto; max-width: 1100px;
  padding: 0 20px 40px; line-height: 1.4; background: #fff; }
h1 { font-size: 1.6em; margin: 0.8em 0 0.1em; }
h2 { font-size: 1.25em; border-bottom: 2px solid #0072B2; padding-bottom: 2px; margin-top: 1.6em; }
h3 { font-size: 1.05em; margin: 1em 0 0.3em; }
.subtitle { color: #555; margin: 0 0 0.6em; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0.5em 0;
  font-size: 0.92em; }
dl.facts dt { color: #555; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 10px;
  margin: 0.8em 0; }
.card { border: 1px solid #bbb; border-radius: 6px; padding: 8px 10px; break-inside: avoid; }
.card .label { font-size: 0.85em; color: #555; }
.card .value { font-size: 1.45em; font-weight: bold; margin: 2px 0; overflow-wrap: anywhere; }
.card .note { font-size: 0.82em; color: #444; }
.card.good { border: 2px solid #009E73; }
.card.bad { border: 3px solid #D55E00; }
.card.bad .value::before { content: "\2717  "; color: #D55E00; }
.card.good .value::before { content: "\2713  "; color: #009E73; }
figure { margin: 1em 0; break-inside: avoid; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { font-size: 0.9em; color: #333; margin-top: 2px; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
table { border-collapse: collapse; margin: 0.5em 0 1em; font-size: 0.88em; break-inside: auto; }
caption { text-align: left; font-weight: bold; padding: 4px 0; }
th, td { padding: 3px 9px; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tr { break-inside: avoid; }
.diagram svg { max-height: 640px; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 18px; font-size: 0.85em; margin: 4px 0; }
.legend span.sw { display: inline-block; width: 14px; height: 12px; margin-right: 5px;
  vertical-align: -1px; border: 1px solid #555; }
.note { font-size: 0.9em; color: #444; }
footer { margin-top: 2em; font-size: 0.8em; color: #666; }
@media (max-width: 800px) { .pair { grid-template-columns: 1fr; } }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; }
  .pair { grid-template-columns: 1fr; }
  section { break-inside: auto; }
}
)CSS";

const char* status_class(Card::Status status) {
  switch (status) {
    case Card::Status::kGood:
      return "card good";
    case Card::Status::kBad:
      return "card bad";
    case Card::Status::kNeutral:
      return "card";
  }
  return "card";
}

}  // namespace

std::string html_escape(std::string_view text) { return charts::escape_xml(text); }

HtmlPage::HtmlPage(std::string title, std::string subtitle)
    : title_(std::move(title)), subtitle_(std::move(subtitle)) {}

void HtmlPage::close_section() {
  if (in_section_) body_ += "</section>\n";
  in_section_ = false;
}

void HtmlPage::section(std::string_view heading, std::string_view id) {
  close_section();
  body_ += "<section";
  if (!id.empty()) body_ += " id=\"" + html_escape(id) + "\"";
  body_ += "><h2>" + html_escape(heading) + "</h2>\n";
  in_section_ = true;
}

void HtmlPage::paragraph(std::string_view text) { body_ += "<p>" + html_escape(text) + "</p>\n"; }

void HtmlPage::facts(const std::vector<std::pair<std::string, std::string>>& items) {
  body_ += "<dl class=\"facts\">";
  for (const auto& [term, value] : items) {
    body_ += "<dt>" + html_escape(term) + "</dt><dd>" + html_escape(value) + "</dd>";
  }
  body_ += "</dl>\n";
}

void HtmlPage::cards(const std::vector<Card>& cards) {
  body_ += "<div class=\"cards\">";
  for (const Card& card : cards) {
    body_ += std::string("<div class=\"") + status_class(card.status) + "\"><div class=\"label\">" +
             html_escape(card.label) + "</div><div class=\"value\">" + html_escape(card.value) +
             "</div>";
    if (!card.note.empty()) body_ += "<div class=\"note\">" + html_escape(card.note) + "</div>";
    body_ += "</div>";
  }
  body_ += "</div>\n";
}

void HtmlPage::table(const HtmlTable& table) {
  auto cell_class = [&](std::size_t i) {
    return i < table.numeric.size() && table.numeric[i] ? " class=\"n\"" : "";
  };
  body_ += "<table>";
  if (!table.caption.empty()) body_ += "<caption>" + html_escape(table.caption) + "</caption>";
  body_ += "<thead><tr>";
  for (std::size_t i = 0; i < table.header.size(); ++i) {
    body_ += std::string("<th") + cell_class(i) + ">" + html_escape(table.header[i]) + "</th>";
  }
  body_ += "</tr></thead><tbody>";
  for (const auto& row : table.rows) {
    body_ += "<tr>";
    for (std::size_t i = 0; i < row.size(); ++i) {
      body_ += std::string("<td") + cell_class(i) + ">" + html_escape(row[i]) + "</td>";
    }
    body_ += "</tr>";
  }
  body_ += "</tbody></table>\n";
}

void HtmlPage::figure(std::string_view svg, std::string_view caption) {
  body_ += "<figure>";
  body_ += svg;
  body_ += "<figcaption>" + html_escape(caption) + "</figcaption></figure>\n";
}

void HtmlPage::figure_pair(std::string_view svg_a, std::string_view caption_a,
                           std::string_view svg_b, std::string_view caption_b) {
  body_ += "<div class=\"pair\">";
  figure(svg_a, caption_a);
  figure(svg_b, caption_b);
  body_ += "</div>\n";
}

void HtmlPage::raw(std::string_view html) { body_ += html; }

std::string HtmlPage::str() const {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
  out += "<title>" + html_escape(title_) + "</title><style>";
  out += kStyle;
  out += "</style></head>\n<body>\n<header><h1>" + html_escape(title_) + "</h1>";
  if (!subtitle_.empty()) out += "<p class=\"subtitle\">" + html_escape(subtitle_) + "</p>";
  out += "</header>\n";
  out += body_;
  if (in_section_) out += "</section>\n";
  out +=
      "<footer>Made by stacksim. Self-contained: no scripts, nothing loaded from elsewhere."
      "</footer>\n</body></html>\n";
  return out;
}

}  // namespace stacksim::reports
