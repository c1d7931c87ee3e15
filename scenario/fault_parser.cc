#include "scenario/fault_parser.h"

#include <string_view>

#include "scenario/distribution_parser.h"
#include "scenario/json_pointer.h"
#include "scenario/key_suggestion.h"

namespace stacksim::scenario {

namespace {

using models::FaultSpec;
using Keys = std::vector<std::string_view>;

void read_target(Validator& validator, ObjectFields& fields, const ScenarioNames& names,
                 FaultSpec& spec) {
  const auto target = fields.string("target", Need::kRequired);
  if (!target) return;
  const bool host = names.is_host(*target);
  const bool component = names.is_component(*target);
  if (host && component) {
    validator.error(
        fields.pointer("target"),
        "target " + in_quotes(*target) + " names both a host and a component; rename one of them");
  } else if (!host && !component && names.hosts_readable && names.components_readable) {
    std::vector<std::string> candidates = names.hosts;
    candidates.insert(candidates.end(), names.components.begin(), names.components.end());
    validator.error(
        fields.pointer("target"),
        unknown_name_message("unknown target", *target, candidates, "hosts and components are"));
  }
  spec.target = *target;
}

void read_crash(Validator& validator, ObjectFields& fields, FaultSpec& spec) {
  // Both are required: a crash needs how long the target runs and how long repair takes.
  const Json* mtbf = fields.find("mtbf");
  const Json* mttr = fields.find("mttr");
  if (mtbf == nullptr) {
    validator.error(fields.pointer(), std::string(mttr ? "mttr without mtbf: " : "") +
                                          "missing required key \"mtbf\"");
  }
  if (mttr == nullptr) {
    validator.error(fields.pointer(), std::string(mtbf ? "mtbf without mttr: " : "") +
                                          "missing required key \"mttr\"");
  }
  if (mtbf != nullptr) {
    if (auto d = read_distribution(validator, *mtbf, fields.pointer("mtbf"))) {
      if (d->mean_ns() <= 0.0) {
        validator.error(fields.pointer("mtbf"), "mtbf must have a positive mean");
      }
      spec.mtbf = *d;
    }
  }
  if (mttr != nullptr) {
    if (auto d = read_distribution(validator, *mttr, fields.pointer("mttr"))) spec.mttr = *d;
  }
}

void read_maintenance(Validator& validator, ObjectFields& fields, FaultSpec& spec) {
  spec.start_ns = fields.duration("start", DurationRule::kNonNegative).value_or(0);
  const auto every = fields.duration("every", DurationRule::kNonNegative);
  const auto duration = fields.duration("duration", DurationRule::kPositive, Need::kRequired);
  spec.every_ns = every.value_or(0);
  spec.duration_ns = duration.value_or(0);
  if (every && duration && *every > 0 && *duration >= *every) {
    validator.error(fields.pointer("duration"),
                    "maintenance window longer than its period: duration must be shorter than "
                    "every");
  }
}

}  // namespace

std::vector<FaultSpec> read_faults(Validator& validator, const Json& value,
                                   const std::string& pointer, const ScenarioNames& names) {
  std::vector<FaultSpec> faults;
  if (!value.is_array()) {
    validator.error(pointer, "expected an array of faults, got " + describe_json(value));
    return faults;
  }
  static const Keys kCrashKeys = {"kind", "target", "mtbf", "mttr"};
  static const Keys kMaintenanceKeys = {"kind", "target", "start", "every", "duration"};
  for (std::size_t i = 0; i < value.size(); ++i) {
    const std::string fault_pointer = child_pointer(pointer, i);
    const Json& body = value[i];
    if (!body.is_object()) {
      validator.error(fault_pointer, "expected an object, got " + describe_json(body));
      continue;
    }
    const auto kind_it = body.find("kind");
    if (kind_it == body.end()) {
      validator.error(fault_pointer, "missing required key \"kind\"");
      continue;
    }
    const std::string kind_pointer = child_pointer(fault_pointer, "kind");
    const auto kind = validator.read_string(*kind_it, kind_pointer);
    if (!kind) continue;
    FaultSpec spec;
    if (*kind == "crash") {
      spec.kind = FaultSpec::Kind::kCrash;
      ObjectFields fields(validator, body, fault_pointer, kCrashKeys);
      read_target(validator, fields, names, spec);
      read_crash(validator, fields, spec);
    } else if (*kind == "maintenance") {
      spec.kind = FaultSpec::Kind::kMaintenance;
      ObjectFields fields(validator, body, fault_pointer, kMaintenanceKeys);
      read_target(validator, fields, names, spec);
      read_maintenance(validator, fields, spec);
    } else {
      validator.error(kind_pointer,
                      unknown_name_message("unknown fault kind", *kind, {"crash", "maintenance"},
                                           "expected one of"));
      continue;
    }
    faults.push_back(std::move(spec));
  }
  return faults;
}

}  // namespace stacksim::scenario
