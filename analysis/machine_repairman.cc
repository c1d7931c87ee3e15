#include "analysis/machine_repairman.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace stacksim::analysis {

namespace {

bool positive_finite(double x) { return std::isfinite(x) && x > 0.0; }

}  // namespace

Result<MachineRepairman> machine_repairman(int machines, int crews, double failure_rate,
                                           double repair_rate) {
  if (machines < 1 || machines > 100000) {
    return Result<MachineRepairman>::failure("machines must be 1..100000, got " +
                                             std::to_string(machines));
  }
  if (crews < 1) {
    return Result<MachineRepairman>::failure("crews must be at least 1, got " +
                                             std::to_string(crews));
  }
  if (!positive_finite(failure_rate) || !positive_finite(repair_rate)) {
    return Result<MachineRepairman>::failure("rates must be positive and finite");
  }
  // Unnormalised weights in log space: no overflow for many machines or extreme rates.
  std::vector<double> log_weight(static_cast<std::size_t>(machines) + 1, 0.0);
  for (int k = 1; k <= machines; ++k) {
    const double up = machines - (k - 1);
    const double busy = std::min(k, crews);
    log_weight[k] = log_weight[k - 1] + std::log(up * failure_rate / (busy * repair_rate));
  }
  const double top = *std::max_element(log_weight.begin(), log_weight.end());
  double total = 0.0;
  for (const double w : log_weight) total += std::exp(w - top);
  MachineRepairman out;
  out.down_probability.reserve(log_weight.size());
  for (int k = 0; k <= machines; ++k) {
    const double p = std::exp(log_weight[k] - top) / total;
    out.down_probability.push_back(p);
    out.mean_down += k * p;
  }
  out.all_up = out.down_probability.front();
  out.unit_availability = 1.0 - out.mean_down / machines;
  return out;
}

}  // namespace stacksim::analysis
