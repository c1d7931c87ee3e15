#include "sim/simulation.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

#include "sim/distribution.h"
#include "sim/random_stream.h"

namespace stacksim::sim {
namespace {

struct Fired {
  Time time;
  std::uint32_t type;
  std::uint32_t arg;
  bool operator==(const Fired&) const = default;
};

// Records every event it receives; an optional reaction lets a test schedule more from inside
// a handler, as models do.
class Recorder final : public EventHandler {
 public:
  explicit Recorder(Simulation& sim) : sim_(sim) {}
  void handle(std::uint32_t type, std::uint32_t arg) override {
    fired.push_back({sim_.now(), type, arg});
    if (react) react(type, arg);
  }
  std::vector<Fired> fired;
  std::function<void(std::uint32_t, std::uint32_t)> react;

 private:
  Simulation& sim_;
};

TEST(SimulationTest, StartsAtZeroWithNothingPending) {
  Simulation sim;
  EXPECT_EQ(sim.now(), 0);
  EXPECT_EQ(sim.pending(), 0u);
  EXPECT_EQ(sim.events_processed(), 0u);
}

TEST(SimulationTest, RunsEventsInTimeOrderAndSameTimeEventsFifo) {
  Simulation sim;
  Recorder r(sim);
  sim.schedule_at(30, &r, 0, 1);
  sim.schedule_at(10, &r, 0, 2);
  sim.schedule_at(20, &r, 0, 3);
  sim.schedule_at(10, &r, 0, 4);
  sim.schedule_at(20, &r, 0, 5);
  sim.schedule_at(10, &r, 0, 6);
  EXPECT_EQ(sim.run_until(kTimeInfinity), RunOutcome::kQueueEmpty);
  const std::vector<Fired> expected = {{10, 0, 2}, {10, 0, 4}, {10, 0, 6},
                                       {20, 0, 3}, {20, 0, 5}, {30, 0, 1}};
  EXPECT_EQ(r.fired, expected);
  EXPECT_EQ(sim.events_processed(), 6u);
  // With an infinite end and nothing left, the clock stays at the last event.
  EXPECT_EQ(sim.now(), 30);
}

TEST(SimulationTest, ZeroDelayEventsRunAfterThoseAlreadyScheduledForNow) {
  Simulation sim;
  Recorder r(sim);
  r.react = [&](std::uint32_t type, std::uint32_t) {
    if (type == 1) sim.schedule_in(0, &r, 2, 99);
  };
  sim.schedule_at(5, &r, 1, 0);
  sim.schedule_at(5, &r, 0, 1);
  sim.schedule_at(5, &r, 0, 2);
  sim.run_until(kTimeInfinity);
  const std::vector<Fired> expected = {{5, 1, 0}, {5, 0, 1}, {5, 0, 2}, {5, 2, 99}};
  EXPECT_EQ(r.fired, expected);
}

TEST(SimulationTest, RunUntilStopsAtEndAndLeavesLaterEventsPending) {
  Simulation sim;
  Recorder r(sim);
  sim.schedule_at(10, &r, 0, 0);
  sim.schedule_at(20, &r, 0, 1);
  sim.schedule_at(30, &r, 0, 2);

  // Events exactly at `end` run.
  EXPECT_EQ(sim.run_until(20), RunOutcome::kReachedEnd);
  EXPECT_EQ(sim.now(), 20);
  EXPECT_EQ(r.fired.size(), 2u);
  EXPECT_EQ(sim.pending(), 1u);
  EXPECT_EQ(sim.events_processed(), 2u);

  EXPECT_EQ(sim.run_until(25), RunOutcome::kReachedEnd);
  EXPECT_EQ(sim.now(), 25);
  EXPECT_EQ(r.fired.size(), 2u);
  EXPECT_EQ(sim.pending(), 1u);

  EXPECT_EQ(sim.run_until(100), RunOutcome::kQueueEmpty);
  EXPECT_EQ(sim.now(), 100);
  ASSERT_EQ(r.fired.size(), 3u);
  EXPECT_EQ(r.fired[2].time, 30);
  EXPECT_EQ(sim.events_processed(), 3u);
}

TEST(SimulationTest, RunUntilOnAnEmptyQueueAdvancesTheClock) {
  Simulation sim;
  EXPECT_EQ(sim.run_until(1234), RunOutcome::kQueueEmpty);
  EXPECT_EQ(sim.now(), 1234);
}

TEST(SimulationTest, RunUntilAnEarlierEndNeverMovesTheClockBack) {
  Simulation sim;
  Recorder r(sim);
  sim.schedule_at(100, &r, 0, 0);
  sim.schedule_at(100, &r, 0, 1);
  sim.schedule_at(200, &r, 0, 2);
  r.react = [&](std::uint32_t, std::uint32_t arg) {
    if (arg == 0) sim.schedule_at(100, &r, 0, 3);
  };
  EXPECT_EQ(sim.run_until(150), RunOutcome::kReachedEnd);
  EXPECT_EQ(sim.now(), 150);
  EXPECT_EQ(sim.run_until(50), RunOutcome::kReachedEnd);
  EXPECT_EQ(sim.now(), 150);
  // An event scheduled "in the past" after that still lands at now(), not before it.
  sim.schedule_at(60, &r, 0, 4);
  EXPECT_EQ(sim.run_until(50), RunOutcome::kReachedEnd);
  EXPECT_EQ(sim.now(), 150);
  ASSERT_EQ(r.fired.size(), 4u);
  EXPECT_EQ(r.fired.back(), (Fired{150, 0, 4}));
  EXPECT_EQ(sim.pending(), 1u);
}

TEST(SimulationTest, ScheduleAtInThePastClampsToNow) {
  Simulation sim;
  Recorder r(sim);
  r.react = [&](std::uint32_t type, std::uint32_t) {
    if (type == 1) sim.schedule_at(40, &r, 2, 0);  // 40 < now() == 100
  };
  sim.schedule_at(100, &r, 1, 0);
  sim.schedule_at(100, &r, 0, 7);
  sim.schedule_at(101, &r, 0, 8);
  sim.run_until(kTimeInfinity);
  // The clamped event runs at 100, after the event already scheduled for 100 (FIFO).
  const std::vector<Fired> expected = {{100, 1, 0}, {100, 0, 7}, {100, 2, 0}, {101, 0, 8}};
  EXPECT_EQ(r.fired, expected);
}

TEST(SimulationTest, NegativeDelayClampsToNow) {
  Simulation sim;
  Recorder r(sim);
  sim.run_until(70);
  sim.schedule_in(-50, &r, 0, 0);
  sim.run_until(70);
  ASSERT_EQ(r.fired.size(), 1u);
  EXPECT_EQ(r.fired[0].time, 70);
}

TEST(SimulationTest, ScheduleInSaturatesAtInfinityInsteadOfOverflowing) {
  Simulation sim;
  Recorder r(sim);
  sim.run_until(5 * kNanosPerSecond);
  sim.schedule_in(kTimeInfinity, &r, 0, 0);
  sim.schedule_in(kTimeInfinity - 1, &r, 0, 1);
  sim.schedule_in(kNanosPerSecond, &r, 0, 2);
  EXPECT_EQ(sim.run_until(1'000'000 * kNanosPerSecond), RunOutcome::kReachedEnd);
  ASSERT_EQ(r.fired.size(), 1u);
  EXPECT_EQ(r.fired[0], (Fired{6 * kNanosPerSecond, 0, 2}));
  EXPECT_EQ(sim.pending(), 2u);
}

// Reschedules itself forever, `delay` after each event.
class Ticker final : public EventHandler {
 public:
  Ticker(Simulation& sim, Time delay) : sim_(sim), delay_(delay) {}
  void handle(std::uint32_t, std::uint32_t) override {
    ++count;
    if (count == stop_after && flag != nullptr) flag->store(true);
    sim_.schedule_in(delay_, this, 0, 0);
  }
  std::uint64_t count = 0;
  std::uint64_t stop_after = 0;
  std::atomic<bool>* flag = nullptr;

 private:
  Simulation& sim_;
  Time delay_;
};

TEST(SimulationTest, InterruptFlagStopsTheRun) {
  Simulation sim;
  Ticker ticker(sim, 1);
  sim.schedule_at(0, &ticker, 0, 0);
  std::atomic<bool> interrupt{false};
  ticker.flag = &interrupt;
  ticker.stop_after = 10'000;
  EXPECT_EQ(sim.run_until(kTimeInfinity, &interrupt), RunOutcome::kInterrupted);
  // Polled every 4096 events: the run stops at the first poll after the flag was set.
  EXPECT_GE(ticker.count, 10'000u);
  EXPECT_LT(ticker.count, 10'000u + 4096u);
  EXPECT_EQ(sim.events_processed(), ticker.count);
  // The clock stays where the run stopped, and the run can be resumed.
  EXPECT_EQ(sim.now(), static_cast<Time>(ticker.count - 1));
  EXPECT_EQ(sim.pending(), 1u);
  interrupt.store(false);
  EXPECT_EQ(sim.run_until(sim.now() + 100, &interrupt), RunOutcome::kReachedEnd);
  EXPECT_EQ(sim.events_processed(), ticker.count);
}

TEST(SimulationTest, InterruptAlreadySetStopsWithinOnePollPeriod) {
  Simulation sim;
  Ticker ticker(sim, 1);
  sim.schedule_at(0, &ticker, 0, 0);
  const std::atomic<bool> interrupt{true};
  EXPECT_EQ(sim.run_until(kTimeInfinity, &interrupt), RunOutcome::kInterrupted);
  EXPECT_GE(ticker.count, 1u);
  EXPECT_LE(ticker.count, 4096u);
}

// A handler that asks the engine to stop after a number of events, as a model does when its
// backlog reaches the request limit.
class Stopper final : public EventHandler {
 public:
  explicit Stopper(Simulation& sim) : sim_(sim) {}
  void handle(std::uint32_t, std::uint32_t) override {
    if (++count == 10'000) sim_.request_stop();
    sim_.schedule_in(1, this, 0, 0);
  }
  std::uint64_t count = 0;

 private:
  Simulation& sim_;
};

TEST(SimulationTest, RequestStopEndsTheRunWithinOnePollPeriodAndForGood) {
  Simulation sim;
  Stopper stopper(sim);
  sim.schedule_at(0, &stopper, 0, 0);
  EXPECT_FALSE(sim.stop_requested());
  EXPECT_EQ(sim.run_until(kTimeInfinity), RunOutcome::kStopped);
  EXPECT_TRUE(sim.stop_requested());
  EXPECT_GE(stopper.count, 10'000u);
  EXPECT_LT(stopper.count, 10'000u + 4096u);
  const std::uint64_t processed = sim.events_processed();
  EXPECT_EQ(sim.run_until(kTimeInfinity), RunOutcome::kStopped);  // later calls run nothing
  EXPECT_EQ(sim.events_processed(), processed);
}

TEST(SimulationTest, EventsProcessedCountsAcrossRuns) {
  Simulation sim;
  Ticker ticker(sim, 10);
  sim.schedule_at(0, &ticker, 0, 0);
  sim.run_until(995);  // events at 0, 10, ..., 990
  EXPECT_EQ(sim.events_processed(), 100u);
  sim.run_until(1995);
  EXPECT_EQ(sim.events_processed(), 200u);
  EXPECT_EQ(ticker.count, 200u);
}

// The hold model of the benchmark, as a test: a fixed seed gives the same run every time.
class Hold final : public EventHandler {
 public:
  Hold(Simulation& sim, std::uint64_t seed) : sim_(sim), rng_(seed, 0, "hold") {}
  void handle(std::uint32_t, std::uint32_t arg) override {
    fingerprint = fingerprint * 1'000'003 + static_cast<std::uint64_t>(sim_.now()) + arg;
    sim_.schedule_in(delay_.sample(rng_), this, 0, arg);
  }
  void start(int n) {
    for (int i = 0; i < n; ++i) {
      sim_.schedule_in(delay_.sample(rng_), this, 0, static_cast<std::uint32_t>(i));
    }
  }
  std::uint64_t fingerprint = 0;

 private:
  Simulation& sim_;
  RandomStream rng_;
  Distribution delay_ = Distribution::exponential(1'000'000);
};

TEST(SimulationTest, SameSeedGivesTheSameEventSequence) {
  auto run = [](std::uint64_t seed) {
    Simulation sim;
    Hold hold(sim, seed);
    hold.start(100);
    sim.run_until(50'000'000);
    EXPECT_EQ(sim.pending(), 100u);
    return std::make_pair(sim.events_processed(), hold.fingerprint);
  };
  const auto a = run(7);
  EXPECT_EQ(a, run(7));
  EXPECT_NE(a.second, run(8).second);
  // 100 pending events each renewing after 1ms on average, for 50ms: about 5000 events.
  EXPECT_NEAR(static_cast<double>(a.first), 5000.0, 5 * 71.0);
}

}  // namespace
}  // namespace stacksim::sim
