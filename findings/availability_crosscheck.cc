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

// The chain of the scenario's random faults (see availability_model); `faults` not empty.
analysis::AvailabilityModel model_of(const models::ScenarioSpec& spec,
                                     const std::vector<RandomFault>& faults) {
  analysis::AvailabilityModel model;
  for (const RandomFault& f : faults) {
    model.units.push_back(
        {f.fault->target + " " + models::to_string(f.fault->kind), 1.0 / f.mtbf_s, 1.0 / f.mttr_s});
  }
  const models::ComponentSpec* dns = spec.resolver();
  for (const models::RequestClassSpec& request_class : spec.workload.mix) {
    // The targets the class needs, each once, in path order: a component, then its host.
    std::vector<std::string> targets;
    auto need = [&targets](const std::string& target) {
      if (!target.empty() && std::find(targets.begin(), targets.end(), target) == targets.end()) {
        targets.push_back(target);
      }
    };
    auto need_component = [&need](const models::ComponentSpec& c) {
      need(c.name);
      need(c.host);
    };
    if (dns != nullptr) need_component(*dns);
    for (const std::string& name : request_class.path) {
      if (const models::ComponentSpec* c = spec.find_component(name)) need_component(*c);
    }
    analysis::ServiceClass service{request_class.name, request_class.weight, {}};
    for (const std::string& target : targets) {
      for (std::size_t u = 0; u < faults.size(); ++u) {
        if (faults[u].fault->target == target) service.groups.push_back({static_cast<int>(u)});
      }
    }
    model.classes.push_back(std::move(service));
  }
  return model;
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
  append(prediction.note, scheduled_note(spec));

  // Classes that need no unit are always up; the solver takes the others.
  analysis::AvailabilityModel needing{model.units, {}};
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
