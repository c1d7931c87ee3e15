#pragma once

#include <vector>

#include "analysis/result.h"

namespace stacksim::analysis {

// The machine-repairman model (a finite-source birth-death CTMC): `machines` identical units,
// each failing at `failure_rate` while up (1 / MTBF), repaired one at a time by each of `crews`
// repair crews at `repair_rate` (1 / MTTR), failed units waiting for a free crew. With k units
// down, failures arrive at (machines - k) x failure_rate and repairs finish at
// min(k, crews) x repair_rate. Exponential times; the stationary distribution has the closed
// form p(k) = p(0) x prod_{j<k} (machines - j) failure_rate / (min(j + 1, crews) repair_rate).
struct MachineRepairman {
  std::vector<double> down_probability;  // p(k), k = 0..machines
  double mean_down = 0.0;                // E[k]
  double unit_availability = 0.0;        // the share of time one unit is up: 1 - E[k] / machines
  double all_up = 0.0;                   // p(0)
};

// Refuses machines < 1 or > 100000, crews < 1, and rates that are not positive and finite.
// crews >= machines is the independent case: each unit up MTBF / (MTBF + MTTR) of the time.
[[nodiscard]] Result<MachineRepairman> machine_repairman(int machines, int crews,
                                                         double failure_rate, double repair_rate);

}  // namespace stacksim::analysis
