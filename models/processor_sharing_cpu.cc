#include "models/processor_sharing_cpu.h"

#include <cassert>
#include <cmath>

namespace stacksim::models {

namespace {

// A picosecond of work: a burst this close to its tag is done. The tags are doubles and a
// completion is scheduled on the whole nanosecond at or after the exact instant, so rounding
// can leave a burst a hair short; should it be shorter still (a host busy for days, where
// virtual time is large), the next event, a nanosecond later, completes it.
constexpr double kDoneSlackNs = 1e-3;

}  // namespace

void ProcessorSharingCpu::advance(sim::Time now) {
  if (!heap_.empty()) virtual_ns_ += static_cast<double>(now - updated_ns_) * rate();
  updated_ns_ = now;
}

bool ProcessorSharingCpu::before(JobId a, JobId b) const {
  const Job& x = jobs_[a];
  const Job& y = jobs_[b];
  return x.tag < y.tag || (x.tag == y.tag && x.order < y.order);
}

void ProcessorSharingCpu::place(std::uint32_t pos, JobId job) {
  heap_[pos] = job;
  jobs_[job].heap_pos = pos;
}

void ProcessorSharingCpu::sift_up(std::uint32_t pos) {
  const JobId job = heap_[pos];
  while (pos > 0) {
    const std::uint32_t parent = (pos - 1) / 2;
    if (!before(job, heap_[parent])) break;
    place(pos, heap_[parent]);
    pos = parent;
  }
  place(pos, job);
}

void ProcessorSharingCpu::sift_down(std::uint32_t pos) {
  const JobId job = heap_[pos];
  const auto size = static_cast<std::uint32_t>(heap_.size());
  for (;;) {
    std::uint32_t child = 2 * pos + 1;
    if (child >= size) break;
    if (child + 1 < size && before(heap_[child + 1], heap_[child])) ++child;
    if (!before(heap_[child], job)) break;
    place(pos, heap_[child]);
    pos = child;
  }
  place(pos, job);
}

void ProcessorSharingCpu::remove_at(std::uint32_t pos) {
  const JobId gone = heap_[pos];
  const JobId last = heap_.back();
  heap_.pop_back();
  free_.push_back(gone);
  if (pos < heap_.size()) {
    place(pos, last);
    sift_down(pos);
    sift_up(jobs_[last].heap_pos);
  }
  if (heap_.empty()) virtual_ns_ = 0.0;
}

CpuScheduler::JobId ProcessorSharingCpu::submit(sim::Time now, Burst burst) {
  assert(burst.demand_ns > 0);
  advance(now);
  if (heap_.empty()) virtual_ns_ = 0.0;
  JobId id;
  if (free_.empty()) {
    id = static_cast<JobId>(jobs_.size());
    jobs_.emplace_back();
  } else {
    id = free_.back();
    free_.pop_back();
  }
  Job& job = jobs_[id];
  job.tag = virtual_ns_ + static_cast<double>(burst.demand_ns);
  job.order = next_order_++;
  job.request = burst.request;
  heap_.push_back(id);
  jobs_[id].heap_pos = static_cast<std::uint32_t>(heap_.size() - 1);
  sift_up(jobs_[id].heap_pos);
  return id;
}

void ProcessorSharingCpu::cancel(sim::Time now, JobId job) {
  advance(now);
  remove_at(jobs_[job].heap_pos);
}

sim::Time ProcessorSharingCpu::next_completion_ns() const {
  if (heap_.empty()) return sim::kTimeInfinity;
  const double remaining = jobs_[heap_.front()].tag - virtual_ns_;
  if (remaining <= kDoneSlackNs) return updated_ns_;
  return updated_ns_ + static_cast<sim::Time>(std::ceil(remaining / rate()));
}

void ProcessorSharingCpu::complete_due(sim::Time now, std::vector<std::uint32_t>& done) {
  advance(now);
  while (!heap_.empty() && jobs_[heap_.front()].tag <= virtual_ns_ + kDoneSlackNs) {
    done.push_back(jobs_[heap_.front()].request);
    remove_at(0);
  }
}

}  // namespace stacksim::models
