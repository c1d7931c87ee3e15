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
  const bool found =
      queue_.remove_first_if([request](const CpuBurst& b) { return b.request == request; });
  if (found) queued_.add(now, -1.0);
  return found;
}

}  // namespace stacksim::models
