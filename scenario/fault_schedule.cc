#include "scenario/fault_schedule.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "scenario/json_pointer.h"

namespace stacksim::scenario {

namespace {

using models::FaultSpec;
using models::FaultWindow;
using Keys = std::vector<std::string_view>;

bool gives_at(const ObjectFields& fields) { return fields.has("at"); }
bool gives_windows(const ObjectFields& fields) { return fields.has("windows"); }
// "start" and "every" belong to the repeated form only; "duration" alone is a window at 0.
bool gives_repeat(const ObjectFields& fields) {
  return fields.has("start") || fields.has("every") ||
         (fields.has("duration") && !gives_at(fields));
}

// True when a window from `start` lasting `duration` ends at a representable time.
bool ends_in_range(sim::Time start, sim::Time duration) {
  return start <= sim::kTimeInfinity - duration;
}

void report_late_end(Validator& validator, const std::string& pointer) {
  validator.error(pointer,
                  "the window would end after the latest time that can be simulated "
                  "(about 292 years)");
}

void read_at(ObjectFields& fields, FaultSpec& spec) {
  const auto at = fields.duration("at", DurationRule::kNonNegative);
  const auto duration = fields.duration("duration", DurationRule::kPositive, Need::kRequired);
  if (!at || !duration) return;
  if (!ends_in_range(*at, *duration)) {
    report_late_end(fields.validator(), fields.pointer("duration"));
    return;
  }
  spec.windows = {FaultWindow{*at, *duration}};
}

void read_repeat(ObjectFields& fields, FaultSpec& spec) {
  const auto start = fields.duration("start", DurationRule::kNonNegative);
  const auto every = fields.duration("every", DurationRule::kNonNegative);
  const auto duration = fields.duration("duration", DurationRule::kPositive, Need::kRequired);
  spec.start_ns = start.value_or(spec.start_ns);
  spec.every_ns = every.value_or(spec.every_ns);
  spec.duration_ns = duration.value_or(spec.duration_ns);
  if (!duration) return;
  if (every && *every > 0 && *duration >= *every) {
    fields.validator().error(fields.pointer("duration"),
                             "window longer than its period: duration must be shorter than every");
  } else if (start && !ends_in_range(*start, *duration)) {
    report_late_end(fields.validator(), fields.pointer("duration"));
  }
}

void read_window_list(ObjectFields& fields, FaultSpec& spec) {
  Validator& validator = fields.validator();
  const Json& list = *fields.find("windows");
  const std::string pointer = fields.pointer("windows");
  if (!list.is_array() || list.empty()) {
    validator.error(pointer,
                    "expected a non-empty array of windows such as "
                    "[{\"start\": \"1h\", \"duration\": \"5m\"}], got " +
                        (list.is_array() ? std::string("an empty array") : describe_json(list)));
    return;
  }
  static const Keys kWindowKeys = {"start", "duration"};
  struct Listed {
    FaultWindow window;
    std::size_t index;  // position in the file
  };
  std::vector<Listed> windows;
  bool complete = true;
  for (std::size_t i = 0; i < list.size(); ++i) {
    ObjectFields window(validator, list[i], child_pointer(pointer, i), kWindowKeys);
    if (!window.is_object()) {
      complete = false;
      continue;
    }
    const auto start = window.duration("start", DurationRule::kNonNegative, Need::kRequired);
    const auto duration = window.duration("duration", DurationRule::kPositive, Need::kRequired);
    if (!start || !duration) {
      complete = false;
      continue;
    }
    if (!ends_in_range(*start, *duration)) {
      report_late_end(validator, window.pointer("duration"));
      complete = false;
      continue;
    }
    windows.push_back({{*start, *duration}, i});
  }
  // Overlaps are judged only on a complete list: a missing window could change them.
  if (!complete) return;
  std::stable_sort(windows.begin(), windows.end(), [](const Listed& a, const Listed& b) {
    return a.window.start_ns < b.window.start_ns;
  });
  const Listed* latest_end = nullptr;  // of the windows before the current one
  for (const Listed& w : windows) {
    if (latest_end != nullptr &&
        w.window.start_ns < latest_end->window.start_ns + latest_end->window.duration_ns) {
      validator.error(child_pointer(pointer, w.index),
                      "window overlaps window " + std::to_string(latest_end->index) + " (at " +
                          child_pointer(pointer, latest_end->index) +
                          "); the windows of one fault must not overlap");
    }
    if (latest_end == nullptr || w.window.start_ns + w.window.duration_ns >
                                     latest_end->window.start_ns + latest_end->window.duration_ns) {
      latest_end = &w;
    }
  }
  spec.windows.clear();
  for (const Listed& w : windows) spec.windows.push_back(w.window);
}

}  // namespace

std::string schedule_forms_given(const ObjectFields& fields) {
  std::vector<std::string> forms;
  if (gives_at(fields)) forms.emplace_back("\"at\"");
  if (gives_repeat(fields)) {
    std::string keys;
    for (const std::string_view key : {"start", "every"}) {
      if (!fields.has(key)) continue;
      keys += (keys.empty() ? "\"" : "/\"") + std::string(key) + "\"";
    }
    forms.push_back(keys.empty() ? "\"duration\"" : keys);
  }
  if (gives_windows(fields)) forms.emplace_back("\"windows\"");
  std::string joined;
  for (std::size_t i = 0; i < forms.size(); ++i) {
    if (i > 0) joined += i + 1 == forms.size() ? " and " : ", ";
    joined += forms[i];
  }
  return joined;
}

std::string schedule_forms_help() {
  return "\"at\" + \"duration\" (one window), \"every\" + \"duration\" with an optional \"start\" "
         "(a repeated window; without \"every\" it happens once), or \"windows\" (a list of "
         "{\"start\", \"duration\"})";
}

bool gives_schedule(const ObjectFields& fields) {
  return gives_at(fields) || gives_repeat(fields) || gives_windows(fields);
}

void read_schedule(ObjectFields& fields, FaultSpec& spec) {
  const int forms = static_cast<int>(gives_at(fields)) + static_cast<int>(gives_repeat(fields)) +
                    static_cast<int>(gives_windows(fields));
  if (forms == 0) {
    fields.validator().error(fields.pointer(), "missing schedule: give " + schedule_forms_help());
    return;
  }
  if (forms > 1) {
    fields.validator().error(fields.pointer(),
                             "more than one schedule: " + schedule_forms_given(fields) +
                                 "; give exactly one of " + schedule_forms_help());
    // Still judge each value on its own, so that every mistake is reported at once.
    (void)fields.duration("at", DurationRule::kNonNegative);
    (void)fields.duration("start", DurationRule::kNonNegative);
    (void)fields.duration("every", DurationRule::kNonNegative);
    (void)fields.duration("duration", DurationRule::kPositive);
    if (gives_windows(fields)) read_window_list(fields, spec);
    return;
  }
  if (gives_at(fields)) {
    read_at(fields, spec);
  } else if (gives_windows(fields)) {
    read_window_list(fields, spec);
  } else {
    read_repeat(fields, spec);
  }
}

}  // namespace stacksim::scenario
