#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "models/cpu_scheduler.h"
#include "sim/simulation.h"
#include "sim/time.h"

namespace stacksim::models {

// The most components the path of a request class may name (the scenario loader checks it).
inline constexpr int kMaxClassPathLength = 16;
// The longest path a request may have: its class's path after the DNS lookup.
inline constexpr int kMaxPathLength = kMaxClassPathLength + 1;

// What a request knows of itself apart from its per-position arrays: reset whole for every new
// request. (Split from Request so that RequestPool::acquire resets these few bytes, not the
// arrays, which a request always writes at a position before it reads them there.)
struct RequestState {
  static constexpr std::uint32_t kNoCpuJob = CpuScheduler::kNoJob;
  // Where the current attempt is, so that a fault or a timeout can take it out cleanly.
  enum class Where : std::uint8_t {
    kTransit,   // holds nothing: on the network or backing off before a retry
    kArriving,  // at path[pos] without a slot there (refused, or waiting on a silent resolver)
    kQueued,    // waiting for a slot at path[pos]
    kBusy,      // holds the slot at path[pos], with an event pending (CPU, I/O or disk)
  };

  std::uint32_t class_index = 0;
  std::uint32_t client = 0;  // browser (open workload) or user (closed workload)
  sim::Time start_ns = 0;    // when the user asked for the page
  sim::Time syn_sent_ns = 0;
  std::uint8_t pos = 0;  // index into the class's internal path
  std::uint8_t syn_attempts = 0;
  std::uint8_t attempt = 0;          // 0 = first try; events of older attempts are stale
  std::uint8_t network_tries = 0;    // transmissions of the current network leg
  std::uint16_t pending_events = 0;  // scheduled events that still name this request
  Where where = Where::kTransit;
  bool keepalive = false;
  bool measured = false;  // offered after the warm-up: counts in per-request ratios
  // The CPU burst it has on its host (only meaningful when where == kBusy), or kNoCpuJob.
  std::uint32_t cpu_job = kNoCpuJob;
  bool ended = false;  // the request is over; freed once no event names it
  // The client gave up on this attempt, but the servers do not know: the work goes on and its
  // answer is thrown away, as a real stack does after a client timeout.
  bool orphan = false;
  bool entry_released = false;           // an orphan whose web server saw the client go
  const char* failure_origin = nullptr;  // what made its first failed attempt fail
  const char* fault_seen = nullptr;      // the fault this attempt ran into, if any
};

// One request's story: its class, where it is on its path, and what it holds. Requests live in
// a RequestPool and are referred to by index, so events carry a 32-bit handle, not a pointer.
struct Request : RequestState {
  // Per path position: when the request arrived there, and calls still to make from there.
  // Written at a position before they are read there.
  std::array<sim::Time, kMaxPathLength> arrived_ns{};
  std::array<std::uint16_t, kMaxPathLength> calls_left{};
  // Per path position: the component instance the request went to.
  std::array<std::uint16_t, kMaxPathLength> at{};
};

// The most requests a replication holds at once (in the system, plus attempts the servers are
// still working on after the client gave up). Only an unbounded backlog (offered load above
// capacity) comes near it: at about 300 bytes a request it is some 300 MB, and the run stops
// there rather than exhaust memory.
inline constexpr std::uint32_t kMaxRequestsHeld = 1'000'000;

// Free-list pool of requests: steady-state allocation free once it has grown to the peak
// number of requests in flight.
class RequestPool {
 public:
  [[nodiscard]] std::uint32_t acquire() {
    if (free_count_ == 0) {
      requests_.emplace_back();
      free_.push_back(0);  // room for its release, so that release never grows free_
      // Checked only while the pool grows, never on the steady-state path.
      if (requests_.size() == kMaxRequestsHeld) {
        full_ = true;
        if (stop_when_full_ != nullptr) stop_when_full_->request_stop();
      }
      return static_cast<std::uint32_t>(requests_.size() - 1);
    }
    const std::uint32_t id = free_[--free_count_];
    static_cast<RequestState&>(requests_[id]) = RequestState{};  // the arrays are written first
    return id;
  }
  void release(std::uint32_t id) { free_[free_count_++] = id; }
  [[nodiscard]] Request& operator[](std::uint32_t id) { return requests_[id]; }
  // Asks `simulation` to stop once the pool has grown to kMaxRequestsHeld requests.
  void stop_when_full(sim::Simulation& simulation) { stop_when_full_ = &simulation; }
  // True once the pool has grown to kMaxRequestsHeld requests.
  [[nodiscard]] bool full() const { return full_; }
  // Every slot ever handed out, live or free; callers check Request::ended themselves.
  [[nodiscard]] std::uint32_t capacity() const {
    return static_cast<std::uint32_t>(requests_.size());
  }

 private:
  std::vector<Request> requests_;
  // A stack of the free ids, free_[0, free_count_): as large as requests_, so never full.
  std::vector<std::uint32_t> free_;
  std::size_t free_count_ = 0;
  bool full_ = false;
  sim::Simulation* stop_when_full_ = nullptr;
};

}  // namespace stacksim::models
