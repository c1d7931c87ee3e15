#include "cli/sweep_runner.h"

#include <algorithm>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

#include "models/experiment.h"

namespace stacksim::cli {

std::vector<std::vector<models::RunResult>> run_sweep(
    const std::vector<models::ScenarioSpec>& specs, const SweepRunOptions& options) {
  const std::size_t replications = static_cast<std::size_t>(std::max(1, options.replications));
  const std::size_t tasks = specs.size() * replications;
  std::vector<std::optional<models::RunResult>> results(tasks);
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr failure;
  std::mutex failure_mutex;

  auto stop = [&] {
    return failed.load() || (options.interrupt != nullptr && options.interrupt->load());
  };
  auto worker = [&] {
    for (std::size_t task = next++; task < tasks && !stop(); task = next++) {
      const std::size_t point = task / replications;
      const auto replication = static_cast<std::uint64_t>(task % replications);
      std::function<void(double)> progress;
      if (options.progress) {
        progress = [&options, task](double fraction) { options.progress(task, fraction); };
      }
      try {
        results[task] =
            models::run_replication(specs[point], replication, options.interrupt, progress);
      } catch (...) {
        std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        failed = true;
      }
    }
  };
  const auto threads = static_cast<std::size_t>(std::max(1, options.threads));
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < std::min(threads, tasks); ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);

  std::vector<std::vector<models::RunResult>> by_point(specs.size());
  for (std::size_t point = 0; point < specs.size(); ++point) {
    const std::size_t first = point * replications;
    const bool complete =
        std::all_of(results.begin() + static_cast<std::ptrdiff_t>(first),
                    results.begin() + static_cast<std::ptrdiff_t>(first + replications),
                    [](const auto& r) { return r.has_value(); });
    if (!complete) continue;
    for (std::size_t r = 0; r < replications; ++r) {
      by_point[point].push_back(std::move(*results[first + r]));
    }
  }
  return by_point;
}

}  // namespace stacksim::cli
