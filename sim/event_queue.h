#pragma once

#include <cstdint>
#include <vector>

#include "sim/time.h"

namespace stacksim::sim {

class EventHandler;

// A scheduled event: a small value, no closure, so scheduling never allocates once the queue
// has grown to its working size.
struct Event {
  Time time;
  std::uint64_t seq;  // insertion order; breaks ties so same-time events run FIFO
  EventHandler* handler;
  std::uint32_t type;
  std::uint32_t arg;
};

// Priority queue of events ordered by (time, seq): a 4-ary implicit heap over a vector.
class EventQueue {
 public:
  [[nodiscard]] bool empty() const { return heap_.empty(); }
  [[nodiscard]] std::size_t size() const { return heap_.size(); }
  [[nodiscard]] const Event& top() const { return heap_.front(); }

  void push(const Event& e);
  // Removes the earliest event. Requires !empty().
  Event pop();
  void clear() { heap_.clear(); }
  void reserve(std::size_t n) { heap_.reserve(n); }

 private:
  static bool before(const Event& a, const Event& b) {
    return a.time < b.time || (a.time == b.time && a.seq < b.seq);
  }
  std::vector<Event> heap_;
};

}  // namespace stacksim::sim
