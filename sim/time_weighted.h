#pragma once

#include "sim/time.h"

namespace stacksim::sim {

// Time-average of a piecewise-constant level (busy servers, queue length, requests in system).
// Every change must be reported with the current time, which never decreases.
class TimeWeighted {
 public:
  void set(Time now, double level) {
    accumulate(now);
    level_ = level;
  }
  void add(Time now, double delta) {
    accumulate(now);
    level_ += delta;
  }
  // Forgets the area so far (end of warm-up); the level itself is kept.
  void restart(Time now) {
    start_ = now;
    last_ = now;
    area_ = 0.0;
  }
  [[nodiscard]] double level() const { return level_; }
  // Area under the level from the last restart until `now`.
  [[nodiscard]] double area(Time now) const {
    return area_ + level_ * static_cast<double>(now - last_);
  }
  // Time-average over [last restart, now]; 0 over an empty interval.
  [[nodiscard]] double mean(Time now) const {
    return now > start_ ? area(now) / static_cast<double>(now - start_) : 0.0;
  }

 private:
  void accumulate(Time now) {
    area_ += level_ * static_cast<double>(now - last_);
    last_ = now;
  }

  double level_ = 0.0;
  double area_ = 0.0;
  Time last_ = 0;
  Time start_ = 0;
};

}  // namespace stacksim::sim
