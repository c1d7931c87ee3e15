#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

// SVG primitives for inline charts. Every coordinate goes through one number formatter; an
// element with a non-finite coordinate (NaN, inf) is left out, and a polyline is broken at such
// points, so no "nan" or "inf" ever reaches the document.
namespace stacksim::charts {

// Text with &, <, >, " and ' escaped, for element content and attribute values alike.
[[nodiscard]] std::string escape_xml(std::string_view text);

// A coordinate with at most two decimals and no trailing zeros ("12.5", "-3", "0.25").
// Requires a finite value.
[[nodiscard]] std::string svg_number(double value);

struct Point {
  double x = 0.0;
  double y = 0.0;
};

enum class Anchor { kStart, kMiddle, kEnd };

// An <svg> element being drawn, in a width x height pixel box (viewBox), scaled to the width of
// its container by the page's CSS. `label` is its accessible name (role="img", aria-label).
class Svg {
 public:
  Svg(double width, double height, std::string_view label);

  void line(Point a, Point b, std::string_view stroke, double width = 1,
            std::string_view dash = "");
  void rect(double x, double y, double w, double h, std::string_view fill, double opacity = 1.0,
            std::string_view stroke = "");
  void circle(Point centre, double r, std::string_view fill);
  // A path through the points; a non-finite point ends one piece and starts another, and
  // pieces of a single point are drawn as a dot.
  void polyline(const std::vector<Point>& points, std::string_view stroke, double width = 2,
                std::string_view dash = "");
  void text(Point at, std::string_view content, Anchor anchor = Anchor::kStart, double size = 12,
            std::string_view fill = "#222222", bool bold = false);
  // Text turned 90 degrees counter-clockwise around `at` (a y-axis title).
  void vertical_text(Point at, std::string_view content, double size = 12);
  // A tooltip for the elements drawn after it, until end_group: <g><title>...</title>.
  void begin_group(std::string_view title);
  void end_group();

  [[nodiscard]] std::string str() const;
  [[nodiscard]] double width() const { return width_; }
  [[nodiscard]] double height() const { return height_; }

 private:
  double width_, height_;
  std::string label_;
  std::string body_;
};

}  // namespace stacksim::charts
