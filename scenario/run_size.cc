#include "scenario/run_size.h"

#include <algorithm>
#include <cstdio>

namespace stacksim::scenario {

double estimated_arrivals(const models::ScenarioSpec& spec) {
  const models::WorkloadSpec& workload = spec.workload;
  if (workload.process != models::WorkloadSpec::Process::kPoisson) return 0.0;
  const auto& points = workload.profile.points;
  double peak = points.empty() || points.front().at_ns > 0 ? 1.0 : 0.0;
  for (const auto& point : points) peak = std::max(peak, point.factor);
  const double seconds = sim::to_seconds(spec.warmup_ns) + sim::to_seconds(spec.duration_ns);
  return workload.rate_per_s * peak * seconds;
}

std::vector<Diagnostic> run_size_problems(const models::ScenarioSpec& spec,
                                          const std::string& file) {
  const double arrivals = estimated_arrivals(spec);
  if (arrivals <= kMaxEstimatedArrivals) return {};
  char message[320];
  std::snprintf(message, sizeof message,
                "about %.3g arrivals over warm-up + duration (rate x time at the peak); more "
                "than 10^9 would take over a quarter of an hour to simulate: lower the rate or "
                "the duration, or pass --force to run it anyway",
                arrivals);
  return {Diagnostic{file, "/workload/arrivals/rate", 0, 0, message}};
}

}  // namespace stacksim::scenario
