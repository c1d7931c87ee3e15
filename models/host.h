#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "models/scenario_spec.h"
#include "sim/ring_queue.h"
#include "sim/time.h"
#include "sim/time_weighted.h"

namespace stacksim::models {

// A CPU burst of one request, waiting for or holding a core.
struct CpuBurst {
  std::uint32_t request;
  sim::Time duration_ns;
};

// A machine: `cores` shared FIFO by the CPU bursts of every component placed on it. Knows
// nothing of events: the owner schedules the end of each burst it is told has started.
class Host {
 public:
  explicit Host(const HostSpec& spec) : name_(spec.name), cores_(spec.cores) {}

  // True when a core was free and the burst started now; false when it was queued.
  [[nodiscard]] bool submit(sim::Time now, CpuBurst burst);
  // A running burst ended. Returns the queued burst that takes over the core, if any.
  [[nodiscard]] std::optional<CpuBurst> finish(sim::Time now);
  // Takes a queued burst out (its request failed). O(queued); only faults and timeouts call it.
  bool remove_queued(sim::Time now, std::uint32_t request);

  void restart_statistics(sim::Time now) {
    busy_.restart(now);
    queued_.restart(now);
  }

  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] int cores() const { return cores_; }
  [[nodiscard]] const sim::TimeWeighted& busy_cores() const { return busy_; }
  [[nodiscard]] const sim::TimeWeighted& queued_bursts() const { return queued_; }

 private:
  std::string name_;
  int cores_;
  int busy_count_ = 0;
  sim::RingQueue<CpuBurst> queue_;
  sim::TimeWeighted busy_;
  sim::TimeWeighted queued_;
};

}  // namespace stacksim::models
