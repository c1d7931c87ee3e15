#include "sim/simulation.h"

namespace stacksim::sim {

RunOutcome Simulation::run_until(Time end, const std::atomic<bool>* interrupt) {
  constexpr std::uint64_t kPollMask = 4095;
  if (end < now_) end = now_;
  if (stop_requested_) return RunOutcome::kStopped;
  while (!queue_.empty()) {
    if (queue_.top_time() > end) {
      now_ = end;
      return RunOutcome::kReachedEnd;
    }
    const Event e = queue_.take();
    now_ = e.time;
    ++events_processed_;
    e.handler->handle(e.type, e.arg);
    queue_.settle();
    if ((events_processed_ & kPollMask) == 0) {
      if (stop_requested_) return RunOutcome::kStopped;
      if (interrupt != nullptr && interrupt->load(std::memory_order_relaxed)) {
        return RunOutcome::kInterrupted;
      }
    }
  }
  if (end != kTimeInfinity) now_ = end;
  return RunOutcome::kQueueEmpty;
}

}  // namespace stacksim::sim
