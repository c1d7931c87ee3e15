#include "scenario/distribution_parser.h"

#include <array>
#include <cmath>
#include <string_view>
#include <vector>

#include "scenario/json_pointer.h"

namespace stacksim::scenario {

namespace {

using Keys = std::vector<std::string_view>;

struct DistSpec {
  std::string_view name;
  Keys keys;  // "dist" plus the parameters, all required
};

const std::array<DistSpec, 7>& dist_specs() {
  static const std::array<DistSpec, 7> kSpecs = {{
      {"deterministic", {"dist", "value"}},
      {"exponential", {"dist", "mean"}},
      {"uniform", {"dist", "min", "max"}},
      {"lognormal", {"dist", "mean", "cv"}},
      {"gamma", {"dist", "mean", "cv"}},
      {"weibull", {"dist", "shape", "scale"}},
      {"empirical", {"dist", "values"}},
  }};
  return kSpecs;
}

std::optional<sim::Distribution> read_object(Validator& validator, const Json& value,
                                             const std::string& pointer) {
  const DistSpec* spec =
      read_tagged(validator, value, pointer, "dist", "unknown distribution", dist_specs());
  if (spec == nullptr) return std::nullopt;

  const std::size_t errors_before = validator.error_count();
  ObjectFields fields(validator, value, pointer, spec->keys);
  // Every parameter is required; a missing one is reported once per key.
  for (std::size_t i = 1; i < spec->keys.size(); ++i) fields.require(spec->keys[i]);

  std::optional<sim::Distribution> result;
  if (spec->name == "deterministic") {
    if (const auto v = fields.duration("value", DurationRule::kNonNegative)) {
      result = sim::Distribution::deterministic(*v);
    }
  } else if (spec->name == "exponential") {
    if (const auto mean = fields.duration("mean", DurationRule::kPositive)) {
      result = sim::Distribution::exponential(*mean);
    }
  } else if (spec->name == "uniform") {
    const auto min = fields.duration("min", DurationRule::kNonNegative);
    const auto max = fields.duration("max", DurationRule::kNonNegative);
    if (min && max) {
      if (*min > *max) {
        validator.error(fields.pointer("max"), "max must not be less than min");
      } else {
        result = sim::Distribution::uniform(*min, *max);
      }
    }
  } else if (spec->name == "lognormal" || spec->name == "gamma") {
    const auto mean = fields.duration("mean", DurationRule::kPositive);
    const auto cv = fields.number("cv", NumberRange::positive());
    if (mean && cv) {
      result = spec->name == "gamma" ? sim::Distribution::gamma(*mean, *cv)
                                     : sim::Distribution::lognormal(*mean, *cv);
    }
  } else if (spec->name == "weibull") {
    const auto shape = fields.number("shape", NumberRange::positive());
    const auto scale = fields.duration("scale", DurationRule::kPositive);
    if (shape && scale) result = sim::Distribution::weibull(*shape, *scale);
  } else if (spec->name == "empirical") {
    if (const Json* values = fields.find("values")) {
      const std::string values_pointer = fields.pointer("values");
      if (!values->is_array() || values->empty()) {
        validator.error(values_pointer,
                        "expected a non-empty array of durations, got " + describe_json(*values));
      } else {
        std::vector<sim::Time> samples;
        samples.reserve(values->size());
        bool ok = true;
        for (std::size_t i = 0; i < values->size(); ++i) {
          const auto t = validator.read_duration((*values)[i], child_pointer(values_pointer, i),
                                                 DurationRule::kNonNegative);
          ok = ok && t.has_value();
          if (t) samples.push_back(*t);
        }
        if (ok) result = sim::Distribution::empirical(std::move(samples));
      }
    }
  }
  if (validator.error_count() != errors_before) return std::nullopt;
  if (result && !(std::isfinite(result->mean_ns()) && result->mean_ns() < 9.2e18 &&
                  std::isfinite(result->scv()))) {
    validator.error(pointer, "the mean or variance of this distribution is too large");
    return std::nullopt;
  }
  return result;
}

}  // namespace

std::optional<sim::Distribution> read_distribution(Validator& validator, const Json& value,
                                                   const std::string& pointer) {
  if (value.is_object()) return read_object(validator, value, pointer);
  if (value.is_number() || value.is_string()) {
    const auto t = validator.read_duration(value, pointer, DurationRule::kNonNegative);
    if (!t) return std::nullopt;
    return sim::Distribution::deterministic(*t);
  }
  validator.error(pointer,
                  "expected a distribution (a duration, or an object such as "
                  "{\"dist\": \"exponential\", \"mean\": \"10ms\"}), got " +
                      describe_json(value));
  return std::nullopt;
}

}  // namespace stacksim::scenario
