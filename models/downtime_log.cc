#include "models/downtime_log.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

namespace stacksim::models {

void DowntimeLog::start_measuring(sim::Time now) {
  measuring_ = true;
  measure_start_ns_ = now;
}

double DowntimeLog::measured_seconds(sim::Time from, sim::Time to) const {
  const sim::Time start = std::max(from, measure_start_ns_);
  return to > start ? sim::to_seconds(to - start) : 0.0;
}

void DowntimeLog::went_down(const std::string& target, const char* cause, sim::Time now) {
  Down down{cause, now, SIZE_MAX};
  if (windows_.size() < kMaxDowntimeWindows) {
    down.window = windows_.size();
    windows_.push_back(DowntimeWindow{target, cause, sim::to_seconds(now), -1.0});
  } else {
    truncated_ = true;  // only in the measured span: the warm-up keeps open windows only
  }
  down_[target] = down;
}

void DowntimeLog::came_up(const std::string& target, sim::Time now) {
  const auto found = down_.find(target);
  if (found == down_.end()) return;
  const Down down = found->second;
  down_.erase(found);
  if (measuring_) {
    closed_seconds_[target][down.cause] += measured_seconds(down.since_ns, now);
    if (down.window != SIZE_MAX) windows_[down.window].end_s = sim::to_seconds(now);
    return;
  }
  // Over before the measured span began: forget the window, and renumber the open ones after it.
  if (down.window == SIZE_MAX) return;
  windows_.erase(windows_.begin() + static_cast<std::ptrdiff_t>(down.window));
  for (auto& [name, other] : down_) {
    if (other.window != SIZE_MAX && other.window > down.window) --other.window;
  }
}

void DowntimeLog::report(sim::Time now, RunResult& result) const {
  const double from_s = sim::to_seconds(measure_start_ns_);
  const double to_s = sim::to_seconds(now);
  for (const DowntimeWindow& w : windows_) {
    const double end = w.end_s < 0 ? to_s : std::min(w.end_s, to_s);
    const double start = std::max(w.start_s, from_s);
    if (end <= start) continue;
    result.downtime.push_back(DowntimeWindow{w.target, w.cause, start, end});
  }
  result.downtime_truncated = truncated_;
  result.downtime_by_target = closed_seconds_;
  for (const auto& [target, down] : down_) {
    const double s = measured_seconds(down.since_ns, now);
    if (s > 0) result.downtime_by_target[target][down.cause] += s;
  }
  // A target down for no measured time has no entry.
  for (auto it = result.downtime_by_target.begin(); it != result.downtime_by_target.end();) {
    auto& causes = it->second;
    for (auto c = causes.begin(); c != causes.end();)
      c = c->second > 0 ? std::next(c) : causes.erase(c);
    it = causes.empty() ? result.downtime_by_target.erase(it) : std::next(it);
  }
}

}  // namespace stacksim::models
