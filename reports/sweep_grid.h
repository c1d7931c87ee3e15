#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// The grid of a `stacksim sweep`: the values each `--vary` gives one scenario value, and the
// cartesian product of them.
namespace stacksim::reports {

// One `--vary`: a JSON pointer into the scenario and the values it takes, in order.
struct SweepAxis {
  std::string pointer;
  std::vector<nlohmann::ordered_json> values;
};

// The most values one axis may have, and the most points a grid may have.
inline constexpr int kMaxAxisValues = 10'000;
inline constexpr std::size_t kMaxGridPoints = 100'000;

// An axis, or why the `--vary` text does not give one.
struct AxisParse {
  std::optional<SweepAxis> axis;
  std::string error;  // empty when axis is set
};

// Parses the text of one `--vary`:
//  - "PATH=FROM:TO:STEPS": STEPS (an integer, 1..kMaxAxisValues) values evenly spaced from FROM
//    to TO inclusive (STEPS = 1 gives FROM alone). FROM and TO are numbers. The values are
//    integers when FROM and TO are written as integers and (TO - FROM) / (STEPS - 1) is whole;
//    otherwise numbers, the last exactly TO and the others rounded to 12 significant digits (so
//    0:1:11 gives 0.1, not 0.1000000000000000055).
//  - "PATH=V1,V2,...": an explicit list; each value is parsed as JSON, else taken as a string
//    (as `--set` does). Commas inside brackets, braces or quotes do not split values.
//  - "PATH=V": a list of one value.
// PATH must start with '/'. Values holding ':' and no ',' are a range unless they start with
// '{', '[' or '"' (a JSON object, array or string).
[[nodiscard]] AxisParse parse_vary(std::string_view assignment);

// The first pointer given by two axes, or empty when each axis has its own pointer.
[[nodiscard]] std::string repeated_pointer(const std::vector<SweepAxis>& axes);

// The number of points of the grid, or nullopt when it exceeds kMaxGridPoints.
[[nodiscard]] std::optional<std::size_t> grid_size(const std::vector<SweepAxis>& axes);

// One point of the grid: (pointer, value) for each axis, in axis order.
using GridPoint = std::vector<std::pair<std::string, nlohmann::ordered_json>>;

// The cartesian product of the axes, in grid order: the first axis outermost (it changes
// slowest), the last innermost. Requires grid_size(axes) to be set; no axes give one empty point.
[[nodiscard]] std::vector<GridPoint> expand_grid(const std::vector<SweepAxis>& axes);

// The point as the object {pointer: value, ...}, in axis order.
[[nodiscard]] nlohmann::ordered_json grid_point_json(const GridPoint& point);

// "/a=1 /b=\"x\"": the point as `--set` arguments would write it, for messages.
[[nodiscard]] std::string describe_grid_point(const GridPoint& point);

}  // namespace stacksim::reports
