#include "models/experiment.h"

#include <algorithm>
#include <memory>
#include <numeric>
#include <optional>

#include "models/parallel_tasks.h"
#include "models/stack_model.h"
#include "models/work_estimate.h"
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
  bool stopped = false;  // the model stopped the run (an unbounded backlog)
  for (int step = 1; step <= kProgressSteps && !interrupted && !stopped; ++step) {
    const sim::Time until = step == kProgressSteps ? end : end / kProgressSteps * step;
    const sim::RunOutcome outcome = simulation.run_until(until, interrupt);
    interrupted = outcome == sim::RunOutcome::kInterrupted;
    stopped = outcome == sim::RunOutcome::kStopped;
    if (progress) progress(stopped ? 1.0 : static_cast<double>(step) / kProgressSteps);
  }
  RunResult result = model->finish(interrupted);
  result.events = simulation.events_processed();
  return result;
}

std::vector<RunResult> run_replication_with_checkpoints(
    const ScenarioSpec& spec, std::uint64_t replication,
    const std::vector<sim::Time>& checkpoints_ns) {
  sim::Simulation simulation;
  auto model = std::make_unique<StackModel>(spec, simulation, replication);
  model->start();
  std::vector<RunResult> results;
  results.reserve(checkpoints_ns.size() + 1);
  for (const sim::Time at : checkpoints_ns) {
    (void)simulation.run_until(at);
    results.push_back(model->finish(false));
    results.back().events = simulation.events_processed();
  }
  (void)simulation.run_until(spec.warmup_ns + spec.duration_ns);
  results.push_back(model->finish(false));
  results.back().events = simulation.events_processed();
  return results;
}

std::vector<std::size_t> task_start_order(const std::vector<ScenarioSpec>& specs,
                                          const std::vector<ExperimentTask>& tasks) {
  std::vector<double> work(specs.size());
  std::transform(specs.begin(), specs.end(), work.begin(), estimated_work);
  std::vector<std::size_t> order(tasks.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return work.at(tasks[a].scenario) > work.at(tasks[b].scenario);
  });
  return order;
}

std::vector<std::optional<RunResult>> run_tasks(const std::vector<ScenarioSpec>& specs,
                                                const std::vector<ExperimentTask>& tasks,
                                                const ExperimentOptions& options) {
  std::vector<std::optional<RunResult>> results(tasks.size());
  const std::vector<std::size_t> order = task_start_order(specs, tasks);
  run_parallel_tasks(tasks.size(), options.threads, options.interrupt, [&](std::size_t started) {
    const std::size_t task = order[started];
    std::function<void(double)> progress;
    if (options.progress) {
      progress = [&options, task](double fraction) { options.progress(task, fraction); };
    }
    results[task] = run_replication(specs.at(tasks[task].scenario), tasks[task].replication,
                                    options.interrupt, progress);
  });
  return results;
}

std::vector<std::vector<RunResult>> run_experiments(const std::vector<ScenarioSpec>& specs,
                                                    const ExperimentOptions& options) {
  const auto replications = static_cast<std::size_t>(std::max(1, options.replications));
  std::vector<ExperimentTask> tasks;
  tasks.reserve(specs.size() * replications);
  for (std::size_t spec = 0; spec < specs.size(); ++spec) {
    for (std::size_t rep = 0; rep < replications; ++rep) tasks.push_back({spec, rep});
  }
  std::vector<std::optional<RunResult>> results = run_tasks(specs, tasks, options);
  std::vector<std::vector<RunResult>> by_spec(specs.size());
  for (std::size_t task = 0; task < tasks.size(); ++task) {
    if (results[task]) by_spec[tasks[task].scenario].push_back(std::move(*results[task]));
  }
  return by_spec;
}

std::vector<RunResult> run_experiment(const ScenarioSpec& spec, const ExperimentOptions& options) {
  return std::move(run_experiments({spec}, options).front());
}

}  // namespace stacksim::models
