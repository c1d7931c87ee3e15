#pragma once

#include <cstddef>
#include <mutex>
#include <vector>

namespace stacksim::cli {

// Prints "sweeping… 42%" on stderr, updated in place, when enabled and stderr is a terminal.
// Fed from worker threads, one fraction per point x replication task; each update costs O(1),
// however many tasks the sweep has.
class SweepProgress {
 public:
  SweepProgress(std::size_t tasks, bool enabled);
  ~SweepProgress();
  SweepProgress(const SweepProgress&) = delete;
  SweepProgress& operator=(const SweepProgress&) = delete;

  void update(std::size_t task, double fraction);

 private:
  std::mutex mutex_;
  std::vector<double> fractions_;
  double total_ = 0.0;
  bool enabled_;
  int shown_percent_ = -1;
};

}  // namespace stacksim::cli
