#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

#include "models/run_result.h"
#include "models/scenario_spec.h"

namespace stacksim::models {

struct ExperimentOptions {
  int replications = 1;
  int threads = 1;
  // When set and true, every replication stops early and reports what it measured so far.
  const std::atomic<bool>* interrupt = nullptr;
  // Called from worker threads with a replication's progress in [0, 1]; must be thread-safe.
  std::function<void(int replication, double fraction)> progress;
};

// Runs one replication of a valid scenario to its end (warm-up + duration).
[[nodiscard]] RunResult run_replication(const ScenarioSpec& spec, std::uint64_t replication,
                                        const std::atomic<bool>* interrupt = nullptr,
                                        const std::function<void(double)>& progress = {});

// Runs replications 0..R-1 on up to `threads` threads. Each replication draws only from its own
// streams, so the results, returned in replication order, are identical for every thread count.
[[nodiscard]] std::vector<RunResult> run_experiment(const ScenarioSpec& spec,
                                                    const ExperimentOptions& options);

}  // namespace stacksim::models
