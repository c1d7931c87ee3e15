#pragma once

#include <cstdint>
#include <vector>

#include "models/cpu_scheduler.h"
#include "sim/ring_queue.h"

namespace stacksim::models {

// First come, first served: a burst holds one core, without preemption, until its demand is
// done; bursts beyond the cores wait in one FIFO run queue. The textbook M/G/c station.
class FcfsCpu final : public CpuScheduler {
 public:
  explicit FcfsCpu(int cores) : cores_(cores) {}

  // Every burst ends through the shared completions (none is an own burst).
  [[nodiscard]] Submitted submit(sim::Time now, Burst burst) override;
  [[nodiscard]] bool complete_own(sim::Time /*now*/, std::uint32_t /*request*/,
                                  JobId /*job*/) override {
    return false;
  }
  void cancel(sim::Time now, std::uint32_t request, JobId job) override;
  [[nodiscard]] sim::Time next_completion_ns() const override;
  void complete_due(sim::Time now, std::vector<std::uint32_t>& done) override;
  [[nodiscard]] int running() const override { return static_cast<int>(running_.size()); }
  [[nodiscard]] int waiting() const override { return static_cast<int>(queue_.size()); }

 private:
  struct Job {
    std::uint32_t request = 0;
    sim::Time demand_ns = 0;
    sim::Time end_ns = 0;     // while on a core
    std::uint64_t order = 0;  // when it got its core: same-time ends complete in that order
  };

  void start(sim::Time now, JobId job);
  [[nodiscard]] bool ends_later(JobId a, JobId b) const;  // heap order: earliest end on top

  int cores_;
  std::uint64_t next_order_ = 0;
  std::vector<Job> jobs_;  // indexed by JobId; free slots are reused
  std::vector<JobId> free_;
  std::vector<JobId> running_;  // heap on end time, at most `cores_` bursts
  sim::RingQueue<JobId> queue_;
};

}  // namespace stacksim::models
