#pragma once

#include <cstdint>
#include <vector>

#include "models/repair_crews.h"
#include "models/scenario_spec.h"
#include "sim/random_stream.h"
#include "sim/simulation.h"

namespace stacksim::models {

// Told when a fault's window opens and closes. A target may be hit by several faults at once;
// the listener keeps count.
class FaultListener {
 public:
  // `duration_ns`: how long this window stays open.
  virtual void fault_began(int fault_index, sim::Time duration_ns) = 0;
  virtual void fault_ended(int fault_index) = 0;

 protected:
  ~FaultListener() = default;
};

// Turns the scenario's fault specs into a schedule of begin/end transitions on the engine:
// random faults alternate time-to-failure and time-to-repair draws from the stream
// "faults/<index>/<target>"; scheduled ones open each listed or repeated window. Models react to
// the transitions; none of them rolls dice of its own. Random crashes (hardware) wait for one of
// the scenario's repair crews before their repair time starts.
class FaultInjector final : public sim::EventHandler {
 public:
  // `faults` must outlive the injector. Transitions after `end_ns` are not scheduled.
  // `repair_crews`: how many random crashes can be under repair at once (0 = unlimited).
  FaultInjector(const std::vector<FaultSpec>& faults, sim::Simulation& simulation,
                FaultListener& listener, std::uint64_t seed, std::uint64_t replication,
                sim::Time end_ns, int repair_crews = 0);

  void start();
  void handle(std::uint32_t type, std::uint32_t arg) override;

 private:
  enum EventType : std::uint32_t { kBegin, kEnd };

  void schedule_begin(int fault, sim::Time at);
  void schedule_next_window(int fault);
  [[nodiscard]] bool needs_crew(int fault) const;

  const std::vector<FaultSpec>& faults_;
  sim::Simulation& sim_;
  FaultListener& listener_;
  sim::Time end_ns_;
  std::vector<sim::RandomStream> rngs_;
  std::vector<std::uint32_t> next_window_;  // index of the next scheduled window per fault
  RepairCrews crews_;
};

}  // namespace stacksim::models
