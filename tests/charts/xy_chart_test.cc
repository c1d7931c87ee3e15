#include "charts/xy_chart.h"

#include <gtest/gtest.h>

#include <limits>

#include "charts/bar_chart.h"

namespace stacksim::charts {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

Series line(std::string name, std::vector<double> x, std::vector<double> y) {
  Series s;
  s.name = std::move(name);
  s.x = std::move(x);
  s.y = std::move(y);
  return s;
}

BarSeries bars(std::string name, std::vector<double> values) {
  BarSeries s;
  s.name = std::move(name);
  s.values = std::move(values);
  return s;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(XyChart, DrawsAxesLegendAndSeries) {
  XyChart chart;
  chart.title = "throughput";
  chart.x_label = "time (min)";
  chart.y_label = "requests/s";
  chart.series.push_back(line("throughput", {0, 1, 2}, {10, 20, 15}));
  chart.bands.push_back({0.5, 1.0, "crash"});
  chart.band_legend = "down";
  chart.markers.push_back({1.5, "errors stop"});
  const std::string svg = render_xy_chart(chart);
  EXPECT_TRUE(has(svg, "<svg"));
  EXPECT_TRUE(has(svg, ">time (min)</text>"));
  EXPECT_TRUE(has(svg, ">requests/s</text>"));
  EXPECT_TRUE(has(svg, ">throughput</text>"));  // legend
  EXPECT_TRUE(has(svg, ">down</text>"));        // the band's legend entry
  EXPECT_TRUE(has(svg, "<title>crash</title>"));
  EXPECT_TRUE(has(svg, ">errors stop</text>"));
  EXPECT_TRUE(has(svg, "<polyline"));
  EXPECT_FALSE(has(svg, "no data"));
}

TEST(XyChart, FaultBandsDifferFromDowntimeAndNarrowOnesAreLabelledBeside) {
  XyChart chart;
  chart.x_label = "scenario clock (min)";
  chart.y_label = "requests/s";
  chart.series.push_back(line("throughput", {0, 60}, {10, 10}));
  chart.bands.push_back({10, 20, "web maintenance"});
  // A minute in an hour: too narrow for its label, which goes beside the band.
  chart.bands.push_back({30, 31, "app slowdown \u00d73", true});
  chart.band_legend = "down";
  chart.fault_legend = "degraded";
  const std::string svg = render_xy_chart(chart);
  EXPECT_TRUE(has(svg, ">down</text>"));
  EXPECT_TRUE(has(svg, ">degraded</text>"));
  EXPECT_TRUE(has(svg, "<title>app slowdown \u00d73</title>"));
  EXPECT_TRUE(has(svg, ">app slowdown \u00d73</text>"));
  EXPECT_TRUE(has(svg, ">web maintenance</text>"));
  EXPECT_TRUE(has(svg, "fill=\"#E69F00\" fill-opacity=\"0.25\""));
  EXPECT_TRUE(has(svg, "stroke-dasharray=\"4 3\""));  // the fault's dashed edges

  // Without a fault the fault legend is not drawn.
  chart.bands.pop_back();
  EXPECT_FALSE(has(render_xy_chart(chart), ">degraded</text>"));
}

TEST(XyChart, EmptyChartSaysNoData) {
  XyChart chart;
  chart.title = "empty";
  const std::string svg = render_xy_chart(chart);
  EXPECT_TRUE(has(svg, ">no data</text>"));
  EXPECT_FALSE(has(svg, "<polyline"));
}

TEST(XyChart, SinglePointIsADot) {
  XyChart chart;
  chart.series.push_back(line("one", {5}, {7}));
  const std::string svg = render_xy_chart(chart);
  EXPECT_TRUE(has(svg, "<circle"));
  EXPECT_FALSE(has(svg, "no data"));
  EXPECT_FALSE(has(svg, "nan"));
}

TEST(XyChart, NonFiniteValuesNeverReachTheSvg) {
  XyChart chart;
  chart.x_axis = AxisKind::kLog;
  chart.series.push_back(line("s", {0, 1, kNaN, 10, kInf, 100}, {1, kInf, 3, kNaN, 5, 6}));
  chart.series.push_back(line("all bad", {kNaN}, {kNaN}));
  chart.references.push_back({kInf, "target"});
  chart.markers.push_back({kNaN, "m"});
  chart.bands.push_back({kNaN, 3, "b"});
  const std::string svg = render_xy_chart(chart);
  EXPECT_FALSE(has(svg, "nan"));
  EXPECT_FALSE(has(svg, "inf"));
}

TEST(XyChart, CeilingKeepsAnAllHundredPercentAxisAtHundred) {
  XyChart chart;
  chart.y_percent = true;
  chart.y_ceiling = 1.0;
  chart.y_from_zero = false;
  chart.series.push_back(line("availability", {1, 2, 3}, {1, 1, 1}));
  const std::string svg = render_xy_chart(chart);
  EXPECT_TRUE(has(svg, ">100%</text>"));
  EXPECT_FALSE(has(svg, ">110%</text>"));
  EXPECT_FALSE(has(svg, ">150%</text>"));
  EXPECT_TRUE(has(svg, ">90%</text>"));
}

TEST(BarChart, BarsLegendAndNonFiniteValues) {
  BarChart chart;
  chart.title = "utilisation";
  chart.value_label = "utilisation (%)";
  chart.percent = true;
  chart.categories = {"web", "db"};
  chart.series.push_back(bars("theory", {0.5, kNaN}));
  chart.series.push_back(bars("simulated", {0.55, kInf}));
  const std::string svg = render_bar_chart(chart);
  EXPECT_TRUE(has(svg, ">theory</text>"));
  EXPECT_TRUE(has(svg, ">web</text>"));
  EXPECT_TRUE(has(svg, ">60%</text>"));
  EXPECT_TRUE(has(svg, "<title>web · theory: 50%</title>"));
  EXPECT_FALSE(has(svg, "nan"));
  EXPECT_FALSE(has(svg, "inf"));
}

TEST(BarChart, NoCategoriesSaysNoData) {
  BarChart chart;
  EXPECT_TRUE(has(render_bar_chart(chart), "no data"));
}

}  // namespace
}  // namespace stacksim::charts
