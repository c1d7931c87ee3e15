#pragma once

#include <cstdint>
#include <optional>

#include "sim/ring_queue.h"
#include "sim/time.h"

namespace stacksim::models {

// The people who repair crashed hardware: a failed host or component waits, first come first
// served, for one of `crews` crews, which then takes its repair time (the fault's mttr) to fix
// it. With one on-site engineer two simultaneous failures take twice as long to clear as
// one: the machine-repairman model. 0 crews = unlimited (every repair starts at once).
class RepairCrews {
 public:
  struct Repair {
    int fault = 0;
    sim::Time repair_ns = 0;
  };

  explicit RepairCrews(int crews) : crews_(crews) {}

  // A target failed and needs `repair.repair_ns` of a crew's work. True when a crew starts on it
  // now; false when it waits for one.
  [[nodiscard]] bool request(Repair repair);
  // A crew finished its repair. Returns the waiting repair it starts on now, if any.
  [[nodiscard]] std::optional<Repair> finished();

  [[nodiscard]] int busy() const { return busy_; }
  [[nodiscard]] std::size_t waiting() const { return queue_.size(); }

 private:
  int crews_;
  int busy_ = 0;
  sim::RingQueue<Repair> queue_;
};

}  // namespace stacksim::models
