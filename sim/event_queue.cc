#include "sim/event_queue.h"

namespace stacksim::sim {

void EventQueue::grow() {
  capacity_ = heap_.empty() ? 64 : 2 * heap_.size();
  heap_.resize(capacity_);
}

}  // namespace stacksim::sim
