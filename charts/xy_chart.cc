#include "charts/xy_chart.h"

#include <algorithm>
#include <cmath>

#include "charts/palette.h"
#include "charts/scale.h"
#include "charts/svg.h"

namespace stacksim::charts {
namespace {

constexpr double kLeft = 64;
constexpr double kRight = 18;
constexpr double kBottom = 44;
constexpr double kLegendRow = 18;
constexpr double kCharWidth = 6.6;      // of 12 px Helvetica, on average, for laying out the legend
constexpr double kBandCharWidth = 5.6;  // of the 10 px band labels

std::string percent_label(double fraction) { return tick_label(fraction * 100) + "%"; }

struct LegendEntry {
  std::string name;
  std::string colour;
  bool dashed = false;
  bool band = false;
  bool fault = false;
};

// Places the legend entries in rows across the width; returns the rows' entries.
std::vector<std::vector<LegendEntry>> legend_rows(const std::vector<LegendEntry>& entries,
                                                  double width) {
  std::vector<std::vector<LegendEntry>> rows(1);
  double x = kLeft;
  for (const LegendEntry& e : entries) {
    const double w = 28 + kCharWidth * static_cast<double>(e.name.size()) + 16;
    if (x + w > width - kRight && !rows.back().empty()) {
      rows.emplace_back();
      x = kLeft;
    }
    rows.back().push_back(e);
    x += w;
  }
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

std::vector<double> all_x(const XyChart& chart) {
  std::vector<double> xs;
  for (const Series& s : chart.series) xs.insert(xs.end(), s.x.begin(), s.x.end());
  for (const Band& b : chart.bands) xs.insert(xs.end(), {b.x0, b.x1});
  for (const Marker& m : chart.markers) xs.push_back(m.x);
  if (chart.x_from) xs.push_back(*chart.x_from);
  if (chart.x_to) xs.push_back(*chart.x_to);
  if (chart.x_axis == AxisKind::kLog) {
    std::erase_if(xs, [](double v) { return !(v > 0); });
  }
  return xs;
}

std::vector<double> all_y(const XyChart& chart) {
  std::vector<double> ys;
  for (const Series& s : chart.series) {
    ys.insert(ys.end(), s.y.begin(), s.y.end());
    ys.insert(ys.end(), s.y_low.begin(), s.y_low.end());
    ys.insert(ys.end(), s.y_high.begin(), s.y_high.end());
  }
  for (const ReferenceLine& r : chart.references) ys.push_back(r.y);
  if (chart.y_max) ys.push_back(*chart.y_max);
  return ys;
}

}  // namespace

std::string render_xy_chart(const XyChart& chart) {
  std::vector<LegendEntry> entries;
  for (std::size_t i = 0; i < chart.series.size(); ++i) {
    const Series& s = chart.series[i];
    if (s.name.empty()) continue;
    const std::size_t c = s.colour >= 0 ? static_cast<std::size_t>(s.colour) : i;
    entries.push_back({s.name, series_colour(c), s.dashed, false});
  }
  const bool any_downtime =
      std::any_of(chart.bands.begin(), chart.bands.end(), [](const Band& b) { return !b.fault; });
  const bool any_fault =
      std::any_of(chart.bands.begin(), chart.bands.end(), [](const Band& b) { return b.fault; });
  if (!chart.band_legend.empty() && any_downtime) {
    entries.push_back({chart.band_legend, kTroubleShade, false, true, false});
  }
  if (!chart.fault_legend.empty() && any_fault) {
    entries.push_back({chart.fault_legend, kFaultShade, false, true, true});
  }
  const auto rows = legend_rows(entries, chart.width);
  const double top = 12 + kLegendRow * static_cast<double>(rows.size()) + 8;

  Svg svg(chart.width, chart.height, chart.title);
  const double plot_left = kLeft;
  const double plot_right = chart.width - kRight;
  const double plot_top = top;
  const double plot_bottom = chart.height - kBottom;

  // Axes' extents and ticks.
  const ExtentResult x_found = finite_extent(all_x(chart));
  const ExtentResult y_found = finite_extent(all_y(chart));
  std::vector<double> x_ticks;
  Extent x_extent;
  if (chart.x_axis == AxisKind::kLog) {
    x_extent = x_found.found ? x_found.extent : Extent{1, 10};
    if (x_extent.lo == x_extent.hi) x_extent = {x_extent.lo / 2, x_extent.hi * 2};
    x_ticks = log_ticks(x_extent.lo, x_extent.hi);
  } else {
    x_extent = axis_extent(x_found, /*from_zero=*/false);
    x_ticks = nice_ticks(x_extent.lo, x_extent.hi, 8);
    // The data fill the width; ticks outside it are dropped.
    std::erase_if(x_ticks, [&](double t) {
      return t < x_extent.lo - 1e-9 * (x_extent.hi - x_extent.lo) ||
             t > x_extent.hi + 1e-9 * (x_extent.hi - x_extent.lo);
    });
  }
  Extent y_extent = axis_extent(y_found, chart.y_from_zero);
  if (chart.y_ceiling && y_found.found) {
    const double ceiling = *chart.y_ceiling;
    y_extent.hi = std::min(std::max(y_found.extent.hi, y_extent.lo), ceiling);
    y_extent.lo = std::min(y_found.extent.lo, y_extent.hi);
    if (y_extent.lo >= y_extent.hi)
      y_extent.lo = y_extent.hi - std::max(std::abs(ceiling), 1.0) / 10;
  }
  std::vector<double> y_ticks = nice_ticks(y_extent.lo, y_extent.hi, 5);
  if (chart.y_ceiling) {
    std::erase_if(y_ticks, [&](double t) { return t > *chart.y_ceiling + 1e-12; });
    if (!y_ticks.empty() && y_ticks.front() > y_extent.lo)
      y_ticks.insert(y_ticks.begin(), y_extent.lo);
    if (!y_ticks.empty() && y_ticks.back() < y_extent.hi) y_ticks.push_back(y_extent.hi);
  }
  if (!y_ticks.empty()) y_extent = {y_ticks.front(), y_ticks.back()};

  const LinearScale x_linear(x_extent, plot_left, plot_right);
  const LogScale x_log(x_extent, plot_left, plot_right);
  auto x_of = [&](double x) {
    if (chart.x_axis == AxisKind::kLog) return x > 0 ? x_log(x) : std::nan("");
    return x_linear(x);
  };
  const LinearScale y_of(y_extent, plot_bottom, plot_top);
  auto clamp_x = [&](double px) { return std::clamp(px, plot_left, plot_right); };

  // Legend.
  for (std::size_t r = 0; r < rows.size(); ++r) {
    double x = kLeft;
    const double y = 12 + kLegendRow * static_cast<double>(r) + 6;
    for (const LegendEntry& e : rows[r]) {
      if (e.band) {
        svg.rect(x, y - 7, 22, 12, e.colour, e.fault ? 0.25 : 0.18);
        if (e.fault) {
          svg.line({x, y - 7}, {x, y + 5}, kFaultEdge, 1, "3 2");
          svg.line({x + 22, y - 7}, {x + 22, y + 5}, kFaultEdge, 1, "3 2");
        }
      } else {
        svg.line({x, y}, {x + 22, y}, e.colour, 3, e.dashed ? "6 4" : "");
      }
      svg.text({x + 28, y + 4}, e.name, Anchor::kStart, 12);
      x += 28 + kCharWidth * static_cast<double>(e.name.size()) + 16;
    }
  }

  // Bands behind everything. Labels of each kind in their own row (downtime at the top, faults
  // at the bottom); one that would overlap the previous label of its row is left to the tooltip.
  double last_label_end[2] = {-1e9, -1e9};
  for (const Band& b : chart.bands) {
    const double x0 = clamp_x(x_of(b.x0));
    const double x1 = clamp_x(x_of(b.x1));
    if (!std::isfinite(x0) || !std::isfinite(x1)) continue;
    const double w = std::max(x1 - x0, 1.5);
    const double label_w = kBandCharWidth * static_cast<double>(b.label.size());
    const int row = b.fault ? 1 : 0;
    const double label_y = b.fault ? plot_bottom - 6 : plot_top + 12;
    const char* ink = b.fault ? kFaultEdge : kTroubleShade;
    svg.begin_group(b.label);
    svg.rect(x0, plot_top, w, plot_bottom - plot_top, b.fault ? kFaultShade : kTroubleShade,
             b.fault ? 0.25 : 0.18);
    if (b.fault) {
      svg.line({x0, plot_top}, {x0, plot_bottom}, kFaultEdge, 1, "4 3");
      svg.line({x0 + w, plot_top}, {x0 + w, plot_bottom}, kFaultEdge, 1, "4 3");
    }
    // On the band, centred; else beside it: to the right, or to the left near the right edge.
    double start = x0 + w / 2 - label_w / 2;
    Anchor anchor = Anchor::kMiddle;
    Point at{x0 + w / 2, label_y};
    if (w < label_w + 4) {
      if (x0 + w + 3 + label_w <= plot_right) {
        start = x0 + w + 3;
        anchor = Anchor::kStart;
        at = {start, label_y};
      } else {
        start = x0 - 3 - label_w;
        anchor = Anchor::kEnd;
        at = {x0 - 3, label_y};
      }
    }
    if (start >= last_label_end[row] + 4 && start >= plot_left) {
      svg.text(at, b.label, anchor, 10, ink);
      last_label_end[row] = start + label_w;
    }
    svg.end_group();
  }

  // Grid and axes.
  for (double t : y_ticks) {
    const double y = y_of(t);
    svg.line({plot_left, y}, {plot_right, y}, kGrid, 1);
    svg.text({plot_left - 6, y + 4}, chart.y_percent ? percent_label(t) : tick_label(t),
             Anchor::kEnd, 11, kAxis);
  }
  for (double t : x_ticks) {
    const double x = x_of(t);
    svg.line({x, plot_bottom}, {x, plot_bottom + 4}, kAxis, 1);
    svg.text({x, plot_bottom + 17}, tick_label(t), Anchor::kMiddle, 11, kAxis);
  }
  svg.line({plot_left, plot_bottom}, {plot_right, plot_bottom}, kAxis, 1);
  svg.line({plot_left, plot_top}, {plot_left, plot_bottom}, kAxis, 1);
  svg.text({(plot_left + plot_right) / 2, chart.height - 8}, chart.x_label, Anchor::kMiddle, 12);
  svg.vertical_text({16, (plot_top + plot_bottom) / 2}, chart.y_label, 12);

  // Reference lines and markers.
  for (const ReferenceLine& r : chart.references) {
    const double y = y_of(r.y);
    if (!std::isfinite(y)) continue;
    svg.line({plot_left, y}, {plot_right, y}, "#000000", 1.5, "2 3");
    svg.text({plot_right - 4, y - 5}, r.label, Anchor::kEnd, 11, "#000000");
  }
  // Each label goes in the first of a few rows where it overlaps no other label; neighbours
  // that would overlap in every row are left to their line.
  constexpr std::size_t kMarkerRows = 4;
  std::vector<std::vector<std::pair<double, double>>> taken(kMarkerRows);
  for (const Marker& m : chart.markers) {
    const double x = x_of(m.x);
    if (!std::isfinite(x)) continue;
    svg.line({x, plot_top}, {x, plot_bottom}, "#444444", 1, "4 3");
    const bool right_half = x > (plot_left + plot_right) / 2;
    const double label_w = kBandCharWidth * static_cast<double>(m.label.size());
    const double from = right_half ? x - 3 - label_w : x + 3;
    const double to = from + label_w;
    for (std::size_t row = 0; row < kMarkerRows; ++row) {
      const bool free = std::none_of(taken[row].begin(), taken[row].end(), [&](const auto& t) {
        return from < t.second + 4 && t.first < to + 4;
      });
      if (!free) continue;
      taken[row].push_back({from, to});
      const double y = plot_top + 26 + 13 * static_cast<double>(row);
      svg.text({right_half ? x - 3 : x + 3, y}, m.label, right_half ? Anchor::kEnd : Anchor::kStart,
               10, "#222222");
      break;
    }
  }

  // Series.
  bool any_point = false;
  for (std::size_t i = 0; i < chart.series.size(); ++i) {
    const Series& s = chart.series[i];
    const std::string colour =
        series_colour(s.colour >= 0 ? static_cast<std::size_t>(s.colour) : i);
    std::vector<Point> points;
    for (std::size_t k = 0; k < s.x.size() && k < s.y.size(); ++k) {
      const Point p{x_of(s.x[k]), std::isfinite(s.y[k]) ? y_of(s.y[k]) : std::nan("")};
      if (std::isfinite(p.x) && std::isfinite(p.y)) any_point = true;
      points.push_back(p);
    }
    if (s.line) svg.polyline(points, colour, 2, s.dashed ? "6 4" : "");
    if (s.markers || !s.line) {
      for (const Point& p : points) svg.circle(p, 3.5, colour);
    }
    if (!s.y_low.empty() && s.y_low.size() == s.x.size() && s.y_high.size() == s.x.size()) {
      for (std::size_t k = 0; k < s.x.size(); ++k) {
        const double x = x_of(s.x[k]);
        const double lo = y_of(s.y_low[k]);
        const double hi = y_of(s.y_high[k]);
        svg.line({x, lo}, {x, hi}, colour, 1.5);
        svg.line({x - 4, lo}, {x + 4, lo}, colour, 1.5);
        svg.line({x - 4, hi}, {x + 4, hi}, colour, 1.5);
      }
    }
  }
  if (!any_point) {
    svg.text({(plot_left + plot_right) / 2, (plot_top + plot_bottom) / 2}, "no data",
             Anchor::kMiddle, 14, kAxis);
  }
  return svg.str();
}

}  // namespace stacksim::charts
