#pragma once

#include <optional>
#include <string>
#include <vector>

// A line chart of one or more series against a shared x axis, with shaded bands (downtime,
// faults), vertical event markers and horizontal reference lines, its axes titled with units and
// a legend on top. Rendered as a standalone inline <svg>; what the page says about it (the
// caption) is the page's business.
namespace stacksim::charts {

enum class AxisKind { kLinear, kLog };

struct Series {
  std::string name;  // in the legend
  std::vector<double> x;
  std::vector<double> y;  // aligned with x; a non-finite value breaks the line
  // Error bars, aligned with x when not empty: the interval [y_low, y_high] at each point.
  std::vector<double> y_low;
  std::vector<double> y_high;
  int colour = -1;  // index into the palette; -1 = the series' position
  bool dashed = false;
  bool markers = false;  // a dot at each point (measured points against a fitted curve)
  bool line = true;      // false: dots only
};

// A stretch of x shaded behind the series: a downtime window, or a fault that degrades rather
// than stops (a slowdown, a network fault). Downtime is shaded vermillion with its label at the
// top; a fault is shaded orange between dashed edges with its label at the bottom, so that the
// two differ in more than colour. A label goes on the band when there is room, else beside it
// when that does not overlap the previous label of its kind; always in the tooltip.
struct Band {
  double x0 = 0.0;
  double x1 = 0.0;
  std::string label;
  bool fault = false;  // a degrading fault rather than downtime
};

// A vertical line at x: an event on a timeline, a percentile.
struct Marker {
  double x = 0.0;
  std::string label;
};

// A horizontal line at y: a target, a limit.
struct ReferenceLine {
  double y = 0.0;
  std::string label;
};

struct XyChart {
  std::string title;    // the accessible name of the picture
  std::string x_label;  // with its unit: "time (min)"
  std::string y_label;  // with its unit: "latency (ms)"
  AxisKind x_axis = AxisKind::kLinear;
  bool y_from_zero = true;      // the y axis starts at 0 when every value is positive
  std::optional<double> y_max;  // at least this high (utilisation: 1)
  // The x axis spans at least [x_from, x_to] (a run's measured span, though its points sit at
  // the middles of its intervals).
  std::optional<double> x_from;
  std::optional<double> x_to;
  // The y axis never goes above this (availability: 1); when every value sits at it, the axis
  // shows the tenth below it.
  std::optional<double> y_ceiling;
  bool y_percent = false;  // y values are fractions; ticks read "50%"
  std::vector<Series> series;
  std::vector<Band> bands;
  std::string band_legend;   // the legend's name of the downtime shading; "" = no legend entry
  std::string fault_legend;  // the legend's name of the fault shading; "" = no legend entry
  std::vector<Marker> markers;
  std::vector<ReferenceLine> references;
  double width = 760;
  double height = 280;
};

// The chart as an <svg> element. With no finite point at all it still draws the axes and says
// "no data" in the middle.
[[nodiscard]] std::string render_xy_chart(const XyChart& chart);

}  // namespace stacksim::charts
