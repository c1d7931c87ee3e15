#include "models/parallel_tasks.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <vector>

namespace stacksim::models {
namespace {

TEST(ParallelTasks, RunsEveryTaskExactlyOnceWhateverTheThreads) {
  for (const int threads : {1, 2, 3, 8}) {
    std::vector<std::atomic<int>> runs(50);
    run_parallel_tasks(runs.size(), threads, nullptr, [&](std::size_t i) { ++runs[i]; });
    for (std::size_t i = 0; i < runs.size(); ++i) {
      EXPECT_EQ(runs[i].load(), 1) << "task " << i << ", " << threads << " threads";
    }
  }
}

TEST(ParallelTasks, AThrownExceptionStopsNewTasksAndIsRethrown) {
  std::atomic<int> started{0};
  EXPECT_THROW(run_parallel_tasks(1000, 1, nullptr,
                                  [&](std::size_t i) {
                                    ++started;
                                    if (i == 3) throw std::runtime_error("task 3");
                                  }),
               std::runtime_error);
  EXPECT_EQ(started.load(), 4);  // one thread: tasks 0..3, none after the throw
}

TEST(ParallelTasks, AnInterruptStopsNewTasks) {
  std::atomic<bool> interrupt{false};
  std::atomic<int> started{0};
  run_parallel_tasks(1000, 1, &interrupt, [&](std::size_t i) {
    ++started;
    if (i == 9) interrupt = true;
  });
  EXPECT_EQ(started.load(), 10);
}

}  // namespace
}  // namespace stacksim::models
