#pragma once

#include <cstdio>
#include <mutex>
#include <vector>

namespace stacksim::cli {

// Prints "simulating… 42%" on stderr, updated in place, when stderr is a terminal. Fed from
// worker threads, one fraction per replication.
class ProgressMeter {
 public:
  ProgressMeter(int replications, bool enabled);
  ~ProgressMeter();
  void update(int replication, double fraction);

 private:
  std::mutex mutex_;
  std::vector<double> fractions_;
  bool enabled_;
  int shown_percent_ = -1;
};

}  // namespace stacksim::cli
