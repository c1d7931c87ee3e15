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

// Priority queue of events ordered by (time, seq): a 4-ary implicit heap over a vector. push and
// pop are inline: they run once per event. The order is one 128-bit comparison of (time, seq),
// and pop picks the least of four children by a branch-free tournament, so the unpredictable
// comparisons of a heap cost no mispredicted branches.
class EventQueue {
 public:
  [[nodiscard]] bool empty() const { return heap_.empty(); }
  [[nodiscard]] std::size_t size() const { return heap_.size(); }
  [[nodiscard]] const Event& top() const { return heap_.front(); }

  void push(const Event& pushed) {
    // A copy: `pushed` may refer into heap_ (q.push(q.top())), which push_back can reallocate.
    const Event e = pushed;
    heap_.push_back(e);
    Event* const h = heap_.data();
    std::size_t i = heap_.size() - 1;
    const Key key = key_of(e);
    while (i > 0) {
      const std::size_t parent = (i - 1) / kArity;
      if (!(key < key_of(h[parent]))) break;
      h[i] = h[parent];
      i = parent;
    }
    h[i] = e;
  }

  // Removes the earliest event. Requires !empty().
  Event pop() {
    const Event result = heap_.front();
    const Event last = heap_.back();
    heap_.pop_back();
    const std::size_t n = heap_.size();
    if (n == 0) return result;
    Event* const h = heap_.data();
    const Key last_key = key_of(last);
    std::size_t i = 0;
    for (;;) {
      const std::size_t first = i * kArity + 1;
      std::size_t best;
      if (first + kArity <= n) {
        // All four children exist: a tournament of conditional moves.
        const std::size_t a =
            first + static_cast<std::size_t>(key_of(h[first + 1]) < key_of(h[first]));
        const std::size_t b =
            first + 2 + static_cast<std::size_t>(key_of(h[first + 3]) < key_of(h[first + 2]));
        best = key_of(h[b]) < key_of(h[a]) ? b : a;
      } else {
        if (first >= n) break;
        best = first;
        for (std::size_t c = first + 1; c < n; ++c) {
          if (key_of(h[c]) < key_of(h[best])) best = c;
        }
      }
      if (!(key_of(h[best]) < last_key)) break;
      h[i] = h[best];
      i = best;
    }
    h[i] = last;
    return result;
  }

  void clear() { heap_.clear(); }
  void reserve(std::size_t n) { heap_.reserve(n); }

 private:
  static constexpr std::size_t kArity = 4;
  __extension__ typedef __int128 Key;  // GCC and Clang; keeps -Wpedantic quiet

  // (time, seq) as one signed 128-bit number: time in the high half, seq in the low.
  static Key key_of(const Event& e) {
    return static_cast<Key>(e.time) * (static_cast<Key>(1) << 64) + static_cast<Key>(e.seq);
  }

  std::vector<Event> heap_;
};

}  // namespace stacksim::sim
