#pragma once

#include <optional>
#include <string>
#include <vector>

// Horizontal bars, one row per category and one bar per series in each row (theory beside
// simulation, one run beside another), with optional error bars, a value axis with its unit and
// a legend. Rendered as a standalone inline <svg>.
namespace stacksim::charts {

struct BarSeries {
  std::string name;            // in the legend; a single unnamed series has none
  std::vector<double> values;  // aligned with the categories; non-finite = no bar
  std::vector<double> low;     // error bars, aligned with values when not empty
  std::vector<double> high;
  int colour = -1;  // index into the palette; -1 = the series' position
  // Per category, a colour overriding the series' (a failing point in vermillion); empty = none.
  std::vector<std::string> bar_colours;
};

struct BarChart {
  std::string title;        // the accessible name of the picture
  std::string value_label;  // the value axis, with its unit: "utilisation (%)"
  std::vector<std::string> categories;
  std::vector<BarSeries> series;
  bool percent = false;             // values are fractions; ticks read "50%"
  std::optional<double> value_max;  // the axis reaches at least this far (1 for shares)
  // Text at the end of each bar: the value, formatted by the caller; aligned with
  // series[0].values when not empty (single-series charts only).
  std::vector<std::string> value_texts;
  double width = 760;
};

// The chart as an <svg> element; its height follows from the number of bars.
[[nodiscard]] std::string render_bar_chart(const BarChart& chart);

}  // namespace stacksim::charts
