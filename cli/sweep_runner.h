#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <vector>

#include "models/run_result.h"
#include "models/scenario_spec.h"

namespace stacksim::cli {

struct SweepRunOptions {
  int replications = 1;
  int threads = 1;
  // When set and true, running replications stop early and report what they measured so far,
  // and replications not yet started are skipped.
  const std::atomic<bool>* interrupt = nullptr;
  // Called from worker threads with a task's progress in [0, 1]; task = point x replications +
  // replication. Must be thread-safe.
  std::function<void(std::size_t task, double fraction)> progress;
};

// Runs replications 0..R-1 of every point's scenario, all point x replication tasks sharing one
// pool of `threads` threads (the calling thread included). Replication r of a point is
// models::run_replication(spec, r), exactly what `stacksim run` runs for that scenario, so the
// results do not depend on the number of threads. Returns, for each point in order, its
// replications in order; a point is left empty when an interrupt skipped any of its
// replications. An exception thrown by a replication stops the other threads from starting
// more and is rethrown once they are done.
[[nodiscard]] std::vector<std::vector<models::RunResult>> run_sweep(
    const std::vector<models::ScenarioSpec>& specs, const SweepRunOptions& options);

}  // namespace stacksim::cli
