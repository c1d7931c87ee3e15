#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "models/run_result.h"
#include "sim/time.h"

namespace stacksim::models {

// When hosts and components were down, on the scenario clock. It keeps the windows that reach
// into the measured span (those over before it began are forgotten as they end, so a long
// warm-up never uses up the kMaxDowntimeWindows of the run) and, apart from the windows and
// whatever their cap drops, the exact seconds each target spent down in the measured span, by
// the fault that took it down.
class DowntimeLog {
 public:
  // The measured span starts at `now`.
  void start_measuring(sim::Time now);
  // `target` (a host or component name) went down at `now` because of `cause` (a fault kind,
  // a string that outlives the log), or came back up. Each call alternates per target.
  void went_down(const std::string& target, const char* cause, sim::Time now);
  void came_up(const std::string& target, sim::Time now);

  // Fills result.downtime (windows clipped to [measuring start, now], in order of start),
  // result.downtime_truncated and result.downtime_by_target.
  void report(sim::Time now, RunResult& result) const;

 private:
  struct Down {
    const char* cause = "";
    sim::Time since_ns = 0;
    std::size_t window = SIZE_MAX;  // index into windows_, SIZE_MAX when the cap dropped it
  };
  // Seconds of [from, to] inside the measured span that ends at `now`.
  [[nodiscard]] double measured_seconds(sim::Time from, sim::Time to) const;

  bool measuring_ = false;
  sim::Time measure_start_ns_ = 0;
  std::map<std::string, Down> down_;     // targets down now
  std::vector<DowntimeWindow> windows_;  // end_s < 0 while open
  std::map<std::string, std::map<std::string, double>> closed_seconds_;
  bool truncated_ = false;
};

}  // namespace stacksim::models
