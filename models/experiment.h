#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "models/run_result.h"
#include "models/scenario_spec.h"

namespace stacksim::models {

struct ExperimentOptions {
  int replications = 1;  // per scenario
  int threads = 1;
  // When set and true, running replications stop early and report what they measured so far,
  // and replications not yet started are skipped.
  const std::atomic<bool>* interrupt = nullptr;
  // Called from worker threads with a task's progress in [0, 1], task = scenario x replications
  // + replication (the replication itself with one scenario); must be thread-safe.
  std::function<void(std::size_t task, double fraction)> progress;
};

// Runs one replication of a valid scenario to its end (warm-up + duration), or until the model
// stops it because its backlog is unbounded (RunResult::backlog_limit_reached).
[[nodiscard]] RunResult run_replication(const ScenarioSpec& spec, std::uint64_t replication,
                                        const std::atomic<bool>* interrupt = nullptr,
                                        const std::function<void(double)>& progress = {});

// One unit of an experiment: replication `replication` of the scenario `scenario` (an index into
// the scenarios given to run_tasks).
struct ExperimentTask {
  std::size_t scenario = 0;
  std::uint64_t replication = 0;
};

// The order to start `tasks` in: the largest by estimated_work first (a sweep's busiest points
// are then not left to run alone at the end), tasks of equal estimate in the order given, so a
// scenario's replications start in order. A permutation of the positions in `tasks`.
[[nodiscard]] std::vector<std::size_t> task_start_order(const std::vector<ScenarioSpec>& specs,
                                                        const std::vector<ExperimentTask>& tasks);

// Runs the tasks on a pool of options.threads threads (the calling thread included), started in
// task_start_order; options.replications is ignored and options.progress receives a task's
// position in `tasks`. A task's result depends only on its scenario and replication, never on
// the other tasks or the threads. Returns the results aligned with `tasks`: nullopt for a task
// an interrupt skipped. An exception thrown by a task stops the other threads from starting
// more and is rethrown once they are done.
[[nodiscard]] std::vector<std::optional<RunResult>> run_tasks(
    const std::vector<ScenarioSpec>& specs, const std::vector<ExperimentTask>& tasks,
    const ExperimentOptions& options);

// Runs one replication of a valid scenario to its end, and returns what had been measured at
// each of `checkpoints_ns` (ascending, within the run; each result as finish() gives it then),
// followed by the result at the end.
[[nodiscard]] std::vector<RunResult> run_replication_with_checkpoints(
    const ScenarioSpec& spec, std::uint64_t replication,
    const std::vector<sim::Time>& checkpoints_ns);

// Runs replications 0..R-1 of every scenario, all scenario x replication tasks sharing one pool
// of `threads` threads (the calling thread included), started as run_tasks starts them. Each
// replication draws only from its own streams, so the results do not depend on the number of
// threads. Returns, for each scenario in order, the replications that ran, in order: all R unless
// an interrupt skipped the later ones. An exception thrown by a replication stops the other threads
// from starting more and is rethrown once they are done.
[[nodiscard]] std::vector<std::vector<RunResult>> run_experiments(
    const std::vector<ScenarioSpec>& specs, const ExperimentOptions& options);

// run_experiments for one scenario.
[[nodiscard]] std::vector<RunResult> run_experiment(const ScenarioSpec& spec,
                                                    const ExperimentOptions& options);

}  // namespace stacksim::models
