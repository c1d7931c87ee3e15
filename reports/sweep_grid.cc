#include "reports/sweep_grid.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>

namespace stacksim::reports {
namespace {

using Json = nlohmann::ordered_json;

// Integers beyond this are not exactly representable as doubles; ranges over them are refused.
constexpr double kMaxExactInteger = 9007199254740992.0;  // 2^53

// Parses a JSON value; nullopt when the text is not JSON.
std::optional<Json> parse_json(std::string_view text) {
  Json value = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) return std::nullopt;
  return value;
}

// The text split at the commas that are outside brackets, braces and string literals.
std::vector<std::string_view> split_top_level(std::string_view text) {
  std::vector<std::string_view> parts;
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if (c == ']' || c == '}') {
      --depth;
    } else if (c == ',' && depth == 0) {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(text.substr(start));
  return parts;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t at = text.find(separator); at != std::string_view::npos;
       at = text.find(separator, start)) {
    parts.push_back(text.substr(start, at - start));
    start = at + 1;
  }
  parts.push_back(text.substr(start));
  return parts;
}

// The value rounded to 12 significant digits, which hides the binary representation error of
// evenly spaced decimal fractions.
double round_to_12_digits(double value) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.12g", value);
  return std::strtod(buffer, nullptr);
}

bool exact_integer(const Json& value) {
  return value.is_number_integer() && std::fabs(value.get<double>()) <= kMaxExactInteger;
}

AxisParse failure(std::string message) { return AxisParse{std::nullopt, std::move(message)}; }

AxisParse parse_range(const std::string& pointer, std::string_view range) {
  const std::vector<std::string_view> parts = split(range, ':');
  const std::string where = "--vary " + pointer + "=" + std::string(range) + ": ";
  if (parts.size() != 3) return failure(where + "a range is FROM:TO:STEPS, e.g. 100:900:9");
  const std::optional<Json> from = parse_json(parts[0]);
  const std::optional<Json> to = parse_json(parts[1]);
  const std::optional<Json> steps = parse_json(parts[2]);
  if (!from || !from->is_number()) return failure(where + "FROM is not a number");
  if (!to || !to->is_number()) return failure(where + "TO is not a number");
  if (!steps || !steps->is_number_integer() || steps->get<double>() < 1 ||
      steps->get<double>() > kMaxAxisValues) {
    return failure(where + "STEPS must be a whole number from 1 to " +
                   std::to_string(kMaxAxisValues));
  }
  const auto count = steps->get<std::int64_t>();
  const double low = from->get<double>();
  const double high = to->get<double>();
  if (!std::isfinite(low) || !std::isfinite(high)) {
    return failure(where + "FROM and TO must be finite");
  }

  SweepAxis axis{pointer, {}};
  axis.values.reserve(static_cast<std::size_t>(count));
  const bool integers = exact_integer(*from) && exact_integer(*to);
  const auto first = integers ? from->get<std::int64_t>() : 0;
  const auto span = integers ? to->get<std::int64_t>() - first : 0;
  if (count == 1) {
    axis.values.push_back(*from);
  } else if (integers && span % (count - 1) == 0) {
    const std::int64_t spacing = span / (count - 1);
    for (std::int64_t i = 0; i < count; ++i) axis.values.emplace_back(first + i * spacing);
  } else {
    const double last = static_cast<double>(count - 1);
    for (std::int64_t i = 0; i + 1 < count; ++i) {
      axis.values.emplace_back(
          round_to_12_digits(low + (high - low) * static_cast<double>(i) / last));
    }
    axis.values.emplace_back(high);
  }
  return AxisParse{std::move(axis), ""};
}

AxisParse parse_list(const std::string& pointer, std::string_view list) {
  SweepAxis axis{pointer, {}};
  for (std::string_view item : split_top_level(list)) {
    if (item.empty()) {
      return failure("--vary " + pointer + "=" + std::string(list) +
                     ": empty value in the list (write V1,V2,...)");
    }
    std::optional<Json> value = parse_json(item);
    axis.values.push_back(value ? std::move(*value) : Json(std::string(item)));
  }
  if (axis.values.size() > static_cast<std::size_t>(kMaxAxisValues)) {
    return failure("--vary " + pointer + ": more than " + std::to_string(kMaxAxisValues) +
                   " values");
  }
  return AxisParse{std::move(axis), ""};
}

}  // namespace

AxisParse parse_vary(std::string_view assignment) {
  const std::size_t equals = assignment.find('=');
  if (equals == std::string_view::npos || equals == 0 || assignment.front() != '/') {
    return failure("--vary " + std::string(assignment) +
                   ": expected PATH=FROM:TO:STEPS or PATH=V1,V2,... with PATH a JSON pointer "
                   "such as /workload/arrivals/rate");
  }
  const std::string pointer(assignment.substr(0, equals));
  const std::string_view values = assignment.substr(equals + 1);
  if (values.empty()) return failure("--vary " + pointer + "=: no values");
  const bool json_literal = values.front() == '{' || values.front() == '[' || values.front() == '"';
  const bool range = !json_literal && values.find(':') != std::string_view::npos &&
                     values.find(',') == std::string_view::npos;
  return range ? parse_range(pointer, values) : parse_list(pointer, values);
}

std::string repeated_pointer(const std::vector<SweepAxis>& axes) {
  std::set<std::string> seen;
  for (const SweepAxis& axis : axes) {
    if (!seen.insert(axis.pointer).second) return axis.pointer;
  }
  return "";
}

std::optional<std::size_t> grid_size(const std::vector<SweepAxis>& axes) {
  std::size_t size = 1;
  for (const SweepAxis& axis : axes) {
    if (axis.values.empty()) return 0;
    if (size > kMaxGridPoints / axis.values.size()) return std::nullopt;
    size *= axis.values.size();
  }
  if (size > kMaxGridPoints) return std::nullopt;
  return size;
}

std::vector<GridPoint> expand_grid(const std::vector<SweepAxis>& axes) {
  std::vector<GridPoint> points = {GridPoint{}};
  for (const SweepAxis& axis : axes) {
    std::vector<GridPoint> longer;
    longer.reserve(points.size() * axis.values.size());
    for (const GridPoint& outer : points) {
      for (const Json& value : axis.values) {
        GridPoint point = outer;
        point.emplace_back(axis.pointer, value);
        longer.push_back(std::move(point));
      }
    }
    points = std::move(longer);
  }
  return points;
}

Json grid_point_json(const GridPoint& point) {
  Json j = Json::object();
  for (const auto& [pointer, value] : point) j[pointer] = value;
  return j;
}

std::string describe_grid_point(const GridPoint& point) {
  std::string text;
  for (const auto& [pointer, value] : point) {
    if (!text.empty()) text += ' ';
    text += pointer + "=" + value.dump();
  }
  return text;
}

}  // namespace stacksim::reports
