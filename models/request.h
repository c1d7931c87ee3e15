#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "sim/time.h"

namespace stacksim::models {

// The longest path a request class may have, DNS included (the loader allows 16 components).
inline constexpr int kMaxPathLength = 17;

// One request's story: its class, where it is on its path, and what it holds. Requests live in
// a RequestPool and are referred to by index, so events carry a 32-bit handle, not a pointer.
struct Request {
  std::uint32_t class_index = 0;
  std::uint32_t client = 0;  // browser (open workload) or user (closed workload)
  sim::Time start_ns = 0;    // when the user asked for the page
  sim::Time syn_sent_ns = 0;
  std::uint8_t pos = 0;  // index into the class's internal path
  std::uint8_t syn_attempts = 0;
  bool keepalive = false;
  // Per path position: when the request arrived there, and calls still to make from there.
  std::array<sim::Time, kMaxPathLength> arrived_ns{};
  std::array<std::uint16_t, kMaxPathLength> calls_left{};
};

// Free-list pool of requests: steady-state allocation free once it has grown to the peak
// number of requests in flight.
class RequestPool {
 public:
  [[nodiscard]] std::uint32_t acquire() {
    if (free_.empty()) {
      requests_.emplace_back();
      return static_cast<std::uint32_t>(requests_.size() - 1);
    }
    const std::uint32_t id = free_.back();
    free_.pop_back();
    requests_[id] = Request{};
    return id;
  }
  void release(std::uint32_t id) { free_.push_back(id); }
  [[nodiscard]] Request& operator[](std::uint32_t id) { return requests_[id]; }
  [[nodiscard]] std::size_t in_flight() const { return requests_.size() - free_.size(); }

 private:
  std::vector<Request> requests_;
  std::vector<std::uint32_t> free_;
};

}  // namespace stacksim::models
