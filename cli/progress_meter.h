#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <vector>

namespace stacksim::cli {

// Prints "LABEL… 42%" on stderr ("simulating… 42%"), updated in place, when enabled and stderr
// is a terminal. Fed from worker threads, one fraction per task (a replication, or a sweep
// point x replication); each update costs O(1), however many tasks there are.
class ProgressMeter {
 public:
  ProgressMeter(std::size_t tasks, bool enabled, std::string label = "simulating");
  ~ProgressMeter();
  ProgressMeter(const ProgressMeter&) = delete;
  ProgressMeter& operator=(const ProgressMeter&) = delete;

  void update(std::size_t task, double fraction);

 private:
  std::mutex mutex_;
  std::vector<double> fractions_;
  double total_ = 0.0;
  bool enabled_;
  std::string label_;
  int shown_percent_ = -1;
};

}  // namespace stacksim::cli
