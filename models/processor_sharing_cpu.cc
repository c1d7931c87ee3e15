#include "models/processor_sharing_cpu.h"

#include <algorithm>
#include <cassert>

namespace stacksim::models {

namespace {

// A picosecond of work: a burst this close to its tag is done. The tags are doubles and a
// completion is scheduled on the whole nanosecond at or after the exact instant, so rounding
// can leave a burst a hair short; should it be shorter still (a host busy for days, where
// virtual time is large), the next event, a nanosecond later, completes it.
constexpr double kDoneSlackNs = 1e-3;

}  // namespace

ProcessorSharingCpu::ProcessorSharingCpu(int cores)
    : cores_(cores), own_index_(static_cast<std::size_t>(cores), kNotOwn) {
  own_.reserve(static_cast<std::size_t>(cores));
  free_slots_.reserve(static_cast<std::size_t>(cores));
  for (int slot = cores - 1; slot >= 0; --slot)
    free_slots_.push_back(static_cast<std::uint32_t>(slot));
}

void ProcessorSharingCpu::advance(sim::Time now) {
  if (heap_.empty()) {
    updated_ns_ = now;
    return;
  }
  const auto elapsed = static_cast<double>(now - updated_ns_);
  // rate() is exactly 1 while every burst has a core: no division on the common path.
  virtual_ns_ += n() <= cores_ ? elapsed : elapsed * rate();
  updated_ns_ = now;
}

void ProcessorSharingCpu::sift_up(std::uint32_t pos) {
  const Entry entry = heap_[pos];
  while (pos > 0) {
    const std::uint32_t parent = (pos - 1) / 2;
    if (!before(entry, heap_[parent])) break;
    heap_[pos] = heap_[parent];
    pos = parent;
  }
  heap_[pos] = entry;
}

std::uint32_t ProcessorSharingCpu::sift_down(std::uint32_t pos) {
  const Entry entry = heap_[pos];
  const auto size = static_cast<std::uint32_t>(heap_.size());
  for (;;) {
    std::uint32_t child = 2 * pos + 1;
    if (child >= size) break;
    if (child + 1 < size && before(heap_[child + 1], heap_[child])) ++child;
    if (!before(heap_[child], entry)) break;
    heap_[pos] = heap_[child];
    pos = child;
  }
  heap_[pos] = entry;
  return pos;
}

void ProcessorSharingCpu::remove_top() {
  const Entry last = heap_.back();
  heap_.pop_back();
  const auto size = static_cast<std::uint32_t>(heap_.size());
  if (size == 0) {
    virtual_ns_ = 0.0;
    return;
  }
  // Bottom-up: the hole at the root goes down to a leaf along the lesser children (a loop whose
  // length is the heap's depth, with no data-dependent exit), and `last` rises from there.
  std::uint32_t pos = 0;
  for (std::uint32_t child = 1; child < size; child = 2 * pos + 1) {
    if (child + 1 < size) {
      child += static_cast<std::uint32_t>(before(heap_[child + 1], heap_[child]));
    }
    heap_[pos] = heap_[child];
    pos = child;
  }
  heap_[pos] = last;
  sift_up(pos);
}

void ProcessorSharingCpu::remove_at(std::uint32_t pos) {
  const Entry last = heap_.back();
  heap_.pop_back();
  if (pos < heap_.size()) {
    heap_[pos] = last;
    // Down if a child is earlier, else up: an entry moved down is later than its new parent.
    if (sift_down(pos) == pos) sift_up(pos);
  }
  if (heap_.empty()) virtual_ns_ = 0.0;
}

void ProcessorSharingCpu::push(double tag, std::uint32_t request) {
  heap_.push_back(Entry{tag, next_order_++, request});
  sift_up(static_cast<std::uint32_t>(heap_.size() - 1));
}

void ProcessorSharingCpu::remove_own(std::uint32_t index) {
  // The last burst moves into the hole, with no branch on whether it is the one removed (which
  // of the bursts on the cores ends first is random): then `moved` is the burst itself, and the
  // second store to own_index_ undoes the first.
  const std::uint32_t slot = own_[index].slot;
  const OwnBurst moved = own_.back();
  own_[index] = moved;
  own_index_[moved.slot] = index;
  own_index_[slot] = kNotOwn;
  own_.pop_back();
  free_slots_.push_back(slot);
}

CpuScheduler::Submitted ProcessorSharingCpu::submit(sim::Time now, Burst burst) {
  assert(burst.demand_ns > 0);
  advance(now);
  if (n() < cores_) {  // a core of its own until it is done
    const std::uint32_t slot = free_slots_.back();
    free_slots_.pop_back();
    own_index_[slot] = static_cast<std::uint32_t>(own_.size());
    own_.push_back(OwnBurst{burst.request, slot, now + burst.demand_ns});
    return {slot, now + burst.demand_ns};
  }
  // The cores are shared from here on: the own bursts pass to the heap, with what is left of
  // their demand, in the order they end (a tie, in the order of their requests).
  if (heap_.empty()) virtual_ns_ = 0.0;
  std::sort(own_.begin(), own_.end(), [](const OwnBurst& a, const OwnBurst& b) {
    return a.end_ns < b.end_ns || (a.end_ns == b.end_ns && a.request < b.request);
  });
  for (const OwnBurst& own : own_) {
    push(virtual_ns_ + static_cast<double>(own.end_ns - now), own.request);
    own_index_[own.slot] = kNotOwn;
    free_slots_.push_back(own.slot);
  }
  own_.clear();
  push(virtual_ns_ + static_cast<double>(burst.demand_ns), burst.request);
  return {kSharedJob, sim::kTimeInfinity};
}

bool ProcessorSharingCpu::complete_own(sim::Time now, std::uint32_t request, JobId job) {
  if (job >= own_index_.size()) return false;
  const std::uint32_t index = own_index_[job];
  if (index == kNotOwn || own_[index].request != request || own_[index].end_ns != now) {
    return false;
  }
  advance(now);
  remove_own(index);
  return true;
}

void ProcessorSharingCpu::cancel(sim::Time now, std::uint32_t request, JobId job) {
  advance(now);
  if (job < own_index_.size()) {
    const std::uint32_t index = own_index_[job];
    if (index != kNotOwn && own_[index].request == request) {
      remove_own(index);
      return;
    }
  }
  for (std::uint32_t pos = 0; pos < heap_.size(); ++pos) {
    if (heap_[pos].request == request) {
      remove_at(pos);
      return;
    }
  }
  assert(false && "cancel of a burst not on this host");
}

sim::Time ProcessorSharingCpu::next_completion_ns() const {
  if (heap_.empty()) return sim::kTimeInfinity;
  const double remaining = heap_.front().tag - virtual_ns_;
  if (remaining <= kDoneSlackNs) return updated_ns_;
  const double real_ns = n() <= cores_ ? remaining : remaining / rate();
  // The whole nanosecond at or after real_ns, as std::ceil gives it, without a call into libm.
  auto whole_ns = static_cast<sim::Time>(real_ns);
  if (static_cast<double>(whole_ns) < real_ns) ++whole_ns;
  return updated_ns_ + whole_ns;
}

void ProcessorSharingCpu::complete_due(sim::Time now, std::vector<std::uint32_t>& done) {
  advance(now);
  while (!heap_.empty() && heap_.front().tag <= virtual_ns_ + kDoneSlackNs) {
    done.push_back(heap_.front().request);
    remove_top();
  }
}

}  // namespace stacksim::models
