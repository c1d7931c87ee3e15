#pragma once

#include <cstdint>
#include <vector>

#include "sim/time.h"

namespace stacksim::models {

// How a host shares its cores among the CPU bursts of the requests on it. Knows nothing of
// events. A burst whose end is known when it is submitted (it has a core to itself until then)
// is an "own" burst: its owner schedules an event of its own at that end and calls
// complete_own() when it fires. Every other burst ends when the others let it: the owner keeps
// one shared completion event per host at next_completion_ns() and calls complete_due() when
// it fires. Every operation is O(log n) in the bursts on the host (FCFS's cancel of a queued
// burst excepted: O(queued), and only faults and timeouts cancel).
class CpuScheduler {
 public:
  // A burst of `demand_ns` of one core's work for request `request`.
  struct Burst {
    std::uint32_t request;
    sim::Time demand_ns;
  };
  // What submit returned for a burst, until it completes or is cancelled; with the burst's
  // request (a request has at most one burst on a host at a time) it names the burst.
  using JobId = std::uint32_t;
  // An id submit never returns, for its owner to mean "no burst".
  static constexpr JobId kNoJob = 0xffffffffU;
  struct Submitted {
    JobId job;
    // When an own burst ends; sim::kTimeInfinity for a burst the shared completions end.
    sim::Time own_end_ns;
  };

  virtual ~CpuScheduler() = default;

  // Accepts a burst at `now` (demand_ns > 0). A burst submitted to the shared completions may
  // bring next_completion_ns() forward; an own burst never changes it.
  [[nodiscard]] virtual Submitted submit(sim::Time now, Burst burst) = 0;
  // The own completion event of `request`'s burst `job` fired at `now`: true, and the burst is
  // gone, when it is still an own burst ending at `now`; false for an event gone stale (the burst
  // has since passed to the shared completions, or ended otherwise).
  [[nodiscard]] virtual bool complete_own(sim::Time now, std::uint32_t request, JobId job) = 0;
  // Takes `request`'s burst `job` out before it completes (the request failed); its work is
  // abandoned.
  virtual void cancel(sim::Time now, std::uint32_t request, JobId job) = 0;
  // When the earliest burst completes if nothing changes, or sim::kTimeInfinity when idle.
  [[nodiscard]] virtual sim::Time next_completion_ns() const = 0;
  // Appends to `done` the requests whose bursts have completed by `now`, in completion order.
  virtual void complete_due(sim::Time now, std::vector<std::uint32_t>& done) = 0;
  // Bursts holding a core, and bursts runnable but not on a core (the run queue).
  [[nodiscard]] virtual int running() const = 0;
  [[nodiscard]] virtual int waiting() const = 0;
};

}  // namespace stacksim::models
