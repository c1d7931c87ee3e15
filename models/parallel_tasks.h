#pragma once

#include <atomic>
#include <cstddef>
#include <functional>

namespace stacksim::models {

// Calls task(i) for i = 0..count-1 on a pool of `threads` threads (the calling thread included),
// starting them in index order. No new task starts once `interrupt` (if given) is set or a task
// has thrown; the first exception thrown is rethrown once every thread is done. Which thread runs
// a task is unspecified, so a task's result must depend only on its index.
void run_parallel_tasks(std::size_t count, int threads, const std::atomic<bool>* interrupt,
                        const std::function<void(std::size_t)>& task);

}  // namespace stacksim::models
