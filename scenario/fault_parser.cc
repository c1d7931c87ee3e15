#include "scenario/fault_parser.h"

#include <array>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <utility>

#include "scenario/distribution_parser.h"
#include "scenario/fault_schedule.h"
#include "scenario/fault_target.h"
#include "scenario/json_pointer.h"
#include "scenario/key_suggestion.h"

namespace stacksim::scenario {

namespace {

using models::ComponentKind;
using models::FaultSpec;
using Keys = std::vector<std::string_view>;

struct FaultKindInfo {
  FaultKindInfo(FaultSpec::Kind kind, Targets targets, Keys keys)
      : kind(kind), name(models::to_string(kind)), targets(targets), keys(std::move(keys)) {}

  FaultSpec::Kind kind;
  std::string_view name;  // as scenarios write it
  Targets targets;
  Keys keys;  // every valid key: kind, target, the kind's own keys, then the schedule keys
};

Keys fault_keys(std::initializer_list<std::string_view> own) {
  Keys keys = {"kind", "target"};
  keys.insert(keys.end(), own.begin(), own.end());
  keys.insert(keys.end(), kScheduleKeys.begin(), kScheduleKeys.end());
  return keys;
}

const std::array<FaultKindInfo, 7>& fault_kinds() {
  static const std::array<FaultKindInfo, 7> kKinds = {{
      {FaultSpec::Kind::kCrash, Targets::kHostOrComponent, fault_keys({"mtbf", "mttr"})},
      {FaultSpec::Kind::kProcessCrash, Targets::kComponentNotDns,
       fault_keys({"mtbf", "restart_delay"})},
      {FaultSpec::Kind::kMaintenance, Targets::kHostOrComponent, fault_keys({"mode", "drain"})},
      {FaultSpec::Kind::kDnsOutage, Targets::kDnsComponent, fault_keys({"mode"})},
      {FaultSpec::Kind::kNetwork, Targets::kHost,
       fault_keys({"added_latency", "loss", "partition"})},
      {FaultSpec::Kind::kSlowdown, Targets::kComponentNotDns, fault_keys({"factor"})},
      {FaultSpec::Kind::kColdRestart, Targets::kDbComponent,
       fault_keys({"initial_hit_ratio", "warm_up"})},
  }};
  return kKinds;
}

// Reads one fault; `fields` has already checked the keys of its kind.
class FaultReader {
 public:
  FaultReader(Validator& validator, ObjectFields& fields, const ScenarioNames& names,
              const FaultKindInfo& info, FaultSpec& spec)
      : validator_(validator), fields_(fields), names_(names), info_(info), spec_(spec) {}

  void read() {
    target_is_ = read_fault_target(fields_, names_, info_.targets, info_.name, spec_.target);
    switch (spec_.kind) {
      case FaultSpec::Kind::kCrash:
        read_crash();
        break;
      case FaultSpec::Kind::kProcessCrash:
        read_process_crash();
        break;
      case FaultSpec::Kind::kMaintenance:
        read_maintenance();
        break;
      case FaultSpec::Kind::kDnsOutage:
        read_dns_outage();
        break;
      case FaultSpec::Kind::kNetwork:
        read_network();
        break;
      case FaultSpec::Kind::kSlowdown:
        read_slowdown();
        break;
      case FaultSpec::Kind::kColdRestart:
        read_cold_restart();
        break;
    }
  }

 private:
  void read_crash() {
    const bool random = fields_.has("mtbf") || fields_.has("mttr");
    const bool scheduled = gives_schedule(fields_);
    if (random && scheduled) {
      validator_.error(fields_.pointer(),
                       "a crash is random (\"mtbf\" + \"mttr\") or scheduled, not both; this one "
                       "gives " +
                           random_keys_given({"mtbf", "mttr"}) + " and " +
                           schedule_forms_given(fields_));
    } else if (!random && !scheduled) {
      validator_.error(fields_.pointer(),
                       "a crash needs \"mtbf\" + \"mttr\" (random crashes) or a schedule: " +
                           schedule_forms_help());
    } else if (random) {
      // A random crash needs how long the target runs and how long repair takes.
      if (!fields_.has("mttr")) {
        validator_.error(fields_.pointer(), "mtbf without mttr: missing required key \"mttr\"");
      }
      if (!fields_.has("mtbf")) {
        validator_.error(fields_.pointer(), "mttr without mtbf: missing required key \"mtbf\"");
      }
    }
    spec_.mtbf = mtbf();
    spec_.mttr = distribution("mttr");
    if (scheduled) read_schedule(fields_, spec_);
  }

  void read_process_crash() {
    const bool random = fields_.has("mtbf");
    const bool scheduled = gives_schedule(fields_);
    if (random && scheduled) {
      validator_.error(fields_.pointer(),
                       "a process_crash is random (\"mtbf\") or scheduled, not both; this one "
                       "gives \"mtbf\" and " +
                           schedule_forms_given(fields_));
    } else if (!random && !scheduled) {
      validator_.error(fields_.pointer(),
                       "a process_crash needs \"mtbf\" (random crashes) or a schedule: " +
                           schedule_forms_help());
    } else if (scheduled && fields_.has("restart_delay")) {
      validator_.error(fields_.pointer("restart_delay"),
                       "restart_delay belongs to random process crashes (with \"mtbf\"); a "
                       "scheduled process_crash stays down for its window's duration");
    }
    spec_.mtbf = mtbf();
    if (const auto delay = distribution("restart_delay")) spec_.restart_delay = *delay;
    if (scheduled) read_schedule(fields_, spec_);
  }

  void read_maintenance() {
    static const std::vector<std::string> kModes = {"restart", "graceful", "rolling", "reload"};
    static constexpr std::array<FaultSpec::Mode, 4> kValues = {
        FaultSpec::Mode::kRestart, FaultSpec::Mode::kGraceful, FaultSpec::Mode::kRolling,
        FaultSpec::Mode::kReload};
    if (const auto mode = fields_.choice("mode", "unknown maintenance mode", kModes)) {
      spec_.mode = kValues[*mode];
      if (spec_.mode == FaultSpec::Mode::kRolling) check_rolling_target();
      if (spec_.mode == FaultSpec::Mode::kReload) check_reload_target();
    }
    if (const auto drain = fields_.boolean("drain")) {
      spec_.drain = *drain;
      if (spec_.mode != FaultSpec::Mode::kRolling) {
        validator_.error(fields_.pointer("drain"),
                         "drain applies to \"mode\": \"rolling\" (each instance leaves its load "
                         "balancer's rotation before it stops)");
      }
    }
    read_schedule(fields_, spec_);
  }

  // A reload is what Nginx (nginx -s reload), PHP-FPM (SIGUSR2) and HAProxy (-sf) do; MySQL,
  // a resolver or a whole host has no such thing.
  void check_reload_target() {
    if (target_is_ == TargetIs::kInvalid) return;  // reported at the target
    const std::string component = spec_.target.substr(0, spec_.target.find('@'));
    const auto kind = target_is_ == TargetIs::kHost ? std::nullopt : names_.kind_of(component);
    if (kind == models::ComponentKind::kWeb || kind == models::ComponentKind::kApp ||
        kind == models::ComponentKind::kLb) {
      return;
    }
    validator_.error(fields_.pointer("mode"),
                     "a reload needs a web, app or lb component (Nginx, PHP-FPM and HAProxy "
                     "reload without stopping); target " +
                         in_quotes(spec_.target) + " is not one");
  }

  // Rolling maintenance stops one instance at a time, so its target runs several.
  void check_rolling_target() {
    std::string what;
    switch (target_is_) {
      case TargetIs::kInvalid:
        return;  // reported at the target
      case TargetIs::kHost:
        what = "is a host";
        break;
      case TargetIs::kInstance:
        what = "is one instance";
        break;
      case TargetIs::kComponent:
        if (names_.has_several_instances(spec_.target)) return;
        what = "runs one instance";
        break;
    }
    validator_.error(fields_.pointer("mode"),
                     "rolling maintenance needs a component with several hosts (it stops one "
                     "instance at a time); target " +
                         in_quotes(spec_.target) + " " + what);
  }

  void read_dns_outage() {
    static const std::vector<std::string> kModes = {"fail", "timeout"};
    static constexpr std::array<FaultSpec::DnsOutageMode, 2> kValues = {
        FaultSpec::DnsOutageMode::kFail, FaultSpec::DnsOutageMode::kTimeout};
    if (const auto mode = fields_.choice("mode", "unknown dns_outage mode", kModes)) {
      spec_.dns_mode = kValues[*mode];
    }
    read_schedule(fields_, spec_);
  }

  void read_network() {
    const auto latency = fields_.duration("added_latency", DurationRule::kNonNegative);
    const auto loss = fields_.number("loss", {0.0, 1.0, false, /*max_exclusive=*/true});
    const auto partition = fields_.boolean("partition");
    spec_.added_latency_ns = latency.value_or(spec_.added_latency_ns);
    spec_.loss = loss.value_or(spec_.loss);
    spec_.partition = partition.value_or(spec_.partition);
    const bool all_valid = (latency || !fields_.has("added_latency")) &&
                           (loss || !fields_.has("loss")) &&
                           (partition || !fields_.has("partition"));
    if (all_valid && spec_.added_latency_ns == 0 && spec_.loss == 0.0 && !spec_.partition) {
      validator_.error(fields_.pointer(),
                       "network fault has no effect: give \"added_latency\" > 0, \"loss\" > 0 "
                       "or \"partition\": true");
    }
    read_schedule(fields_, spec_);
  }

  void read_slowdown() {
    spec_.factor =
        fields_.number("factor", {0.0, kMaxSlowdownFactor, /*min_exclusive=*/true}, Need::kRequired)
            .value_or(spec_.factor);
    read_schedule(fields_, spec_);
  }

  void read_cold_restart() {
    spec_.initial_hit_ratio = fields_.number("initial_hit_ratio", NumberRange::fraction())
                                  .value_or(spec_.initial_hit_ratio);
    spec_.warm_up_ns = fields_.duration("warm_up", DurationRule::kPositive, Need::kRequired)
                           .value_or(spec_.warm_up_ns);
    read_schedule(fields_, spec_);
  }

  std::optional<sim::Distribution> distribution(std::string_view key) {
    const Json* value = fields_.find(key);
    if (value == nullptr) return std::nullopt;
    return read_distribution(validator_, *value, fields_.pointer(key));
  }

  // Time between failures: a target that fails again at once would never run.
  std::optional<sim::Distribution> mtbf() {
    auto d = distribution("mtbf");
    if (d && d->mean_ns() <= 0.0) {
      validator_.error(fields_.pointer("mtbf"), "mtbf must have a positive mean");
      return std::nullopt;
    }
    return d;
  }

  // `"mtbf", "mttr"`, or whichever of them is given.
  std::string random_keys_given(std::initializer_list<std::string_view> keys) const {
    std::vector<std::string> given;
    for (const auto key : keys) {
      if (fields_.has(key)) given.push_back(in_quotes(key));
    }
    std::string joined;
    for (const auto& key : given) joined += (joined.empty() ? "" : ", ") + key;
    return joined;
  }

  Validator& validator_;
  ObjectFields& fields_;
  const ScenarioNames& names_;
  const FaultKindInfo& info_;
  FaultSpec& spec_;
  TargetIs target_is_ = TargetIs::kInvalid;
};

}  // namespace

std::vector<FaultSpec> read_faults(Validator& validator, const Json& value,
                                   const std::string& pointer, const ScenarioNames& names) {
  std::vector<FaultSpec> faults;
  if (!value.is_array()) {
    validator.error(pointer, "expected an array of faults, got " + describe_json(value));
    return faults;
  }
  for (std::size_t i = 0; i < value.size(); ++i) {
    const std::string fault_pointer = child_pointer(pointer, i);
    const Json& body = value[i];
    if (!body.is_object()) {
      validator.error(fault_pointer, "expected an object, got " + describe_json(body));
      continue;
    }
    // The kind decides which keys are valid, so nothing else is judged without one.
    const FaultKindInfo* info =
        read_tagged(validator, body, fault_pointer, "kind", "unknown fault kind", fault_kinds());
    if (info == nullptr) continue;
    FaultSpec spec;
    spec.kind = info->kind;
    ObjectFields fields(validator, body, fault_pointer, info->keys,
                        other_entries_hint(fault_kinds(), *info, "kind"));
    FaultReader(validator, fields, names, *info, spec).read();
    faults.push_back(std::move(spec));
  }
  return faults;
}

}  // namespace stacksim::scenario
