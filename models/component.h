#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "models/scenario_spec.h"
#include "sim/duration_mean.h"
#include "sim/random_stream.h"
#include "sim/ring_queue.h"
#include "sim/time.h"
#include "sim/time_weighted.h"

namespace stacksim::models {

// A component's concurrency slots and FIFO waiting room, with its statistics. Knows nothing of
// events or paths: the stack model decides what a visit does once it holds a slot.
class Component {
 public:
  Component(const ComponentSpec& spec, int host_index, std::uint64_t seed,
            std::uint64_t replication);

  enum class Admission { kStarted, kQueued, kRefused };
  // A request arrives wanting a slot. `bounded` false lets it wait even when the waiting room
  // is full (a keep-alive connection already accepted).
  [[nodiscard]] Admission admit(sim::Time now, std::uint32_t request, bool bounded = true) {
    if (busy_count_ < spec_.servers) {
      ++busy_count_;
      busy_.add(now, 1.0);
      return Admission::kStarted;
    }
    return admit_to_queue(now, request, bounded);
  }
  // A visit leaves its slot. Returns the waiting request that takes the slot over, if any,
  // with the time it started waiting.
  struct Handover {
    std::uint32_t request;
    sim::Time queued_since_ns;
  };
  [[nodiscard]] std::optional<Handover> release(sim::Time now) {
    if (!queue_.empty()) {
      const Waiting next = queue_.pop();
      waiting_.add(now, -1.0);
      return Handover{next.request, next.since_ns};
    }
    --busy_count_;
    busy_.add(now, -1.0);
    return std::nullopt;
  }
  // Leaves a slot without handing it over (the component is down: nobody may start).
  void release_without_handover(sim::Time now);
  // Takes a request out of the waiting room (it failed while waiting). O(waiting); only faults
  // and timeouts call it. Returns false when it was not waiting here.
  bool remove_waiting(sim::Time now, std::uint32_t request);

  void record_wait(sim::Time wait_ns) { wait_.add(wait_ns); }
  void record_completed_visit(sim::Time response_ns) {
    response_.add(response_ns);
    ++visits_;
  }
  void count_rejected() { ++rejected_; }
  void restart_statistics(sim::Time now);

  [[nodiscard]] const ComponentSpec& spec() const { return spec_; }
  [[nodiscard]] int host_index() const { return host_index_; }  // -1 = not placed
  [[nodiscard]] bool holds_during_calls() const { return holds_; }

  [[nodiscard]] const sim::TimeWeighted& busy_slots() const { return busy_; }
  [[nodiscard]] const sim::TimeWeighted& waiting() const { return waiting_; }
  [[nodiscard]] const sim::DurationMean& wait() const { return wait_; }
  [[nodiscard]] const sim::DurationMean& response() const { return response_; }
  [[nodiscard]] std::uint64_t visits() const { return visits_; }
  [[nodiscard]] std::uint64_t rejected() const { return rejected_; }

  // Streams named for this component, so its draws never depend on other components.
  sim::RandomStream cpu_rng;
  sim::RandomStream latency_rng;
  sim::RandomStream disk_rng;

 private:
  struct Waiting {
    std::uint32_t request;
    sim::Time since_ns;
  };

  // admit when every slot is busy: wait, or be refused by a full waiting room.
  [[nodiscard]] Admission admit_to_queue(sim::Time now, std::uint32_t request, bool bounded) {
    if (bounded && spec_.queue_capacity &&
        static_cast<std::int64_t>(queue_.size()) >= *spec_.queue_capacity) {
      return Admission::kRefused;
    }
    queue_.push(Waiting{request, now});
    waiting_.add(now, 1.0);
    return Admission::kQueued;
  }

  ComponentSpec spec_;
  int host_index_;
  bool holds_;
  int busy_count_ = 0;
  sim::RingQueue<Waiting> queue_;
  sim::TimeWeighted busy_;
  sim::TimeWeighted waiting_;
  sim::DurationMean wait_;
  sim::DurationMean response_;
  std::uint64_t visits_ = 0;
  std::uint64_t rejected_ = 0;
};

}  // namespace stacksim::models
