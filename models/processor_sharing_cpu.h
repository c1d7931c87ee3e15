#pragma once

#include <cstdint>
#include <vector>

#include "models/cpu_scheduler.h"

namespace stacksim::models {

// Processor sharing, as Linux's CFS approximates it: n runnable bursts on c cores each run at
// rate min(1, c/n). Kept in virtual time V, which advances at that rate: a burst submitted at
// V0 with demand d finishes when V reaches its tag V0 + d, so the bursts stay in a min-heap of
// tags and only the heap's top decides the next completion. submit and completions are
// O(log n); no burst is ever rescanned when another arrives or leaves. The heap does not track
// where each burst is, so that sifting moves entries and nothing else: cancel, which only
// faults and timeouts call, finds its burst by its request in a scan, O(n).
//
// While the bursts fit on the cores, each runs at full speed and its end is known when it is
// submitted: a burst submitted then is an own burst (see CpuScheduler), kept outside the heap,
// so that the common case of a host with cores to spare costs the owner one event per burst and
// the heap nothing. The submit that leaves more bursts than cores moves the own bursts into the
// heap (each at most once in its life, so O(log n) a burst amortised); they stay there until
// they complete. An own burst's id is one of `cores` slots, so that the scheduler's memory is
// O(cores + bursts), whatever the requests' numbers.
class ProcessorSharingCpu final : public CpuScheduler {
 public:
  explicit ProcessorSharingCpu(int cores);

  [[nodiscard]] Submitted submit(sim::Time now, Burst burst) override;
  [[nodiscard]] bool complete_own(sim::Time now, std::uint32_t request, JobId job) override;
  void cancel(sim::Time now, std::uint32_t request, JobId job) override;
  [[nodiscard]] sim::Time next_completion_ns() const override;
  void complete_due(sim::Time now, std::vector<std::uint32_t>& done) override;
  [[nodiscard]] int running() const override { return n() < cores_ ? n() : cores_; }
  [[nodiscard]] int waiting() const override { return n() < cores_ ? 0 : n() - cores_; }

 private:
  // A burst in the heap, with its order key and its request inline so that sifting and
  // completing never leave the heap.
  struct Entry {
    double tag = 0.0;         // virtual time at which the burst has had all its demand
    std::uint64_t order = 0;  // submission order: ties complete first in, first out
    std::uint32_t request = 0;
  };

  // An own burst: its request, when its demand is done, and its slot (its JobId).
  struct OwnBurst {
    std::uint32_t request = 0;
    std::uint32_t slot = 0;
    sim::Time end_ns = 0;
  };
  static constexpr std::uint32_t kNotOwn = 0xffffffffU;
  // The JobId of a burst in the heap (an own burst's is its slot, below the cores).
  static constexpr JobId kSharedJob = kNoJob - 1;

  [[nodiscard]] int n() const { return static_cast<int>(heap_.size() + own_.size()); }
  // Virtual nanoseconds per real nanosecond with the bursts now on the host.
  [[nodiscard]] double rate() const {
    return n() <= cores_ ? 1.0 : static_cast<double>(cores_) / n();
  }
  void advance(sim::Time now);
  // Bitwise, not short-circuit: no branch on equal tags, which heaps compare unpredictably.
  [[nodiscard]] static bool before(const Entry& a, const Entry& b) {
    return (a.tag < b.tag) | ((a.tag == b.tag) & (a.order < b.order));
  }
  void sift_up(std::uint32_t pos);
  // Returns where the entry at `pos` came to rest.
  std::uint32_t sift_down(std::uint32_t pos);
  void remove_at(std::uint32_t pos);
  void remove_top();  // remove_at(0), bottom-up
  void push(double tag, std::uint32_t request);
  void remove_own(std::uint32_t index);  // own_[index]

  int cores_;
  double virtual_ns_ = 0.0;  // restarts at 0 whenever the host is idle, to keep precision
  sim::Time updated_ns_ = 0;
  std::uint64_t next_order_ = 0;
  std::vector<Entry> heap_;  // min-heap on (tag, order)
  // The own bursts, in no order; never more than the cores, and none once the cores are shared.
  std::vector<OwnBurst> own_;
  std::vector<std::uint32_t> own_index_;   // per slot: its burst's index in own_, or kNotOwn
  std::vector<std::uint32_t> free_slots_;  // the slots no own burst holds
};

}  // namespace stacksim::models
