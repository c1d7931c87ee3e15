#include "models/host.h"

#include <cassert>

namespace stacksim::models {

Host::Cpu Host::make_cpu(HostSpec::CpuScheduler kind, int cores) {
  switch (kind) {
    case HostSpec::CpuScheduler::kFcfs:
      return Cpu(std::in_place_type<FcfsCpu>, cores);
    case HostSpec::CpuScheduler::kProcessorSharing:
      break;
  }
  return Cpu(std::in_place_type<ProcessorSharingCpu>, cores);
}

void Host::record(sim::Time now) {
  // Both schedulers keep every core busy while bursts wait (they are work-conserving), so the
  // count of bursts alone gives the levels: no call into the scheduler.
  const int on_cores = bursts_ < cores_ ? bursts_ : cores_;
  assert(with_cpu(*this, [&](const auto& cpu) {
    return on_cores == cpu.running() && bursts_ - on_cores == cpu.waiting();
  }));
  const auto running = static_cast<double>(on_cores);
  const auto waiting = static_cast<double>(bursts_ - on_cores);
  if (busy_.level() != running) busy_.set(now, running);
  if (queued_.level() != waiting) queued_.set(now, waiting);
}

CpuScheduler::Submitted Host::submit(sim::Time now, CpuScheduler::Burst burst) {
  const CpuScheduler::Submitted submitted =
      with_cpu(*this, [&](auto& cpu) { return cpu.submit(now, burst); });
  ++bursts_;
  record(now);
  return submitted;
}

bool Host::complete_own(sim::Time now, std::uint32_t request, CpuScheduler::JobId job) {
  if (!with_cpu(*this, [&](auto& cpu) { return cpu.complete_own(now, request, job); }))
    return false;
  --bursts_;
  record(now);
  return true;
}

void Host::cancel(sim::Time now, std::uint32_t request, CpuScheduler::JobId job) {
  with_cpu(*this, [&](auto& cpu) { cpu.cancel(now, request, job); });
  --bursts_;
  record(now);
}

std::optional<sim::Time> Host::arm() {
  const sim::Time due = with_cpu(*this, [](const auto& cpu) { return cpu.next_completion_ns(); });
  if (due >= armed_ns_) return std::nullopt;  // the armed event fires first and re-arms
  armed_ns_ = due;
  return due;
}

bool Host::fire(sim::Time now) {
  if (now != armed_ns_) return false;
  armed_ns_ = sim::kTimeInfinity;
  return true;
}

void Host::complete_due(sim::Time now, std::vector<std::uint32_t>& done) {
  const std::size_t before = done.size();
  with_cpu(*this, [&](auto& cpu) { cpu.complete_due(now, done); });
  bursts_ -= static_cast<int>(done.size() - before);
  record(now);
}

}  // namespace stacksim::models
