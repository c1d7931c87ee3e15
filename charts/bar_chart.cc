#include "charts/bar_chart.h"

#include <algorithm>
#include <cmath>

#include "charts/palette.h"
#include "charts/scale.h"
#include "charts/svg.h"

namespace stacksim::charts {
namespace {

constexpr double kBarHeight = 14;
constexpr double kCharWidth = 6.6;

}  // namespace

std::string render_bar_chart(const BarChart& chart) {
  std::size_t longest = 4;
  for (const std::string& c : chart.categories) longest = std::max(longest, c.size());
  const double left = std::min(20 + kCharWidth * static_cast<double>(longest), chart.width / 3);
  const double right = chart.value_texts.empty() ? 24 : 80;
  const bool legend = chart.series.size() > 1;
  const double top = legend ? 34 : 12;
  const std::size_t per_row = std::max<std::size_t>(chart.series.size(), 1);
  const double row_height = kBarHeight * static_cast<double>(per_row) + 10;
  const double plot_height = row_height * static_cast<double>(chart.categories.size());
  const double height = top + std::max(plot_height, 20.0) + 44;

  std::vector<double> values;
  for (const BarSeries& s : chart.series) {
    values.insert(values.end(), s.values.begin(), s.values.end());
    values.insert(values.end(), s.high.begin(), s.high.end());
  }
  if (chart.value_max) values.push_back(*chart.value_max);
  values.push_back(0);
  Extent extent = axis_extent(finite_extent(values), /*from_zero=*/true);
  const std::vector<double> ticks = nice_ticks(extent.lo, extent.hi, 5);
  if (!ticks.empty()) extent = {ticks.front(), ticks.back()};

  Svg svg(chart.width, height, chart.title);
  const double plot_left = left;
  const double plot_right = chart.width - right;
  const double plot_bottom = top + std::max(plot_height, 20.0);
  const LinearScale x_of(extent, plot_left, plot_right);

  if (legend) {
    double x = plot_left;
    for (std::size_t i = 0; i < chart.series.size(); ++i) {
      const BarSeries& s = chart.series[i];
      const int c = s.colour >= 0 ? s.colour : static_cast<int>(i);
      svg.rect(x, 10, 14, 12, series_colour(static_cast<std::size_t>(c)));
      svg.text({x + 19, 20}, s.name, Anchor::kStart, 12);
      x += 19 + kCharWidth * static_cast<double>(s.name.size()) + 18;
    }
  }
  for (double t : ticks) {
    const double x = x_of(t);
    svg.line({x, top}, {x, plot_bottom}, kGrid, 1);
    svg.text({x, plot_bottom + 16}, chart.percent ? tick_label(t * 100) + "%" : tick_label(t),
             Anchor::kMiddle, 11, kAxis);
  }
  svg.line({plot_left, top}, {plot_left, plot_bottom}, kAxis, 1);
  svg.line({plot_left, plot_bottom}, {plot_right, plot_bottom}, kAxis, 1);
  svg.text({(plot_left + plot_right) / 2, height - 10}, chart.value_label, Anchor::kMiddle, 12);

  for (std::size_t c = 0; c < chart.categories.size(); ++c) {
    const double row_top = top + row_height * static_cast<double>(c) + 5;
    svg.text({plot_left - 6, row_top + row_height / 2 + 1}, chart.categories[c], Anchor::kEnd, 12);
    for (std::size_t i = 0; i < chart.series.size(); ++i) {
      const BarSeries& s = chart.series[i];
      if (c >= s.values.size() || !std::isfinite(s.values[c])) continue;
      std::string colour = series_colour(s.colour >= 0 ? static_cast<std::size_t>(s.colour) : i);
      if (c < s.bar_colours.size() && !s.bar_colours[c].empty()) colour = s.bar_colours[c];
      const double y = row_top + kBarHeight * static_cast<double>(i);
      const double x0 = x_of(std::max(0.0, extent.lo));
      const double x1 = x_of(s.values[c]);
      svg.begin_group(
          chart.categories[c] + (s.name.empty() ? "" : " · " + s.name) + ": " +
          (chart.percent ? tick_label(s.values[c] * 100) + "%" : tick_label(s.values[c])));
      svg.rect(std::min(x0, x1), y, std::max(std::abs(x1 - x0), 1.0), kBarHeight - 2, colour);
      svg.end_group();
      if (c < s.low.size() && c < s.high.size()) {
        const double mid = y + (kBarHeight - 2) / 2;
        svg.line({x_of(s.low[c]), mid}, {x_of(s.high[c]), mid}, "#000000", 1.5);
        svg.line({x_of(s.low[c]), mid - 4}, {x_of(s.low[c]), mid + 4}, "#000000", 1.5);
        svg.line({x_of(s.high[c]), mid - 4}, {x_of(s.high[c]), mid + 4}, "#000000", 1.5);
      }
      if (i == 0 && c < chart.value_texts.size()) {
        svg.text({std::max(x0, x1) + 5, y + kBarHeight - 4}, chart.value_texts[c], Anchor::kStart,
                 11);
      }
    }
  }
  if (chart.categories.empty()) {
    svg.text({(plot_left + plot_right) / 2, top + 14}, "no data", Anchor::kMiddle, 14, kAxis);
  }
  return svg.str();
}

}  // namespace stacksim::charts
