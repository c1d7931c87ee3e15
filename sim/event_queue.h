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

// Priority queue of events ordered by (time, seq): a 4-ary implicit heap over a vector. Its
// operations are inline: they run once per event. The heap keeps each event's (time, seq) as one
// unsigned 128-bit key, made once when it is pushed, so that every comparison while sifting is a
// single 128-bit comparison of stored keys; going down the heap picks the least of four children
// by a branch-free tournament (least_child), so the unpredictable comparisons of a heap cost no
// mispredicted branches.
//
// An event loop takes the earliest event with take(), runs it, then calls settle(). Until then
// the taken event holds the root, and the first event pushed meanwhile (which runs no earlier)
// replaces it and sinks to its place: one pass down the heap where pop and push would make one
// down and one up. settle() pops the taken event if nothing replaced it.
class EventQueue {
 public:
  [[nodiscard]] bool empty() const { return size() == 0; }
  [[nodiscard]] std::size_t size() const { return size_ - static_cast<std::size_t>(taken_); }
  // The earliest event. Requires !empty() and nothing taken.
  [[nodiscard]] Event top() const { return event_of(heap_.front()); }
  [[nodiscard]] Time top_time() const { return time_of(heap_.front().key); }

  // Returns the earliest event and counts it gone. Requires !empty() and nothing taken; call
  // settle() before the next take(), top() or pop().
  Event take() {
    taken_ = true;
    return event_of(heap_.front());
  }
  // Removes the taken event if no push has replaced it.
  void settle() {
    if (taken_) {
      taken_ = false;
      remove_root();
    }
  }

  // Adds an event. While an event is taken, the pushed event must not be earlier than it.
  // Inline always: it runs once per event. The entry is built in place, field by field, never
  // as a whole on the stack: a 16-byte load of what two 8-byte stores just wrote would stall.
  [[gnu::always_inline]] void push(const Event& pushed) {
    const Key key = key_of(pushed.time, pushed.seq);
    Entry* h = heap_.data();
    std::size_t i;
    if (taken_) {
      taken_ = false;
      i = sink_from_root(key);
    } else {
      if (size_ == capacity_) [[unlikely]] {
        grow();
        h = heap_.data();
      }
      i = size_++;
      while (i > 0) {
        const std::size_t parent = (i - 1) / kArity;
        if (!(key < h[parent].key)) break;
        h[i] = h[parent];
        i = parent;
      }
    }
    h[i].key = key;
    h[i].handler = pushed.handler;
    h[i].type = pushed.type;
    h[i].arg = pushed.arg;
  }

  // Removes and returns the earliest event. Requires !empty() and nothing taken.
  Event pop() {
    const Event result = event_of(heap_.front());
    remove_root();
    return result;
  }

  void clear() {
    size_ = 0;
    taken_ = false;
  }
  void reserve(std::size_t n) {
    if (n > capacity_) {
      heap_.resize(n);
      capacity_ = n;
    }
  }

 private:
  static constexpr std::size_t kArity = 4;
  __extension__ typedef unsigned __int128 Key;  // GCC and Clang; keeps -Wpedantic quiet
  static constexpr std::uint64_t kSignBit = std::uint64_t{1} << 63;

  // An event as the heap holds it: (time, seq) as one unsigned 128-bit number, time in the high
  // half with its sign bit flipped, so that unsigned order is time's signed order, and seq in
  // the low half.
  struct Entry {
    Key key;
    EventHandler* handler;
    std::uint32_t type;
    std::uint32_t arg;
  };

  static Key key_of(Time time, std::uint64_t seq) {
    return static_cast<Key>(static_cast<std::uint64_t>(time) ^ kSignBit) << 64 | seq;
  }
  static Time time_of(Key key) {
    return static_cast<Time>(static_cast<std::uint64_t>(key >> 64) ^ kSignBit);
  }
  static Event event_of(const Entry& e) {
    return Event{time_of(e.key), static_cast<std::uint64_t>(e.key), e.handler, e.type, e.arg};
  }

  // Makes room at the root for a key no earlier than the root's, by moving the lesser child up
  // while it is earlier than `key`; returns where the key goes. Top-down, since a new event is
  // as likely to stop early as to reach a leaf.
  std::size_t sink_from_root(Key key) {
    Entry* const h = heap_.data();
    const std::size_t n = size_;
    std::size_t i = 0;
    for (std::size_t first = 1; first < n; first = i * kArity + 1) {
      const std::size_t best = least_child(h, first, n);
      if (!(h[best].key < key)) break;
      h[i] = h[best];
      i = best;
    }
    return i;
  }

  // The least of the children h[first, min(first + kArity, n)), first < n: when all four exist,
  // a tournament of conditional moves.
  static std::size_t least_child(const Entry* h, std::size_t first, std::size_t n) {
    if (first + kArity <= n) {
      const std::size_t a = first + static_cast<std::size_t>(h[first + 1].key < h[first].key);
      const std::size_t b =
          first + 2 + static_cast<std::size_t>(h[first + 3].key < h[first + 2].key);
      // A mask, not `?:`, which the compiler turns into an unpredictable branch here.
      const std::size_t take_b = -static_cast<std::size_t>(h[b].key < h[a].key);
      return a ^ ((a ^ b) & take_b);
    }
    std::size_t best = first;
    for (std::size_t c = first + 1; c < n; ++c) {
      if (h[c].key < h[best].key) best = c;
    }
    return best;
  }

  // Removes the root. Bottom-up (Floyd): the hole left at the root goes down to a leaf along the
  // least children, without comparing them with the last event, which then rises from that leaf.
  // The last event is a late one more often than not, so it rises little, and the way down is
  // one tournament per level with no early exit.
  void remove_root() {
    Entry* const h = heap_.data();
    const std::size_t n = --size_;
    if (n == 0) return;
    const Entry last = h[n];
    std::size_t i = 0;
    for (std::size_t first = 1; first < n; first = i * kArity + 1) {
      const std::size_t best = least_child(h, first, n);
      h[i] = h[best];
      i = best;
    }
    while (i > 0) {
      const std::size_t parent = (i - 1) / kArity;
      if (!(last.key < h[parent].key)) break;
      h[i] = h[parent];
      i = parent;
    }
    h[i] = last;
  }

  // Doubles the storage (out of line: push runs once per event, growing almost never).
  void grow();

  std::vector<Entry> heap_;  // heap_[0, size_) is the heap; the rest is room to grow
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;  // heap_.size(), kept so that push does not divide to get it
  bool taken_ = false;        // heap_[0] is an event take() returned, not yet settled
};

}  // namespace stacksim::sim
