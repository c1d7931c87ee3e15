#pragma once

#include "models/scenario_spec.h"

namespace stacksim::models {

// A rough measure of the CPU a replication of `spec` takes: the requests it will offer (over the
// warm-up and the measured span) times the components a request visits, weighted by the mix.
// Only for ordering work (longest first keeps every thread busy to the end); no result depends
// on it. A Poisson workload's rate profile is left out: the points of a sweep usually share it.
// A closed workload's users are taken to cycle once per think time, at least once a millisecond.
[[nodiscard]] double estimated_work(const ScenarioSpec& spec);

}  // namespace stacksim::models
