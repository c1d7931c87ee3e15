#pragma once

#include <string>
#include <vector>

#include "analysis/result.h"

namespace stacksim::analysis {

// A unit that fails and is repaired, with exponential times to failure (mean
// 1 / failure_rate_per_s, the MTBF) and to repair (mean 1 / repair_rate_per_s, the work of one
// crew). A unit with needs_crew shares the model's repair crews with the others that need one.
struct RepairableUnit {
  std::string name;
  double failure_rate_per_s = 0.0;
  double repair_rate_per_s = 0.0;
  bool needs_crew = false;
};

// A request class is up when, for every group, at least one unit of that group is up (an AND of
// ORs); a class served by a single path has one group per unit it needs. Units are indices into
// AvailabilityModel::units.
struct ServiceClass {
  std::string name;
  double weight = 1.0;
  std::vector<std::vector<int>> groups;
};

// With repair_crews = c > 0, when k > c units that need a crew are down the c crews are shared
// among them: each is repaired at c / k of its rate. For identical units this gives exactly the
// machine-repairman chain (k down: repairs end at min(k, c) x the repair rate) and, by symmetry,
// every set of k down units equally likely, as first-come-first-served crews give; for units
// with different rates it approximates first come, first served. 0 = a crew per unit.
struct AvailabilityModel {
  std::vector<RepairableUnit> units;
  std::vector<ServiceClass> classes;
  int repair_crews = 0;
};

struct AvailabilitySolution {
  std::vector<double> unit_availability;   // P(unit up), aligned with the model's units
  std::vector<double> class_availability;  // P(class up), aligned with the model's classes
  double weighted_availability = 0.0;      // sum of weight * class availability / sum of weights
};

// The most units solve_availability accepts: the chain has 2^units states.
inline constexpr int kMaxAvailabilityUnits = 16;

// Builds the generator Q of the joint up/down chain of the units (2^n states; a unit fails at its
// rate while up and is repaired at its rate while down), solves pi Q = 0 with sum pi = 1 (dense LU
// up to 8 units; beyond, sparse BiCGSTAB with iterative refinement, since a sparse LU fills in
// beyond reach), and sums pi over the states in which each unit and each class is up. About 1 s
// for 16 units. Fails, naming the culprit, when there are no units or more than
// kMaxAvailabilityUnits, a rate is not positive and finite, there is no class, a class has no
// group, a group is empty or names a unit that does not exist, a weight is negative or not finite,
// the weights sum to 0, or (not seen in practice) the iterative solver does not converge.
[[nodiscard]] Result<AvailabilitySolution> solve_availability(const AvailabilityModel& model);

// The number of nines of an availability in [0, 1]: -log10(1 - availability); +inf for 1.
[[nodiscard]] double nines(double availability);

// The expected downtime in a year of 365.25 days at an availability in [0, 1], in seconds.
[[nodiscard]] double downtime_per_year_s(double availability);

}  // namespace stacksim::analysis
