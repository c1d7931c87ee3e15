#include "models/work_estimate.h"

#include <algorithm>

#include "sim/time.h"

namespace stacksim::models {

double estimated_work(const ScenarioSpec& spec) {
  const double seconds = sim::to_seconds(spec.warmup_ns + spec.duration_ns);
  const WorkloadSpec& workload = spec.workload;
  double requests = 0.0;
  switch (workload.process) {
    case WorkloadSpec::Process::kPoisson:
      requests = workload.rate_per_s * seconds;
      break;
    case WorkloadSpec::Process::kTrace:
      requests = static_cast<double>(workload.trace_ns.size());
      break;
    case WorkloadSpec::Process::kClosed: {
      constexpr double kShortestCycleS = 1e-3;
      const double cycle_s = std::max(kShortestCycleS, workload.think.mean_ns() * 1e-9);
      requests = workload.users * seconds / cycle_s;
      break;
    }
  }
  double weight = 0.0;
  double visits = 0.0;
  for (const RequestClassSpec& request_class : workload.mix) {
    weight += request_class.weight;
    visits += request_class.weight * static_cast<double>(request_class.path.size());
  }
  return requests * (weight > 0.0 ? visits / weight : 1.0);
}

}  // namespace stacksim::models
