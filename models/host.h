#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "models/cpu_scheduler.h"
#include "models/fcfs_cpu.h"
#include "models/processor_sharing_cpu.h"
#include "models/scenario_spec.h"
#include "sim/time.h"
#include "sim/time_weighted.h"

namespace stacksim::models {

// A machine: `cores` shared by the CPU bursts of every component placed on it, under the
// host's scheduling policy (processor sharing or FCFS, see cpu_scheduler.h). Knows nothing of
// events: its owner schedules an event of its own for each own burst (see CpuScheduler), and
// calls complete_own() when it fires; for the others it keeps one shared completion event
// armed per host, at the time arm() returns, and calls complete_due() when that fires.
class Host {
 public:
  explicit Host(const HostSpec& spec)
      : name_(spec.name), cores_(spec.cores), cpu_(make_cpu(spec.cpu_scheduler, spec.cores)) {}

  // Starts a burst (demand_ns > 0). Call arm() after one that is not an own burst.
  [[nodiscard]] CpuScheduler::Submitted submit(sim::Time now, CpuScheduler::Burst burst);
  // An own burst's event fired: true when the burst is done (see CpuScheduler::complete_own).
  [[nodiscard]] bool complete_own(sim::Time now, std::uint32_t request, CpuScheduler::JobId job);
  // Abandons a burst that has not completed (its request failed).
  void cancel(sim::Time now, std::uint32_t request, CpuScheduler::JobId job);
  // The time to schedule a completion event at, when the host needs one earlier than the one
  // already armed (or has none armed); nullopt when the armed event will do.
  [[nodiscard]] std::optional<sim::Time> arm();
  // A completion event armed for `now` fired: true when it is the armed one (the host is then
  // disarmed), false for an event superseded by an earlier one, which the owner ignores.
  [[nodiscard]] bool fire(sim::Time now);
  // Appends the requests whose bursts completed by `now` to `done`, in completion order.
  void complete_due(sim::Time now, std::vector<std::uint32_t>& done);

  void restart_statistics(sim::Time now) {
    busy_.restart(now);
    queued_.restart(now);
  }

  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] int cores() const { return cores_; }
  // Busy cores, and runnable bursts not on a core (under processor sharing, the bursts beyond
  // the cores: each runs at less than full speed).
  [[nodiscard]] const sim::TimeWeighted& busy_cores() const { return busy_; }
  [[nodiscard]] const sim::TimeWeighted& queued_bursts() const { return queued_; }

 private:
  // The scheduler is held by value and called through its final type: no virtual call on the
  // path every CPU burst takes.
  using Cpu = std::variant<ProcessorSharingCpu, FcfsCpu>;
  static Cpu make_cpu(HostSpec::CpuScheduler kind, int cores);
  // Calls f with `host`'s scheduler as its own type (const when `host` is).
  template <typename Self, typename F>
  static decltype(auto) with_cpu(Self& host, F&& f) {
    if (auto* ps = std::get_if<ProcessorSharingCpu>(&host.cpu_)) return f(*ps);
    return f(std::get<FcfsCpu>(host.cpu_));
  }
  void record(sim::Time now);

  std::string name_;
  int cores_;
  Cpu cpu_;
  int bursts_ = 0;                           // submitted, neither completed nor cancelled
  sim::Time armed_ns_ = sim::kTimeInfinity;  // the earliest completion event not yet fired
  sim::TimeWeighted busy_;
  sim::TimeWeighted queued_;
};

}  // namespace stacksim::models
