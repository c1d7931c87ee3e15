#include "models/host.h"

namespace stacksim::models {

void Host::record(sim::Time now) {
  const auto running = static_cast<double>(cpu_->running());
  const auto waiting = static_cast<double>(cpu_->waiting());
  if (busy_.level() != running) busy_.set(now, running);
  if (queued_.level() != waiting) queued_.set(now, waiting);
}

CpuScheduler::JobId Host::submit(sim::Time now, CpuScheduler::Burst burst) {
  const CpuScheduler::JobId job = cpu_->submit(now, burst);
  record(now);
  return job;
}

void Host::cancel(sim::Time now, CpuScheduler::JobId job) {
  cpu_->cancel(now, job);
  record(now);
}

std::optional<sim::Time> Host::arm() {
  const sim::Time due = cpu_->next_completion_ns();
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
  cpu_->complete_due(now, done);
  record(now);
}

}  // namespace stacksim::models
