#include "models/parallel_tasks.h"

#include <algorithm>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace stacksim::models {

void run_parallel_tasks(std::size_t count, int threads, const std::atomic<bool>* interrupt,
                        const std::function<void(std::size_t)>& task) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  const auto stopped = [&] { return failed.load() || (interrupt != nullptr && interrupt->load()); };
  const auto worker = [&] {
    for (std::size_t i = next++; i < count && !stopped(); i = next++) {
      try {
        task(i);
      } catch (...) {
        const std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        failed = true;
      }
    }
  };
  const auto pool_size = static_cast<std::size_t>(std::max(1, threads));
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < std::min(pool_size, count); ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace stacksim::models
