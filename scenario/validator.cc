#include "scenario/validator.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "scenario/accepted_input.h"
#include "scenario/json_pointer.h"
#include "scenario/key_suggestion.h"
#include "scenario/units.h"

namespace stacksim::scenario {

namespace {

constexpr double kTwoPow63 = 9223372036854775808.0;

bool is_type_limit(std::int64_t max) {
  return max == std::numeric_limits<int>::max() || max == std::numeric_limits<std::int64_t>::max();
}

std::string format_number(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", x);
  return buf;
}

std::string got(const Json& value) { return ", got " + describe_json(value); }

const std::string kDurationForm =
    "a duration (seconds, or a string such as \"250ms\" with unit ns, us, ms, s, m, h or d)";
const std::string kSizeForm =
    "a size (bytes, or a string such as \"8GiB\" with unit B, KiB, MiB, GiB, TiB, KB, MB, GB or "
    "TB)";

}  // namespace

std::string IntRange::describe() const {
  if (!is_type_limit(max)) {
    return "an integer between " + std::to_string(min) + " and " + std::to_string(max);
  }
  if (min == 1) return "a positive integer";
  if (min == 0) return "a non-negative integer";
  return "an integer >= " + std::to_string(min);
}

std::string NumberRange::describe() const {
  if (max < std::numeric_limits<double>::max()) {
    if (!min_exclusive && !max_exclusive) {
      return "a number between " + format_number(min) + " and " + format_number(max);
    }
    return std::string("a number ") + (min_exclusive ? "greater than " : "at least ") +
           format_number(min) + (max_exclusive ? " and less than " : " and at most ") +
           format_number(max);
  }
  if (min == 0.0) return min_exclusive ? "a positive number" : "a non-negative number";
  return std::string("a number ") + (min_exclusive ? "> " : ">= ") + format_number(min);
}

void Validator::error(std::string pointer, std::string message) {
  errors_.push_back({file_, std::move(pointer), 0, 0, std::move(message)});
}

std::optional<std::string> Validator::read_string(const Json& value, const std::string& pointer,
                                                  bool non_empty) {
  if (!value.is_string()) {
    error(pointer, (non_empty ? "expected a non-empty string" : "expected a string") + got(value));
    return std::nullopt;
  }
  const auto& s = value.get_ref<const std::string&>();
  if (non_empty && s.empty()) {
    error(pointer, "expected a non-empty string" + got(value));
    return std::nullopt;
  }
  return s;
}

std::optional<std::int64_t> Validator::read_integer(const Json& value, const std::string& pointer,
                                                    IntRange range) {
  bool too_big = false;
  std::optional<std::int64_t> n;
  if (value.is_number_unsigned()) {
    const auto u = value.get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      too_big = true;
    } else {
      n = static_cast<std::int64_t>(u);
    }
  } else if (value.is_number_integer()) {
    n = value.get<std::int64_t>();
  } else if (value.is_number_float()) {
    const double d = value.get<double>();
    if (std::isfinite(d) && d == std::floor(d)) {
      if (d >= kTwoPow63) {
        too_big = true;
      } else if (d >= -kTwoPow63) {
        n = static_cast<std::int64_t>(d);
      }
    }
  }
  if (too_big || (n && *n > range.max)) {
    std::string expected = range.describe();
    if (is_type_limit(range.max)) expected += " no greater than " + std::to_string(range.max);
    error(pointer, "expected " + expected + got(value));
    return std::nullopt;
  }
  if (!n || *n < range.min) {
    error(pointer, "expected " + range.describe() + got(value));
    return std::nullopt;
  }
  return n;
}

std::optional<double> Validator::read_number(const Json& value, const std::string& pointer,
                                             NumberRange range) {
  if (value.is_number()) {
    const double d = value.get<double>();
    const bool above_min = range.min_exclusive ? d > range.min : d >= range.min;
    const bool below_max = range.max_exclusive ? d < range.max : d <= range.max;
    if (std::isfinite(d) && above_min && below_max) return d;
  }
  error(pointer, "expected " + range.describe() + got(value));
  return std::nullopt;
}

std::optional<sim::Time> Validator::read_duration(const Json& value, const std::string& pointer,
                                                  DurationRule rule) {
  const std::string sign_rule = rule == DurationRule::kPositive
                                    ? "expected a positive duration"
                                    : "expected a non-negative duration";
  std::optional<sim::Time> t;
  if (value.is_number()) {
    const double seconds = value.get<double>();
    if (seconds < 0.0) {
      error(pointer, sign_rule + got(value));
      return std::nullopt;
    }
    t = duration_from_seconds(seconds);
    if (!t) {
      error(pointer, "duration too large (at most about 292 years)" + got(value));
      return std::nullopt;
    }
  } else if (value.is_string()) {
    const auto& s = value.get_ref<const std::string&>();
    t = parse_duration(s);
    if (!t) {
      const auto first = s.find_first_not_of(" \t");
      const bool negative = first != std::string::npos && s[first] == '-';
      error(pointer, (negative ? sign_rule : "expected " + kDurationForm) + got(value));
      return std::nullopt;
    }
  } else {
    error(pointer, "expected " + kDurationForm + got(value));
    return std::nullopt;
  }
  if (rule == DurationRule::kPositive && *t <= 0) {
    error(pointer, "expected a positive duration" + got(value));
    return std::nullopt;
  }
  return t;
}

std::optional<std::int64_t> Validator::read_size(const Json& value, const std::string& pointer) {
  std::optional<std::int64_t> bytes;
  if (value.is_number()) {
    bytes = size_from_bytes(value.get<double>());
  } else if (value.is_string()) {
    bytes = parse_size(value.get_ref<const std::string&>());
  }
  if (!bytes) error(pointer, "expected " + kSizeForm + got(value));
  return bytes;
}

std::optional<bool> Validator::read_bool(const Json& value, const std::string& pointer) {
  if (value.is_boolean()) return value.get<bool>();
  error(pointer, "expected true or false" + got(value));
  return std::nullopt;
}

std::optional<std::size_t> Validator::read_choice(const Json& value, const std::string& pointer,
                                                  std::string_view what,
                                                  const std::vector<std::string>& choices) {
  note_accepted_words(pointer, choices);
  const auto word = read_string(value, pointer);
  if (!word) return std::nullopt;
  const auto it = std::find(choices.begin(), choices.end(), *word);
  if (it != choices.end()) return static_cast<std::size_t>(it - choices.begin());
  error(pointer, unknown_name_message(what, *word, choices, "expected one of"));
  return std::nullopt;
}

std::vector<std::string> key_list(std::span<const std::string_view> keys) {
  return {keys.begin(), keys.end()};
}

ObjectFields::ObjectFields(Validator& validator, const Json& value, std::string pointer,
                           std::span<const std::string_view> keys, const KeyHint& hint)
    : validator_(validator), pointer_(std::move(pointer)) {
  if (!value.is_object()) {
    validator_.error(pointer_, "expected an object" + got(value));
    return;
  }
  object_ = &value;
  note_accepted_object(pointer_, keys);
  for (auto it = value.begin(); it != value.end(); ++it) {
    if (std::find(keys.begin(), keys.end(), it.key()) != keys.end()) continue;
    std::string message =
        unknown_name_message("unknown key", it.key(), key_list(keys), "valid keys are");
    if (hint) message += hint(it.key());
    validator_.error(child_pointer(pointer_, it.key()), std::move(message));
  }
}

std::string ObjectFields::pointer(std::string_view key) const {
  return child_pointer(pointer_, key);
}

const Json* ObjectFields::find(std::string_view key) const {
  if (object_ == nullptr) return nullptr;
  const auto it = object_->find(key);
  return it == object_->end() ? nullptr : &*it;
}

const Json* ObjectFields::require(std::string_view key) {
  const Json* member = find(key);
  if (member == nullptr && object_ != nullptr) {
    validator_.error(pointer_, "missing required key " + in_quotes(key));
  }
  return member;
}

const Json* ObjectFields::get(std::string_view key, Need need) {
  return need == Need::kRequired ? require(key) : find(key);
}

std::optional<std::string> ObjectFields::string(std::string_view key, Need need, bool non_empty) {
  const Json* v = get(key, need);
  return v ? validator_.read_string(*v, pointer(key), non_empty) : std::nullopt;
}

std::optional<std::int64_t> ObjectFields::integer(std::string_view key, IntRange range, Need need) {
  const Json* v = get(key, need);
  return v ? validator_.read_integer(*v, pointer(key), range) : std::nullopt;
}

std::optional<double> ObjectFields::number(std::string_view key, NumberRange range, Need need) {
  const Json* v = get(key, need);
  return v ? validator_.read_number(*v, pointer(key), range) : std::nullopt;
}

std::optional<sim::Time> ObjectFields::duration(std::string_view key, DurationRule rule,
                                                Need need) {
  const Json* v = get(key, need);
  return v ? validator_.read_duration(*v, pointer(key), rule) : std::nullopt;
}

std::optional<std::int64_t> ObjectFields::size(std::string_view key, Need need) {
  const Json* v = get(key, need);
  return v ? validator_.read_size(*v, pointer(key)) : std::nullopt;
}

std::optional<bool> ObjectFields::boolean(std::string_view key, Need need) {
  const Json* v = get(key, need);
  return v ? validator_.read_bool(*v, pointer(key)) : std::nullopt;
}

std::optional<std::size_t> ObjectFields::choice(std::string_view key, std::string_view what,
                                                const std::vector<std::string>& choices,
                                                Need need) {
  const Json* v = get(key, need);
  return v ? validator_.read_choice(*v, pointer(key), what, choices) : std::nullopt;
}

std::optional<std::size_t> read_tag(Validator& validator, const Json& object,
                                    const std::string& pointer, std::string_view tag,
                                    std::string_view what, const std::vector<std::string>& names) {
  const auto it = object.find(tag);
  if (it == object.end()) {
    validator.error(pointer, "missing required key " + in_quotes(tag));
    return std::nullopt;
  }
  return validator.read_choice(*it, child_pointer(pointer, tag), what, names);
}

std::string other_owners_hint(std::string_view label, const std::vector<std::string>& owners,
                              std::string_view own) {
  if (owners.empty()) return "";
  std::string hint = " (a key of " + std::string(label) + " ";
  for (std::size_t i = 0; i < owners.size(); ++i) hint += (i > 0 ? ", " : "") + owners[i];
  return hint + ", not " + std::string(own) + ")";
}

}  // namespace stacksim::scenario
