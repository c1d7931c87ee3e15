#include "analysis/availability_ctmc.h"

#include <Eigen/Dense>
#include <Eigen/IterativeLinearSolvers>
#include <Eigen/SparseCore>
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "analysis/input_check.h"

namespace stacksim::analysis {
namespace {

using internal::must_be;
using internal::non_negative_finite;
using internal::positive_finite;

// A state of the chain is a bit set: bit i set means unit i is down.
using State = std::uint32_t;

// Up to this many units (256 states) a dense LU is fast; beyond, the iterative solver is faster.
constexpr int kMaxDenseUnits = 8;

std::string check(const AvailabilityModel& model) {
  const int n = static_cast<int>(model.units.size());
  if (n == 0) return "an availability model needs at least one unit";
  if (n > kMaxAvailabilityUnits) {
    return "an availability model has at most " + std::to_string(kMaxAvailabilityUnits) +
           " units (got " + std::to_string(n) + ")";
  }
  for (int i = 0; i < n; ++i) {
    const RepairableUnit& unit = model.units[i];
    const std::string where = "units[" + std::to_string(i) + "] (" + unit.name + ")";
    if (!positive_finite(unit.failure_rate_per_s)) {
      return must_be(where + " failure_rate_per_s", "positive and finite", unit.failure_rate_per_s);
    }
    if (!positive_finite(unit.repair_rate_per_s)) {
      return must_be(where + " repair_rate_per_s", "positive and finite", unit.repair_rate_per_s);
    }
  }
  if (model.repair_crews < 0) {
    return std::string("repair_crews must be 0 (a crew per unit) or more, got ") +
           std::to_string(model.repair_crews);
  }
  if (model.classes.empty()) return "an availability model needs at least one service class";
  double total_weight = 0.0;
  for (std::size_t c = 0; c < model.classes.size(); ++c) {
    const ServiceClass& service = model.classes[c];
    const std::string where = "classes[" + std::to_string(c) + "] (" + service.name + ")";
    if (!non_negative_finite(service.weight)) {
      return must_be(where + " weight", "non-negative and finite", service.weight);
    }
    total_weight += service.weight;
    if (service.groups.empty()) return where + " has no group of units";
    for (std::size_t g = 0; g < service.groups.size(); ++g) {
      const std::string group = where + " groups[" + std::to_string(g) + "]";
      if (service.groups[g].empty()) return group + " is empty";
      for (const int unit : service.groups[g]) {
        if (unit < 0 || unit >= n) {
          return group + " names unit " + std::to_string(unit) + ", not in [0, " +
                 std::to_string(n) + ")";
        }
      }
    }
  }
  if (!(total_weight > 0.0)) return "the class weights sum to 0";
  return {};
}

// The units that need a repair crew, as a bit set.
State crew_mask(const AvailabilityModel& model) {
  State mask = 0;
  for (std::size_t i = 0; i < model.units.size(); ++i) {
    if (model.units[i].needs_crew) mask |= State{1} << i;
  }
  return mask;
}

// The rate of unit i's transition out of `state` (its repair if down, its failure if up), scaled
// by `scale`. `crew_units` is crew_mask(model).
double rate(const AvailabilityModel& model, State state, int i, double scale, State crew_units) {
  const RepairableUnit& unit = model.units[i];
  if ((state >> i & 1u) == 0) return scale * unit.failure_rate_per_s;
  double repair = unit.repair_rate_per_s;
  if (model.repair_crews > 0 && (crew_units >> i & 1u) != 0) {
    const int waiting = std::popcount(state & crew_units);
    if (waiting > model.repair_crews) repair *= static_cast<double>(model.repair_crews) / waiting;
  }
  return scale * repair;
}

// 1 / the largest total rate out of a state. Dividing Q by it (uniformization) leaves pi
// unchanged and brings the balance equations to the scale of the normalization row.
double rate_scale(const AvailabilityModel& model) {
  double max_out = 0.0;
  for (const RepairableUnit& unit : model.units) {
    max_out += std::max(unit.failure_rate_per_s, unit.repair_rate_per_s);
  }
  return 1.0 / max_out;
}

// pi Q = 0, sum pi = 1 is solved as A pi^T = e_last where A is Q^T (scaled) with its last row
// replaced by ones: the balance equations are linearly dependent, so one of them is redundant.
Eigen::VectorXd solve_dense(const AvailabilityModel& model) {
  const int n = static_cast<int>(model.units.size());
  const int states = 1 << n;
  const double scale = rate_scale(model);
  const State crew_units = crew_mask(model);
  Eigen::MatrixXd a = Eigen::MatrixXd::Zero(states, states);
  for (int from = 0; from < states; ++from) {
    for (int i = 0; i < n; ++i) {
      const int to = from ^ (1 << i);
      const double r = rate(model, static_cast<State>(from), i, scale, crew_units);
      a(to, from) += r;
      a(from, from) -= r;
    }
  }
  a.row(states - 1).setOnes();
  Eigen::VectorXd b = Eigen::VectorXd::Zero(states);
  b(states - 1) = 1.0;
  return a.partialPivLu().solve(b);
}

// The same system, sparse. A sparse LU fills in catastrophically on the hypercube of a many-unit
// chain (14 units: minutes and gigabytes), so this uses BiCGSTAB with a diagonal preconditioner
// and a few rounds of iterative refinement, which reach ~1e-15 per state for 16 units in under a
// second. Returns an empty vector if the iteration does not converge.
Eigen::VectorXd solve_sparse(const AvailabilityModel& model) {
  const int n = static_cast<int>(model.units.size());
  const int states = 1 << n;
  const int last = states - 1;
  const double scale = rate_scale(model);
  const State crew_units = crew_mask(model);
  std::vector<Eigen::Triplet<double>> entries;
  entries.reserve(static_cast<std::size_t>(states) * (n + 2));
  for (int from = 0; from < states; ++from) {
    double out = 0.0;
    for (int i = 0; i < n; ++i) {
      const int to = from ^ (1 << i);
      const double r = rate(model, static_cast<State>(from), i, scale, crew_units);
      if (to != last) entries.emplace_back(to, from, r);
      out += r;
    }
    if (from != last) entries.emplace_back(from, from, -out);
    entries.emplace_back(last, from, 1.0);
  }
  Eigen::SparseMatrix<double> a(states, states);
  a.setFromTriplets(entries.begin(), entries.end());
  Eigen::VectorXd b = Eigen::VectorXd::Zero(states);
  b(last) = 1.0;

  // Each solve stops at a relative residual of kTolerance; refinement then recovers the digits
  // lost to rounding. Typical solves take tens of iterations.
  constexpr double kTolerance = 1e-14;
  constexpr int kMaxIterations = 10'000;
  Eigen::BiCGSTAB<Eigen::SparseMatrix<double>> solver;
  solver.setTolerance(kTolerance);
  solver.setMaxIterations(kMaxIterations);
  solver.compute(a);
  Eigen::VectorXd pi = solver.solve(b);
  if (solver.info() != Eigen::Success) return {};
  constexpr int kRefinements = 3;
  for (int round = 0; round < kRefinements; ++round) {
    const Eigen::VectorXd residual = b - a * pi;
    if (residual.lpNorm<Eigen::Infinity>() == 0.0) break;
    const Eigen::VectorXd correction = solver.solve(residual);
    if (solver.info() != Eigen::Success) break;  // pi is already as good as it gets
    pi += correction;
  }
  return pi;
}

}  // namespace

Result<AvailabilitySolution> solve_availability(const AvailabilityModel& model) {
  if (std::string error = check(model); !error.empty()) {
    return Result<AvailabilitySolution>::failure(std::move(error));
  }
  const int n = static_cast<int>(model.units.size());
  const State states = State{1} << n;
  const State all_units = states - 1;
  const Eigen::VectorXd pi = n <= kMaxDenseUnits ? solve_dense(model) : solve_sparse(model);
  if (pi.size() != static_cast<Eigen::Index>(states)) {
    return Result<AvailabilitySolution>::failure(
        "the availability chain's linear solver did not converge");
  }

  // Each group as the bit set of its units: a group is up when it and the up set intersect.
  std::vector<std::vector<State>> group_masks;
  for (const ServiceClass& service : model.classes) {
    std::vector<State>& masks = group_masks.emplace_back();
    for (const std::vector<int>& group : service.groups) {
      State mask = 0;
      for (const int unit : group) mask |= State{1} << unit;
      masks.push_back(mask);
    }
  }

  AvailabilitySolution solution;
  solution.unit_availability.assign(n, 0.0);
  solution.class_availability.assign(model.classes.size(), 0.0);
  for (State state = 0; state < states; ++state) {
    const double p = pi(static_cast<Eigen::Index>(state));
    const State up = ~state & all_units;
    for (int i = 0; i < n; ++i) {
      if ((up >> i & 1u) != 0) solution.unit_availability[i] += p;
    }
    for (std::size_t c = 0; c < group_masks.size(); ++c) {
      bool class_up = true;
      for (const State mask : group_masks[c]) class_up = class_up && (up & mask) != 0;
      if (class_up) solution.class_availability[c] += p;
    }
  }
  double weighted = 0.0;
  double total_weight = 0.0;
  for (std::size_t c = 0; c < model.classes.size(); ++c) {
    weighted += model.classes[c].weight * solution.class_availability[c];
    total_weight += model.classes[c].weight;
  }
  solution.weighted_availability = weighted / total_weight;
  return solution;
}

double nines(double availability) {
  if (availability >= 1.0) return std::numeric_limits<double>::infinity();
  return -std::log10(1.0 - availability);
}

double downtime_per_year_s(double availability) {
  constexpr double kSecondsPerYear = 365.25 * 24 * 3600;
  return (1.0 - availability) * kSecondsPerYear;
}

}  // namespace stacksim::analysis
