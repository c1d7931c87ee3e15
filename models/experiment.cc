#include "models/experiment.h"

#include <algorithm>
#include <memory>
#include <thread>

#include "models/stack_model.h"
#include "sim/simulation.h"

namespace stacksim::models {

RunResult run_replication(const ScenarioSpec& spec, std::uint64_t replication,
                          const std::atomic<bool>* interrupt,
                          const std::function<void(double)>& progress) {
  sim::Simulation simulation;
  auto model = std::make_unique<StackModel>(spec, simulation, replication);
  model->start();
  const sim::Time end = spec.warmup_ns + spec.duration_ns;
  constexpr int kProgressSteps = 100;
  bool interrupted = false;
  for (int step = 1; step <= kProgressSteps && !interrupted; ++step) {
    const sim::Time until = step == kProgressSteps ? end : end / kProgressSteps * step;
    interrupted = simulation.run_until(until, interrupt) == sim::RunOutcome::kInterrupted;
    if (progress) progress(static_cast<double>(step) / kProgressSteps);
  }
  RunResult result = model->finish(interrupted);
  result.events = simulation.events_processed();
  return result;
}

std::vector<RunResult> run_experiment(const ScenarioSpec& spec, const ExperimentOptions& options) {
  const int count = std::max(1, options.replications);
  std::vector<RunResult> results(static_cast<std::size_t>(count));
  std::atomic<int> next{0};
  auto worker = [&] {
    for (int rep = next++; rep < count; rep = next++) {
      std::function<void(double)> progress;
      if (options.progress) {
        progress = [&options, rep](double fraction) { options.progress(rep, fraction); };
      }
      results[static_cast<std::size_t>(rep)] =
          run_replication(spec, static_cast<std::uint64_t>(rep), options.interrupt, progress);
    }
  };
  const int threads = std::clamp(options.threads, 1, count);
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  return results;
}

}  // namespace stacksim::models
