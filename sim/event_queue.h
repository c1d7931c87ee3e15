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
  [[nodiscard]] bool empty() const { return size_ == 0; }
  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] const Event& top() const { return heap_.front(); }

  void push(const Event& pushed) {
    // A copy: `pushed` may refer into heap_ (q.push(q.top())), which growing reallocates.
    const Event e = pushed;
    if (size_ == heap_.size()) [[unlikely]]
      grow();
    Event* const h = heap_.data();
    std::size_t i = size_++;
    const Key key = key_of(e);
    while (i > 0) {
      const std::size_t parent = (i - 1) / kArity;
      if (!(key < key_of(h[parent]))) break;
      h[i] = h[parent];
      i = parent;
    }
    h[i] = e;
  }

  // Removes the earliest event. Requires !empty(). Bottom-up (Floyd): the hole left at the
  // root goes down to a leaf along the least children, without comparing them with the last
  // event, which then rises from that leaf. The last event is a late one more often than not,
  // so it rises little, and the way down is one tournament per level with no early exit.
  Event pop() {
    Event* const h = heap_.data();
    const Event result = h[0];
    const std::size_t n = --size_;
    if (n == 0) return result;
    const Event last = h[n];
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
        // A mask, not `?:`, which the compiler turns into an unpredictable branch here.
        const std::size_t take_b = -static_cast<std::size_t>(key_of(h[b]) < key_of(h[a]));
        best = a ^ ((a ^ b) & take_b);
      } else {
        if (first >= n) break;
        best = first;
        for (std::size_t c = first + 1; c < n; ++c) {
          if (key_of(h[c]) < key_of(h[best])) best = c;
        }
        // A node with fewer than four children is the last with any: `best` is a leaf.
        h[i] = h[best];
        i = best;
        break;
      }
      h[i] = h[best];
      i = best;
    }
    const Key last_key = key_of(last);
    while (i > 0) {
      const std::size_t parent = (i - 1) / kArity;
      if (!(last_key < key_of(h[parent]))) break;
      h[i] = h[parent];
      i = parent;
    }
    h[i] = last;
    return result;
  }

  void clear() { size_ = 0; }
  void reserve(std::size_t n) {
    if (n > heap_.size()) heap_.resize(n);
  }

 private:
  static constexpr std::size_t kArity = 4;
  __extension__ typedef unsigned __int128 Key;  // GCC and Clang; keeps -Wpedantic quiet

  // (time, seq) as one unsigned 128-bit number: time in the high half with its sign bit
  // flipped, so that unsigned order is time's signed order, and seq in the low half.
  static Key key_of(const Event& e) {
    return static_cast<Key>(static_cast<std::uint64_t>(e.time) ^ (std::uint64_t{1} << 63)) << 64 |
           e.seq;
  }

  // Doubles the storage (out of line: push runs once per event, growing almost never).
  void grow();

  std::vector<Event> heap_;  // heap_[0, size_) is the heap; the rest is room to grow
  std::size_t size_ = 0;
};

}  // namespace stacksim::sim
