#pragma once

// Private to the scenario layer: collecting diagnostics and reading typed values out of JSON.
// Every reader reports what is wrong at the value's pointer and returns nullopt; none throws.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "scenario/json_text.h"
#include "scenario/loader.h"
#include "sim/time.h"

namespace stacksim::scenario {

// Allowed integers, [min, max]; describe() is the phrase used in messages ("a positive integer").
struct IntRange {
  std::int64_t min = 0;
  std::int64_t max = std::numeric_limits<int>::max();

  static IntRange positive() { return {1, std::numeric_limits<int>::max()}; }
  static IntRange non_negative() { return {0, std::numeric_limits<int>::max()}; }
  [[nodiscard]] std::string describe() const;
};

// Allowed numbers (always finite): [min, max]; either end is left out when it is exclusive.
struct NumberRange {
  double min = 0.0;
  double max = std::numeric_limits<double>::max();
  bool min_exclusive = false;
  bool max_exclusive = false;

  static NumberRange positive() { return {0.0, std::numeric_limits<double>::max(), true}; }
  static NumberRange non_negative() { return {}; }
  static NumberRange fraction() { return {0.0, 1.0, false}; }
  [[nodiscard]] std::string describe() const;
};

enum class DurationRule { kNonNegative, kPositive };

enum class Need { kOptional, kRequired };

class Validator {
 public:
  explicit Validator(std::string file) : file_(std::move(file)) {}

  void error(std::string pointer, std::string message);
  [[nodiscard]] std::size_t error_count() const { return errors_.size(); }
  [[nodiscard]] std::vector<Diagnostic> take_errors() { return std::move(errors_); }

  [[nodiscard]] std::optional<std::string> read_string(const Json& value,
                                                       const std::string& pointer,
                                                       bool non_empty = false);
  [[nodiscard]] std::optional<std::int64_t> read_integer(const Json& value,
                                                         const std::string& pointer,
                                                         IntRange range);
  [[nodiscard]] std::optional<double> read_number(const Json& value, const std::string& pointer,
                                                  NumberRange range);
  // A number of seconds or a string with a unit (see units.h).
  [[nodiscard]] std::optional<sim::Time> read_duration(const Json& value,
                                                       const std::string& pointer,
                                                       DurationRule rule);
  // A number of bytes or a string with a unit (see units.h).
  [[nodiscard]] std::optional<std::int64_t> read_size(const Json& value,
                                                      const std::string& pointer);
  // JSON true or false.
  [[nodiscard]] std::optional<bool> read_bool(const Json& value, const std::string& pointer);
  // The index in `choices` of the string `value`; an unknown one is reported as
  // `WHAT "word"; did you mean "x"?` (or with the list of choices).
  [[nodiscard]] std::optional<std::size_t> read_choice(const Json& value,
                                                       const std::string& pointer,
                                                       std::string_view what,
                                                       const std::vector<std::string>& choices);

 private:
  std::string file_;
  std::vector<Diagnostic> errors_;
};

// Appended to the message about an unknown key, e.g. to say which kind the key belongs to.
using KeyHint = std::function<std::string(std::string_view key)>;

// One JSON object being read. Construction reports a value that is not an object and every key
// not in `keys` (with the nearest valid key). Accessors look keys up and read typed members;
// absent optional members give nullopt without an error.
class ObjectFields {
 public:
  ObjectFields(Validator& validator, const Json& value, std::string pointer,
               std::span<const std::string_view> keys, const KeyHint& hint = {});

  [[nodiscard]] bool is_object() const { return object_ != nullptr; }
  [[nodiscard]] const std::string& pointer() const { return pointer_; }
  [[nodiscard]] std::string pointer(std::string_view key) const;
  [[nodiscard]] Validator& validator() const { return validator_; }

  // The member, or nullptr when absent (or when the value is not an object).
  [[nodiscard]] const Json* find(std::string_view key) const;
  [[nodiscard]] bool has(std::string_view key) const { return find(key) != nullptr; }
  // As find, and reports `missing required key "key"` at this object when absent.
  const Json* require(std::string_view key);

  std::optional<std::string> string(std::string_view key, Need need = Need::kOptional,
                                    bool non_empty = false);
  std::optional<std::int64_t> integer(std::string_view key, IntRange range,
                                      Need need = Need::kOptional);
  std::optional<double> number(std::string_view key, NumberRange range,
                               Need need = Need::kOptional);
  std::optional<sim::Time> duration(std::string_view key, DurationRule rule,
                                    Need need = Need::kOptional);
  std::optional<std::int64_t> size(std::string_view key, Need need = Need::kOptional);
  std::optional<bool> boolean(std::string_view key, Need need = Need::kOptional);
  // The index in `choices` of the string at `key`; an unknown one is reported as
  // `WHAT "word"; did you mean "x"?` (or with the list of choices).
  std::optional<std::size_t> choice(std::string_view key, std::string_view what,
                                    const std::vector<std::string>& choices,
                                    Need need = Need::kOptional);

 private:
  const Json* get(std::string_view key, Need need);

  Validator& validator_;
  const Json* object_ = nullptr;
  std::string pointer_;
};

// The valid keys as strings, in order (for suggestions and lists).
[[nodiscard]] std::vector<std::string> key_list(std::span<const std::string_view> keys);

// Tagged objects ({"kind": "web", ...}, {"dist": "gamma", ...}): the tag names one entry of a
// table whose entries have a `name` (the tag's value) and `keys` (every key valid for that
// entry, the tag included).

// The names of a table's entries, in order (for suggestions and lists).
template <typename Table>
[[nodiscard]] std::vector<std::string> entry_names(const Table& table) {
  std::vector<std::string> names;
  for (const auto& entry : table) names.emplace_back(entry.name);
  return names;
}

// The index in `names` of the entry the object at `pointer` names with its `tag` key. Reports a
// missing tag (`missing required key "kind"`, at the object), and a tag that is not a string or
// not one of `names` (read_choice, at the tag). `object` must be a JSON object.
[[nodiscard]] std::optional<std::size_t> read_tag(Validator& validator, const Json& object,
                                                  const std::string& pointer, std::string_view tag,
                                                  std::string_view what,
                                                  const std::vector<std::string>& names);

// The entry of `table` that the object at `pointer` names with its `tag` (read_tag), or null.
template <typename Table>
[[nodiscard]] const typename Table::value_type* read_tagged(
    Validator& validator, const Json& object, const std::string& pointer, std::string_view tag,
    std::string_view what, const Table& table) {
  const auto index = read_tag(validator, object, pointer, tag, what, entry_names(table));
  return index ? &table[*index] : nullptr;
}

// `" (a key of LABEL a, b, not OWN)"`, naming the `owners` of a key that is not valid for `own`;
// "" when there are none.
[[nodiscard]] std::string other_owners_hint(std::string_view label,
                                            const std::vector<std::string>& owners,
                                            std::string_view own);

// The hint for the unknown keys of a tagged object that is entry `own` of `table`: the other
// entries the key is valid for, e.g. " (a key of kind app, not db)" (LABEL "kind"). `table` and
// `own` must outlive the hint.
template <typename Table>
[[nodiscard]] KeyHint other_entries_hint(const Table& table, const typename Table::value_type& own,
                                         std::string_view label) {
  return [&table, &own, label](std::string_view key) {
    std::vector<std::string> owners;
    for (const auto& entry : table) {
      if (&entry == &own ||
          std::find(entry.keys.begin(), entry.keys.end(), key) == entry.keys.end()) {
        continue;
      }
      owners.emplace_back(entry.name);
    }
    return other_owners_hint(label, owners, own.name);
  };
}

}  // namespace stacksim::scenario
