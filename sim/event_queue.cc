#include "sim/event_queue.h"

namespace stacksim::sim {

void EventQueue::grow() { heap_.resize(heap_.empty() ? 64 : 2 * heap_.size()); }

}  // namespace stacksim::sim
