#include "models/fault_injector.h"

#include <string>

namespace stacksim::models {

FaultInjector::FaultInjector(const std::vector<FaultSpec>& faults, sim::Simulation& simulation,
                             FaultListener& listener, std::uint64_t seed, std::uint64_t replication,
                             sim::Time end_ns, int repair_crews)
    : faults_(faults),
      sim_(simulation),
      listener_(listener),
      end_ns_(end_ns),
      next_window_(faults.size(), 0),
      crews_(repair_crews) {
  rngs_.reserve(faults.size());
  for (std::size_t i = 0; i < faults.size(); ++i) {
    rngs_.emplace_back(seed, replication, "faults/" + std::to_string(i) + "/" + faults[i].target);
  }
}

void FaultInjector::start() {
  for (int i = 0; i < static_cast<int>(faults_.size()); ++i) {
    if (faults_[i].is_random()) {
      schedule_begin(i, sim_.now() + faults_[i].mtbf->sample(rngs_[i]));
    } else {
      schedule_next_window(i);
    }
  }
}

void FaultInjector::schedule_begin(int fault, sim::Time at) {
  if (at <= end_ns_) sim_.schedule_at(at, this, kBegin, static_cast<std::uint32_t>(fault));
}

void FaultInjector::schedule_next_window(int fault) {
  const FaultSpec& spec = faults_[fault];
  const std::uint32_t k = next_window_[fault]++;
  if (!spec.windows.empty()) {
    if (k < spec.windows.size()) schedule_begin(fault, spec.windows[k].start_ns);
  } else if (k == 0) {
    schedule_begin(fault, spec.start_ns);
  } else if (spec.every_ns > 0 &&
             static_cast<sim::Time>(k) <= (end_ns_ - spec.start_ns) / spec.every_ns) {
    schedule_begin(fault,
                   spec.start_ns + static_cast<sim::Time>(k) * spec.every_ns);  // no overflow
  }
}

bool FaultInjector::needs_crew(int fault) const {
  return faults_[fault].kind == FaultSpec::Kind::kCrash && faults_[fault].is_random();
}

void FaultInjector::handle(std::uint32_t type, std::uint32_t arg) {
  const int fault = static_cast<int>(arg);
  const FaultSpec& spec = faults_[fault];
  if (type == kBegin) {
    sim::Time down_for;
    if (spec.kind == FaultSpec::Kind::kProcessCrash && spec.is_random()) {
      down_for = spec.restart_delay.sample(rngs_[fault]);
    } else if (spec.is_random()) {
      down_for = spec.mttr->sample(rngs_[fault]);
    } else if (!spec.windows.empty()) {
      down_for = spec.windows[next_window_[fault] - 1].duration_ns;
    } else {
      down_for = spec.duration_ns;
    }
    listener_.fault_began(fault, down_for);
    // Always close a window that opened, even past the end, so the listener's counts balance.
    if (!needs_crew(fault) || crews_.request({fault, down_for})) {
      sim_.schedule_in(down_for, this, kEnd, arg);
    }
  } else {
    listener_.fault_ended(fault);
    if (needs_crew(fault)) {
      if (const auto next = crews_.finished()) {
        sim_.schedule_in(next->repair_ns, this, kEnd, static_cast<std::uint32_t>(next->fault));
      }
    }
    if (spec.is_random()) {
      schedule_begin(fault, sim_.now() + spec.mtbf->sample(rngs_[fault]));
    } else {
      schedule_next_window(fault);
    }
  }
}

}  // namespace stacksim::models
