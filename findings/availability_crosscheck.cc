#include "findings/availability_crosscheck.h"

#include <algorithm>
#include <utility>

#include "findings/replication_summary.h"

namespace stacksim::findings {
namespace {

using models::FaultSpec;

constexpr double kNsPerSecond = 1e9;

// A random fault that takes its target down for a while, with the means the chain uses.
struct RandomFault {
  const FaultSpec* fault = nullptr;
  double mtbf_s = 0.0;
  double mttr_s = 0.0;
  bool exponential = false;  // both times exponential
};

std::vector<RandomFault> random_faults(const models::ScenarioSpec& spec) {
  std::vector<RandomFault> found;
  for (const FaultSpec& f : spec.faults) {
    if (!f.is_random()) continue;
    const bool process = f.kind == FaultSpec::Kind::kProcessCrash;
    if (!process && !f.mttr) continue;  // the loader requires mttr with mtbf for a crash
    const sim::Distribution& repair = process ? f.restart_delay : *f.mttr;
    const double mtbf_s = f.mtbf->mean_ns() / kNsPerSecond;
    const double mttr_s = repair.mean_ns() / kNsPerSecond;
    if (!(mtbf_s > 0.0) || !(mttr_s > 0.0)) continue;  // never down for any time
    found.push_back({&f, mtbf_s, mttr_s,
                     f.mtbf->kind() == sim::Distribution::Kind::kExponential &&
                         repair.kind() == sim::Distribution::Kind::kExponential});
  }
  return found;
}

// What the chain leaves out: scheduled faults, named by what they are.
std::string scheduled_note(const models::ScenarioSpec& spec) {
  bool maintenance = false;
  bool other = false;
  for (const FaultSpec& f : spec.faults) {
    if (f.is_random()) continue;
    (f.kind == FaultSpec::Kind::kMaintenance ? maintenance : other) = true;
  }
  if (maintenance && other)
    return "maintenance windows and other scheduled faults are not in the chain";
  if (maintenance) return "maintenance windows are not in the chain";
  if (other) return "scheduled faults are not in the chain";
  return "";
}

void append(std::string& note, const std::string& text) {
  if (text.empty()) return;
  if (!note.empty()) note += "; ";
  note += text;
}

// The units that take one instance down: those of the instance, of its component and of its
// host, each once.
std::vector<int> instance_units(const std::vector<RandomFault>& faults, const std::string& instance,
                                const std::string& component, const std::string& host) {
  std::vector<int> units;
  for (std::size_t u = 0; u < faults.size(); ++u) {
    const std::string& target = faults[u].fault->target;
    if (target == instance || target == component || (!host.empty() && target == host)) {
      units.push_back(static_cast<int>(u));
    }
  }
  return units;
}

// The AND-of-OR groups of an element that is up when any instance is up, an instance being up
// when all its units are: one group per way of choosing a unit from every instance. None when
// some instance has no unit (the element is always up).
std::vector<std::vector<int>> any_instance_groups(const std::vector<std::vector<int>>& instances) {
  std::vector<std::vector<int>> groups = {{}};
  for (const std::vector<int>& units : instances) {
    if (units.empty()) return {};
    std::vector<std::vector<int>> next;
    for (const auto& group : groups) {
      for (const int u : units) {
        std::vector<int> extended = group;
        if (std::find(extended.begin(), extended.end(), u) == extended.end()) extended.push_back(u);
        std::sort(extended.begin(), extended.end());
        if (std::find(next.begin(), next.end(), extended) == next.end()) next.push_back(extended);
      }
    }
    groups = std::move(next);
  }
  return groups;
}

// The groups of one element of a class's path.
std::vector<std::vector<int>> element_groups(const models::ComponentSpec& c, bool writes,
                                             const std::vector<RandomFault>& faults) {
  std::vector<std::vector<int>> instances;
  if (c.instance_hosts.size() <= 1) {
    const std::string host = c.instance_hosts.empty() ? c.host : c.instance_hosts.front();
    instances.push_back(instance_units(faults, c.name + "@" + host, c.name, host));
  } else {
    const bool primary_only = writes && c.kind == models::ComponentKind::kDb && c.failover_ns == 0;
    for (const std::string& host : c.instance_hosts) {
      if (primary_only && host != c.primary_host) continue;
      instances.push_back(instance_units(faults, c.name + "@" + host, c.name, host));
    }
  }
  return any_instance_groups(instances);
}

// The chain of the scenario's random faults (see availability_model); `faults` not empty.
analysis::AvailabilityModel model_of(const models::ScenarioSpec& spec,
                                     const std::vector<RandomFault>& faults) {
  analysis::AvailabilityModel model;
  for (const RandomFault& f : faults) {
    // As the fault injector does, random crashes (not process crashes) wait for a repair crew.
    model.units.push_back({f.fault->target + " " + models::to_string(f.fault->kind), 1.0 / f.mtbf_s,
                           1.0 / f.mttr_s, f.fault->kind == FaultSpec::Kind::kCrash});
  }
  model.repair_crews = spec.repair_crews;
  // Beyond the solver's limit the distribution could explode; the solver refuses such a model.
  const bool expand = faults.size() <= static_cast<std::size_t>(analysis::kMaxAvailabilityUnits);
  const models::ComponentSpec* dns = spec.resolver();
  for (const models::RequestClassSpec& request_class : spec.workload.mix) {
    std::vector<const models::ComponentSpec*> elements;
    if (dns != nullptr) elements.push_back(dns);
    for (const std::string& name : request_class.path) {
      const models::ComponentSpec* c = spec.find_component(name);
      if (c != nullptr && std::find(elements.begin(), elements.end(), c) == elements.end()) {
        elements.push_back(c);
      }
    }
    analysis::ServiceClass service{request_class.name, request_class.weight, {}};
    for (const models::ComponentSpec* c : elements) {
      if (!expand) {
        for (std::size_t u = 0; u < faults.size(); ++u)
          service.groups.push_back({static_cast<int>(u)});
        break;
      }
      for (auto& group : element_groups(*c, request_class.writes, faults)) {
        if (std::find(service.groups.begin(), service.groups.end(), group) ==
            service.groups.end()) {
          service.groups.push_back(std::move(group));
        }
      }
    }
    model.classes.push_back(std::move(service));
  }
  return model;
}

// What the chain assumes about repair crews, when they can all be busy. The chain is exact for
// crews repairing identical units (the machine-repairman model); with different MTBFs or MTTRs
// it shares the crews instead of serving first come, first served, and `exact` turns false.
std::string crews_note(const analysis::AvailabilityModel& model, bool& exact) {
  std::vector<const analysis::RepairableUnit*> crewed;
  for (const analysis::RepairableUnit& unit : model.units) {
    if (unit.needs_crew) crewed.push_back(&unit);
  }
  if (model.repair_crews <= 0 || crewed.size() <= static_cast<std::size_t>(model.repair_crews)) {
    return "";
  }
  const std::string crews = std::to_string(model.repair_crews) +
                            (model.repair_crews == 1 ? " repair crew" : " repair crews");
  const bool identical = std::all_of(crewed.begin(), crewed.end(), [&](const auto* unit) {
    return unit->failure_rate_per_s == crewed.front()->failure_rate_per_s &&
           unit->repair_rate_per_s == crewed.front()->repair_rate_per_s;
  });
  if (identical)
    return crews + " for " + std::to_string(crewed.size()) +
           " crash targets (the machine-repairman chain)";
  exact = false;
  return crews +
         " shared among crash targets with different MTBF or MTTR (approximates first come, first "
         "served)";
}

// What the chain assumes about failover: promotion takes no time in it.
std::string failover_note(const models::ScenarioSpec& spec) {
  for (const models::ComponentSpec& c : spec.components) {
    if (c.kind == models::ComponentKind::kDb && c.instance_hosts.size() > 1 && c.failover_ns > 0) {
      return "database failover is taken as instant (the chain leaves out its delay)";
    }
  }
  return "";
}

}  // namespace

std::optional<analysis::AvailabilityModel> availability_model(const models::ScenarioSpec& spec) {
  const std::vector<RandomFault> faults = random_faults(spec);
  if (faults.empty()) return std::nullopt;
  return model_of(spec, faults);
}

std::optional<AvailabilityPrediction> predict_availability(const models::ScenarioSpec& spec) {
  const std::vector<RandomFault> faults = random_faults(spec);
  if (faults.empty()) return std::nullopt;
  analysis::AvailabilityModel model = model_of(spec, faults);
  AvailabilityPrediction prediction;
  prediction.exact =
      std::all_of(faults.begin(), faults.end(), [](const RandomFault& f) { return f.exponential; });
  if (prediction.exact) {
    append(prediction.note, "exact: exponential times to failure and to repair");
  } else {
    append(prediction.note, "approximate (non-exponential: uses means)");
    if (model.units.size() == 1) {
      append(prediction.note, "for a single unit MTBF/(MTBF+MTTR) holds for any distributions");
    }
  }
  append(prediction.note, crews_note(model, prediction.exact));
  append(prediction.note, scheduled_note(spec));
  append(prediction.note, failover_note(spec));

  // Classes that need no unit are always up; the solver takes the others.
  analysis::AvailabilityModel needing{model.units, {}, model.repair_crews};
  double weighted = 0.0;
  double total_weight = 0.0;
  for (const analysis::ServiceClass& service : model.classes) {
    total_weight += service.weight;
    if (service.groups.empty()) {
      weighted += service.weight;
    } else {
      needing.classes.push_back(service);
    }
  }
  bool solved = true;
  if (!needing.classes.empty()) {
    const auto solution = analysis::solve_availability(needing);
    if (solution.ok()) {
      for (std::size_t c = 0; c < needing.classes.size(); ++c) {
        weighted += needing.classes[c].weight * solution->class_availability[c];
      }
    } else {
      solved = false;
      append(prediction.note, "not solved: " + solution.error());
    }
  }
  // As the simulator does, no weight at all counts as always up.
  if (solved) prediction.predicted = total_weight > 0.0 ? weighted / total_weight : 1.0;
  prediction.model = std::move(model);
  return prediction;
}

AvailabilityCheck check_availability(const AvailabilityPrediction& prediction,
                                     const Interval& simulated, std::size_t replications) {
  AvailabilityCheck check;
  check.exact = prediction.exact;
  check.predicted = prediction.predicted;
  check.note = prediction.note;
  check.simulated = simulated;
  check.has_interval = replications > 1;
  if (check.has_interval && check.predicted) {
    check.within_ci = *check.predicted >= simulated.low() && *check.predicted <= simulated.high();
  }
  return check;
}

}  // namespace stacksim::findings
