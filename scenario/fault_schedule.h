#pragma once

// Private to the scenario layer: reading the schedule of a scheduled fault, in one of three
// forms: "at" + "duration" (one window), "start" (default 0) + "every" + "duration" (a window
// repeated; without "every" it happens once) or "windows" (an explicit list of windows).

#include <array>
#include <string>
#include <string_view>

#include "models/scenario_spec.h"
#include "scenario/validator.h"

namespace stacksim::scenario {

// The keys of a fault object that belong to its schedule.
inline constexpr std::array<std::string_view, 5> kScheduleKeys = {"at", "start", "every",
                                                                  "duration", "windows"};

// The schedule forms that the fault object gives, joined for messages ("\"at\" and \"windows\"");
// empty when it gives none.
[[nodiscard]] std::string schedule_forms_given(const ObjectFields& fields);

// How to give a schedule, for messages.
[[nodiscard]] std::string schedule_forms_help();

// True when the fault object gives any schedule key.
[[nodiscard]] bool gives_schedule(const ObjectFields& fields);

// Reads the schedule into spec.windows (forms "at" and "windows", sorted by start) or
// spec.start_ns / every_ns / duration_ns (form "every"). Reports, at the fault's pointer, a
// schedule given in no form or in several; window durations must be positive, starts
// non-negative, a repeated window shorter than its period and listed windows must not overlap.
void read_schedule(ObjectFields& fields, models::FaultSpec& spec);

}  // namespace stacksim::scenario
