#pragma once

#include <string>
#include <vector>

#include "models/scenario_spec.h"
#include "scenario/loader.h"

namespace stacksim::scenario {

// Most arrivals (warm-up included) a run may be expected to simulate without --force: at about
// a million requests a second through the whole stack, a quarter of an hour of computing.
inline constexpr double kMaxEstimatedArrivals = 1e9;

// Requests an open (Poisson) workload offers over warm-up + duration at its peak rate; 0 for
// closed and trace workloads, whose size the scenario bounds otherwise.
[[nodiscard]] double estimated_arrivals(const models::ScenarioSpec& spec);

// A problem at /workload/arrivals/rate when estimated_arrivals exceeds kMaxEstimatedArrivals:
// a valid scenario that would run for hours. Empty otherwise. `file` names the scenario.
[[nodiscard]] std::vector<Diagnostic> run_size_problems(const models::ScenarioSpec& spec,
                                                        const std::string& file);

}  // namespace stacksim::scenario
