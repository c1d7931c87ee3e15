#include "models/component.h"

namespace stacksim::models {

Component::Component(const ComponentSpec& spec, int host_index, std::uint64_t seed,
                     std::uint64_t replication)
    : cpu_rng(seed, replication, "cpu/" + spec.name),
      latency_rng(seed, replication, "latency/" + spec.name),
      disk_rng(seed, replication, "disk/" + spec.name),
      spec_(spec),
      host_index_(host_index),
      holds_(holds_slot_during_calls(spec.kind)) {}

void Component::release_without_handover(sim::Time now) {
  --busy_count_;
  busy_.add(now, -1.0);
}

bool Component::remove_waiting(sim::Time now, std::uint32_t request) {
  const bool found =
      queue_.remove_first_if([request](const Waiting& w) { return w.request == request; });
  if (found) waiting_.add(now, -1.0);
  return found;
}

void Component::restart_statistics(sim::Time now) {
  busy_.restart(now);
  waiting_.restart(now);
  wait_.reset();
  response_.reset();
  visits_ = 0;
  rejected_ = 0;
}

}  // namespace stacksim::models
