#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/availability_ctmc.h"
#include "findings/replication_summary.h"
#include "models/run_result.h"
#include "models/scenario_spec.h"

// An analytic check of the simulated availability: the steady state of a continuous-time Markov
// chain of the scenario's random faults (analysis::solve_availability), set beside the measured
// time-based availability.
namespace stacksim::findings {

// The chain of a scenario's random faults (kCrash with mtbf and mttr, kProcessCrash with mtbf):
//  - one unit per random fault, named "<target> <kind>" ("server1 crash"), failing at
//    1 / mean(mtbf) and repaired at 1 / mean(mttr) (kProcessCrash: 1 / mean(restart_delay));
//    several random faults on one target are several units, in series. A fault repaired in no
//    time never takes its target down and has no unit.
//  - one class per class of the mix, with its weight, needing every component on its path (and
//    the last dns component when workload.hostname is set, as the stack model does) and each
//    such component's host: each unit of those targets is a group of its own. A class none of
//    whose targets has a unit has no group: it is always up.
// Scheduled faults (maintenance windows, one-off crashes, outages) are not in the chain.
// nullopt when the scenario has no random fault with a unit.
[[nodiscard]] std::optional<analysis::AvailabilityModel> availability_model(
    const models::ScenarioSpec& spec);

// What the chain predicts for a scenario.
struct AvailabilityPrediction {
  analysis::AvailabilityModel model;  // as availability_model builds it
  // True when every random fault's times to failure and to repair are exponential, so the chain
  // is the simulated process itself; otherwise it uses their means.
  bool exact = true;
  // The class availabilities weighted by the mix weights; absent when the solver refused the
  // model (the note then says why).
  std::optional<double> predicted;
  // What the prediction leaves out or assumes, in words, "; "-separated.
  std::string note;
};

// nullopt when availability_model is.
[[nodiscard]] std::optional<AvailabilityPrediction> predict_availability(
    const models::ScenarioSpec& spec);

// The prediction beside the simulated availability_by_time.
struct AvailabilityCheck {
  bool exact = true;
  std::optional<double> predicted;
  // The mean availability_by_time over replications and its 95% interval, which only counts
  // with more than one replication (has_interval).
  Interval simulated;
  bool has_interval = false;
  std::optional<bool> within_ci;  // predicted within the interval; absent without both
  std::string note;
};

// `simulated` is the availability_by_time of the summary of `replications` replications
// (SummaryStats::availability_by_time).
[[nodiscard]] AvailabilityCheck check_availability(const AvailabilityPrediction& prediction,
                                                   const Interval& simulated,
                                                   std::size_t replications);

}  // namespace stacksim::findings
