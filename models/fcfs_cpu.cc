#include "models/fcfs_cpu.h"

#include <algorithm>

namespace stacksim::models {

bool FcfsCpu::ends_later(JobId a, JobId b) const {
  const Job& x = jobs_[a];
  const Job& y = jobs_[b];
  return x.end_ns > y.end_ns || (x.end_ns == y.end_ns && x.order > y.order);
}

void FcfsCpu::start(sim::Time now, JobId job) {
  jobs_[job].end_ns = now + jobs_[job].demand_ns;
  jobs_[job].order = next_order_++;
  running_.push_back(job);
  std::push_heap(running_.begin(), running_.end(),
                 [this](JobId a, JobId b) { return ends_later(a, b); });
}

CpuScheduler::Submitted FcfsCpu::submit(sim::Time now, Burst burst) {
  JobId id;
  if (free_.empty()) {
    id = static_cast<JobId>(jobs_.size());
    jobs_.emplace_back();
  } else {
    id = free_.back();
    free_.pop_back();
  }
  jobs_[id] = Job{burst.request, burst.demand_ns, 0, 0};
  if (static_cast<int>(running_.size()) < cores_) {
    start(now, id);
  } else {
    queue_.push(id);
  }
  return {id, sim::kTimeInfinity};
}

void FcfsCpu::cancel(sim::Time now, std::uint32_t /*request*/, JobId job) {
  free_.push_back(job);
  if (queue_.remove_first_if([job](JobId queued) { return queued == job; })) return;
  const auto it = std::find(running_.begin(), running_.end(), job);
  if (it == running_.end()) return;
  running_.erase(it);
  const auto order = [this](JobId a, JobId b) { return ends_later(a, b); };
  std::make_heap(running_.begin(), running_.end(), order);
  if (!queue_.empty()) start(now, queue_.pop());  // the core passes to the next burst
}

sim::Time FcfsCpu::next_completion_ns() const {
  return running_.empty() ? sim::kTimeInfinity : jobs_[running_.front()].end_ns;
}

void FcfsCpu::complete_due(sim::Time now, std::vector<std::uint32_t>& done) {
  const auto order = [this](JobId a, JobId b) { return ends_later(a, b); };
  while (!running_.empty() && jobs_[running_.front()].end_ns <= now) {
    std::pop_heap(running_.begin(), running_.end(), order);
    const JobId finished = running_.back();
    running_.pop_back();
    done.push_back(jobs_[finished].request);
    free_.push_back(finished);
    if (!queue_.empty()) start(now, queue_.pop());
  }
}

}  // namespace stacksim::models
