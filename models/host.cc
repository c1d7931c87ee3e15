#include "models/host.h"

namespace stacksim::models {

bool Host::submit(sim::Time now, CpuBurst burst) {
  if (busy_count_ < cores_) {
    ++busy_count_;
    busy_.add(now, 1.0);
    return true;
  }
  queue_.push(burst);
  queued_.add(now, 1.0);
  return false;
}

std::optional<CpuBurst> Host::finish(sim::Time now) {
  if (!queue_.empty()) {
    queued_.add(now, -1.0);
    return queue_.pop();  // the core passes straight to the next burst
  }
  --busy_count_;
  busy_.add(now, -1.0);
  return std::nullopt;
}

bool Host::remove_queued(sim::Time now, std::uint32_t request) {
  const std::size_t n = queue_.size();
  bool found = false;
  for (std::size_t i = 0; i < n; ++i) {
    const CpuBurst b = queue_.pop();
    if (!found && b.request == request) {
      found = true;
    } else {
      queue_.push(b);
    }
  }
  if (found) queued_.add(now, -1.0);
  return found;
}

}  // namespace stacksim::models
