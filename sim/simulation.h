#pragma once

#include <atomic>
#include <cstdint>

#include "sim/event_queue.h"
#include "sim/time.h"

namespace stacksim::sim {

// Receives the events scheduled for it. `type` and `arg` are whatever the scheduler chose;
// models use `type` for the kind of event and `arg` for a request or resource index.
class EventHandler {
 public:
  virtual void handle(std::uint32_t type, std::uint32_t arg) = 0;

 protected:
  ~EventHandler() = default;
};

// Why run_until returned.
enum class RunOutcome { kReachedEnd, kQueueEmpty, kInterrupted, kStopped };

// The discrete-event engine: a clock and an event queue. One instance per replication; models
// receive it by reference, so independent simulations can run side by side in threads.
class Simulation {
 public:
  [[nodiscard]] Time now() const { return now_; }
  [[nodiscard]] std::uint64_t events_processed() const { return events_processed_; }
  [[nodiscard]] std::size_t pending() const { return queue_.size(); }

  // Schedules `handler->handle(type, arg)` at absolute time `at` (clamped to now()).
  void schedule_at(Time at, EventHandler* handler, std::uint32_t type, std::uint32_t arg) {
    queue_.push(Event{at < now_ ? now_ : at, next_seq_++, handler, type, arg});
  }
  // A delay that would pass kTimeInfinity saturates there (now() + delay would overflow).
  void schedule_in(Time delay, EventHandler* handler, std::uint32_t type, std::uint32_t arg) {
    schedule_at(delay > kTimeInfinity - now_ ? kTimeInfinity : now_ + delay, handler, type, arg);
  }

  // Runs events with time <= `end`, then sets now() to `end` (unless interrupted). An `end`
  // before now() is treated as now(): the clock never goes back. `interrupt`, when given, is
  // polled every few thousand events; setting it stops the run early. So is request_stop().
  RunOutcome run_until(Time end, const std::atomic<bool>* interrupt = nullptr);

  // Asks run_until to return kStopped within a few thousand events, now and on every later
  // call: a model's way of ending a run that cannot go on (an unbounded backlog).
  void request_stop() { stop_requested_ = true; }
  [[nodiscard]] bool stop_requested() const { return stop_requested_; }

 private:
  EventQueue queue_;
  Time now_ = 0;
  std::uint64_t next_seq_ = 0;
  std::uint64_t events_processed_ = 0;
  bool stop_requested_ = false;
};

}  // namespace stacksim::sim
