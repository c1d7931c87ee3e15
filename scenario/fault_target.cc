#include "scenario/fault_target.h"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "scenario/key_suggestion.h"

namespace stacksim::scenario {

namespace {

using models::ComponentKind;

bool accepts_host(Targets targets) {
  return targets == Targets::kHostOrComponent || targets == Targets::kHost;
}

// `kind` is nullopt for a component whose own kind is invalid (reported there): it is given the
// benefit of the doubt.
bool accepts_component(Targets targets, std::optional<ComponentKind> kind) {
  switch (targets) {
    case Targets::kHostOrComponent:
      return true;
    case Targets::kHost:
      return false;
    case Targets::kComponentNotDns:
      return !kind || *kind != ComponentKind::kDns;
    case Targets::kDnsComponent:
      return !kind || *kind == ComponentKind::kDns;
    case Targets::kDbComponent:
      return !kind || *kind == ComponentKind::kDb;
  }
  return false;
}

std::string_view targets_phrase(Targets targets) {
  switch (targets) {
    case Targets::kHostOrComponent:
      return "a host or a component";
    case Targets::kComponentNotDns:
      return "a component that is not dns";
    case Targets::kDnsComponent:
      return "a dns component";
    case Targets::kDbComponent:
      return "a db component";
    case Targets::kHost:
      return "a host";
  }
  return "";
}

std::string_view targets_plural(Targets targets) {
  switch (targets) {
    case Targets::kHostOrComponent:
      return "hosts and components";
    case Targets::kComponentNotDns:
      return "components other than dns";
    case Targets::kDnsComponent:
      return "dns components";
    case Targets::kDbComponent:
      return "db components";
    case Targets::kHost:
      return "hosts";
  }
  return "";
}

// The names a fault of this kind may target, hosts first, in file order.
std::vector<std::string> valid_targets(Targets targets, const ScenarioNames& names) {
  std::vector<std::string> valid;
  if (accepts_host(targets)) valid = names.hosts;
  for (const auto& component : names.components) {
    const auto kind = names.kind_of(component);
    if (accepts_component(targets, kind) && (kind || targets == Targets::kHostOrComponent)) {
      valid.push_back(component);
    }
  }
  return valid;
}

// "a web component", "an app component".
std::string component_phrase(std::optional<ComponentKind> kind) {
  if (!kind) return "a component";
  const std::string name = models::to_string(*kind);
  const bool vowel = !name.empty() && std::string_view("aeiou").find(name[0]) != std::string::npos;
  return (vowel ? "an " : "a ") + name + " component";
}

// "<component>@<host>" split at the first "@" whose left part names a component.
std::optional<std::pair<std::string, std::string>> split_instance(const std::string& target,
                                                                  const ScenarioNames& names) {
  for (auto at = target.find('@'); at != std::string::npos; at = target.find('@', at + 1)) {
    std::string component = target.substr(0, at);
    if (names.is_component(component))
      return std::pair(std::move(component), target.substr(at + 1));
  }
  return std::nullopt;
}

// `target "x" is a host; a network fault targets a host; hosts are: a, b`.
std::string wrong_sort_message(const std::string& target, const std::string& what,
                               std::string_view fault_kind, Targets targets,
                               const ScenarioNames& names) {
  const auto valid = valid_targets(targets, names);
  std::string message = "target " + in_quotes(target) + " is " + what + "; a " +
                        std::string(fault_kind) + " fault targets " +
                        std::string(targets_phrase(targets));
  message += valid.empty()
                 ? "; the scenario defines none"
                 : "; " + std::string(targets_plural(targets)) + " are: " + name_list(valid);
  return message;
}

// An instance target "<component>@<host>"; `target` becomes the component's name when it runs
// one instance.
TargetIs read_instance(Validator& validator, const std::string& pointer, const ScenarioNames& names,
                       Targets targets, std::string_view fault_kind, const std::string& component,
                       const std::string& host, std::string& target) {
  const auto kind = names.kind_of(component);
  if (!accepts_component(targets, kind)) {
    validator.error(pointer, wrong_sort_message(target, "one instance of " + component_phrase(kind),
                                                fault_kind, targets, names));
    return TargetIs::kInvalid;
  }
  if (!names.runs_on(component, host)) {
    std::vector<std::string> instances;
    const auto it = names.component_hosts.find(component);
    if (it != names.component_hosts.end()) {
      for (const auto& h : it->second) {
        std::string instance = component + "@" + h;
        if (std::find(instances.begin(), instances.end(), instance) == instances.end()) {
          instances.push_back(std::move(instance));
        }
      }
    }
    validator.error(pointer, unknown_name_message("unknown instance", target, instances,
                                                  "instances of " + component + " are",
                                                  component + " is not placed on any host"));
    return TargetIs::kInvalid;
  }
  if (names.has_several_instances(component)) return TargetIs::kInstance;
  target = component;  // its only instance
  return TargetIs::kComponent;
}

}  // namespace

TargetIs read_fault_target(ObjectFields& fields, const ScenarioNames& names, Targets targets,
                           std::string_view fault_kind, std::string& target) {
  Validator& validator = fields.validator();
  const auto given = fields.string("target", Need::kRequired);
  if (!given) return TargetIs::kInvalid;
  target = *given;
  const bool host = names.is_host(target);
  const bool component = names.is_component(target);
  const bool host_ok = host && accepts_host(targets);
  const bool component_ok = component && accepts_component(targets, names.kind_of(target));
  const std::string pointer = fields.pointer("target");
  if (host_ok && component_ok) {
    validator.error(pointer, "target " + in_quotes(target) +
                                 " names both a host and a component; rename one of them");
    return TargetIs::kInvalid;
  }
  if (host_ok) return TargetIs::kHost;
  if (component_ok) return TargetIs::kComponent;
  if (host || component) {
    const std::string what = host ? "a host" : component_phrase(names.kind_of(target));
    validator.error(pointer, wrong_sort_message(target, what, fault_kind, targets, names));
    return TargetIs::kInvalid;
  }
  if (const auto instance = split_instance(target, names)) {
    return read_instance(validator, pointer, names, targets, fault_kind, instance->first,
                         instance->second, target);
  }
  // A broken hosts or components object was reported already; names may be missing from it.
  if (!names.hosts_readable || !names.components_readable) return TargetIs::kInvalid;
  validator.error(pointer, unknown_name_message(
                               "unknown target", target, valid_targets(targets, names),
                               std::string(targets_plural(targets)) + " are",
                               "the scenario defines no " + std::string(targets_plural(targets))));
  return TargetIs::kInvalid;
}

}  // namespace stacksim::scenario
