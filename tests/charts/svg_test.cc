#include "charts/svg.h"

#include <gtest/gtest.h>

#include <limits>

namespace stacksim::charts {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

TEST(Svg, NumbersHaveAtMostTwoDecimals) {
  EXPECT_EQ(svg_number(12.5), "12.5");
  EXPECT_EQ(svg_number(3.0), "3");
  EXPECT_EQ(svg_number(0.125), "0.12");
  EXPECT_EQ(svg_number(-0.001), "0");
}

TEST(Svg, TextIsEscaped) {
  Svg svg(100, 50, "a <b> & \"c\"");
  svg.text({1, 2}, "x<y & z>'w'");
  const std::string out = svg.str();
  EXPECT_NE(out.find("aria-label=\"a &lt;b&gt; &amp; &quot;c&quot;\""), std::string::npos);
  EXPECT_NE(out.find("x&lt;y &amp; z&gt;&#39;w&#39;"), std::string::npos);
}

TEST(Svg, NonFiniteCoordinatesNeverReachTheOutput) {
  Svg svg(100, 50, "t");
  svg.line({kNaN, 0}, {1, 1}, "#000");
  svg.rect(0, kInf, 1, 1, "#000");
  svg.circle({1, 1}, kNaN, "#000");
  svg.text({kInf, 0}, "x");
  svg.polyline({{0, 0}, {1, kNaN}, {2, 2}, {3, 3}}, "#000");
  const std::string out = svg.str();
  EXPECT_EQ(out.find("nan"), std::string::npos);
  EXPECT_EQ(out.find("inf"), std::string::npos);
  EXPECT_EQ(out.find("<line"), std::string::npos);
  EXPECT_EQ(out.find("<rect"), std::string::npos);
  // The polyline breaks at the NaN: a dot for the lone first point, a line for the last two.
  EXPECT_NE(out.find("<circle cx=\"0\" cy=\"0\""), std::string::npos);
  EXPECT_NE(out.find("points=\"2,2 3,3\""), std::string::npos);
}

TEST(Svg, NegativeRectanglesAreFlipped) {
  Svg svg(100, 50, "t");
  svg.rect(10, 10, -4, -2, "#000");
  EXPECT_NE(svg.str().find("<rect x=\"6\" y=\"8\" width=\"4\" height=\"2\""), std::string::npos);
}

}  // namespace
}  // namespace stacksim::charts
