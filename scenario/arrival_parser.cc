#include "scenario/arrival_parser.h"

#include <array>
#include <cmath>
#include <optional>
#include <string_view>
#include <vector>

#include "models/scenario_limits.h"
#include "scenario/distribution_parser.h"
#include "scenario/json_pointer.h"
#include "scenario/trace_file.h"

namespace stacksim::scenario {

namespace {

using models::WorkloadSpec;
using Keys = std::vector<std::string_view>;

struct ProcessInfo {
  WorkloadSpec::Process process;
  std::string_view name;
  Keys keys;
};

const std::array<ProcessInfo, 3>& processes() {
  static const std::array<ProcessInfo, 3> kProcesses = {{
      {WorkloadSpec::Process::kPoisson, "poisson", {"process", "rate", "profile"}},
      {WorkloadSpec::Process::kClosed, "closed", {"process", "users", "think"}},
      {WorkloadSpec::Process::kTrace, "trace", {"process", "file"}},
  }};
  return kProcesses;
}

const std::string kProfileForms =
    "an array of points such as [{\"at\": 0, \"factor\": 1}, {\"at\": \"8h\", \"factor\": 3}] or "
    "an object {\"points\": [...], \"shape\": \"step\" or \"linear\", \"repeat\": \"24h\"}";

// The points of a profile; reports each bad point at its element. Returns nullopt when any point
// is invalid (the order is then not judged).
std::optional<std::vector<models::RatePoint>> read_points(Validator& validator, const Json& list,
                                                          const std::string& pointer, double rate) {
  if (!list.is_array() || list.empty()) {
    validator.error(pointer,
                    "expected a non-empty array of points such as [{\"at\": 0, \"factor\": 1}], "
                    "got " +
                        (list.is_array() ? std::string("an empty array") : describe_json(list)));
    return std::nullopt;
  }
  static const Keys kPointKeys = {"at", "factor"};
  std::vector<models::RatePoint> points;
  bool complete = true;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string element = child_pointer(pointer, i);
    ObjectFields point(validator, list[i], element, kPointKeys);
    if (!point.is_object()) {
      complete = false;
      continue;
    }
    const auto at = point.duration("at", DurationRule::kNonNegative, Need::kRequired);
    const auto factor = point.number("factor", NumberRange::non_negative(), Need::kRequired);
    if (factor && !std::isfinite(rate * *factor)) {
      validator.error(point.pointer("factor"), "rate x factor is too large");
      complete = false;
      continue;
    }
    if (!at || !factor) {
      complete = false;
      continue;
    }
    if (i == 0 && *at != 0) {
      validator.error(element,
                      "the first point must be at 0 (the start of the run): the profile gives the "
                      "rate from then on");
    } else if (i > 0 && complete && *at <= points.back().at_ns) {
      validator.error(element,
                      "points must be in strictly increasing order of \"at\": this one is "
                      "not later than point " +
                          std::to_string(i - 1));
    }
    points.push_back({*at, *factor});
  }
  if (!complete) return std::nullopt;
  return points;
}

// `profile`: points alone (steps, no repeat) or {"points", "shape", "repeat"}.
models::RateProfile read_profile(Validator& validator, const Json& value,
                                 const std::string& pointer, double rate) {
  models::RateProfile profile;
  if (value.is_array()) {
    profile.points = read_points(validator, value, pointer, rate).value_or(profile.points);
    return profile;
  }
  if (!value.is_object()) {
    validator.error(pointer, "expected " + kProfileForms + ", got " + describe_json(value));
    return profile;
  }
  static const Keys kKeys = {"points", "shape", "repeat"};
  ObjectFields fields(validator, value, pointer, kKeys);
  std::optional<std::vector<models::RatePoint>> points;
  if (const Json* list = fields.require("points")) {
    points = read_points(validator, *list, fields.pointer("points"), rate);
  }
  static const std::vector<std::string> kShapes = {"step", "linear"};
  if (const auto shape = fields.choice("shape", "unknown shape", kShapes)) {
    profile.linear = *shape == 1;
  }
  const auto repeat = fields.duration("repeat", DurationRule::kPositive);
  if (repeat && points && !points->empty() && *repeat <= points->back().at_ns) {
    validator.error(fields.pointer("repeat"),
                    "repeat must be longer than the \"at\" of the last point (" +
                        child_pointer(fields.pointer("points"), points->size() - 1) +
                        "): the profile repeats with this period");
  }
  profile.points = points.value_or(profile.points);
  profile.repeat_ns = repeat.value_or(profile.repeat_ns);
  return profile;
}

}  // namespace

void read_arrivals(Validator& validator, const Json& value, const std::string& pointer,
                   const FileAccess& files, WorkloadSpec& spec) {
  if (!value.is_object()) {
    validator.error(pointer,
                    "expected an object such as {\"process\": \"poisson\", \"rate\": 10}, "
                    "got " +
                        describe_json(value));
    return;
  }
  const ProcessInfo* info =
      read_tagged(validator, value, pointer, "process", "unknown arrival process", processes());
  if (info == nullptr) return;
  ObjectFields fields(validator, value, pointer, info->keys,
                      other_entries_hint(processes(), *info, "process"));
  spec.process = info->process;
  switch (info->process) {
    case WorkloadSpec::Process::kPoisson: {
      auto rate = fields.number("rate", NumberRange::positive(), Need::kRequired);
      if (rate && *rate > models::kMaxArrivalRatePerSecond) {
        validator.error(fields.pointer("rate"),
                        "a rate above 1e9 per second (one arrival a nanosecond, the clock's "
                        "resolution) cannot be simulated, got " +
                            describe_json(*fields.find("rate")));
        rate.reset();
      }
      spec.rate_per_s = rate.value_or(spec.rate_per_s);
      if (const Json* profile = fields.find("profile")) {
        spec.profile =
            read_profile(validator, *profile, fields.pointer("profile"), rate.value_or(1.0));
      }
      break;
    }
    case WorkloadSpec::Process::kClosed:
      spec.users = static_cast<int>(
          fields.integer("users", {1, models::kMaxUsers}, Need::kRequired).value_or(spec.users));
      if (const Json* think = fields.find("think")) {
        if (auto d = read_distribution(validator, *think, fields.pointer("think"))) spec.think = *d;
      }
      break;
    case WorkloadSpec::Process::kTrace:
      if (const auto file = fields.string("file", Need::kRequired, /*non_empty=*/true)) {
        if (auto times = read_trace_file(validator, *file, files, fields.pointer("file"))) {
          spec.trace_ns = std::move(*times);
        }
      }
      break;
  }
}

}  // namespace stacksim::scenario
