// Faults as schedules applied to the stack, and the client's timeouts and retries.
#include <gtest/gtest.h>

#include <cmath>

#include "models/experiment.h"
#include "tests/models/spec_builder.h"

namespace stacksim::models {
namespace {

using sim::Distribution;
using testing::error_count;
using testing::ms;
using testing::s;
using testing::window_fault;

// One user, 3 s requests, 0.5 s think: requests run [0,3), [3.5,6.5), [7,10), ...
ScenarioSpec one_slow_user() {
  return testing::closed_scenario(1, Distribution::deterministic(ms(500)),
                                  {testing::station("svc", 4, Distribution::deterministic(s(3)))},
                                  {"svc"}, s(20));
}

TEST(Faults, RestartMaintenanceFailsTheRequestInFlightAndRefusesNewOnes) {
  ScenarioSpec spec = one_slow_user();
  spec.faults.push_back(window_fault(FaultSpec::Kind::kMaintenance, "svc", s(8), s(1)));
  const RunResult r = run_replication(spec, 0);
  // The request started at 7 s dies at 8 s; the next, at 8.5 s, is refused; 9 s is served.
  EXPECT_EQ(error_count(r, "component_down"), 2u);
  EXPECT_EQ(r.failed, 2u);
  EXPECT_EQ(r.failures_by_origin.at("maintenance"), 2u);
  ASSERT_EQ(r.downtime.size(), 1u);
  EXPECT_EQ(r.downtime[0].target, "svc");
  EXPECT_EQ(r.downtime[0].cause, "maintenance");
  EXPECT_DOUBLE_EQ(r.downtime[0].start_s, 8.0);
  EXPECT_DOUBLE_EQ(r.downtime[0].end_s, 9.0);
  EXPECT_DOUBLE_EQ(r.components[0].availability, 19.0 / 20.0);
}

TEST(Faults, GracefulMaintenanceFinishesWhatItAccepted) {
  ScenarioSpec spec = one_slow_user();
  FaultSpec f = window_fault(FaultSpec::Kind::kMaintenance, "svc", s(8), s(1));
  f.mode = FaultSpec::Mode::kGraceful;
  spec.faults.push_back(f);
  const RunResult r = run_replication(spec, 0);
  // The request of [7, 10) completes; the window is over before the user asks again.
  EXPECT_EQ(r.failed, 0u);
  EXPECT_EQ(r.completed, 5u);  // at 3, 6.5, 10, 13.5 and 17 s (the next, at 20.5 s, is too late)
}

TEST(Faults, HostCrashTakesDownEveryComponentOnIt) {
  ScenarioSpec spec = testing::open_scenario(
      50,
      {testing::stack("web", ComponentKind::kWeb, 100, Distribution::deterministic(ms(1)), "box"),
       testing::stack("app", ComponentKind::kApp, 100, Distribution::deterministic(ms(5)), "box")},
      {"web", "app"}, s(1000));
  spec.hosts.push_back(HostSpec{"box", 4, 0, ""});
  spec.workload.client.timeout_ns = s(10);
  spec.faults.push_back(window_fault(FaultSpec::Kind::kCrash, "box", s(200), s(100)));
  const RunResult r = run_replication(spec, 0);
  EXPECT_DOUBLE_EQ(r.hosts[0].availability, 0.9);
  EXPECT_DOUBLE_EQ(r.components[0].availability, 0.9);
  EXPECT_DOUBLE_EQ(r.components[1].availability, 0.9);
  EXPECT_NEAR(r.availability_by_time, 0.9, 1e-12);
  // A dead host answers no SYN: clients retransmit until their 10 s timeout.
  EXPECT_GT(error_count(r, "timeout"), 4000u);
  EXPECT_EQ(r.failed, r.failures_by_origin.at("crash"));
  EXPECT_NEAR(r.availability(), 0.9, 0.01);
  // The windows name the host's fault for both components.
  ASSERT_EQ(r.downtime.size(), 3u);
  for (const auto& w : r.downtime) EXPECT_EQ(w.cause, "crash");
}

TEST(Faults, ExponentialCrashesGiveMtbfOverMtbfPlusMttr) {
  ScenarioSpec spec = testing::open_scenario(
      5, {testing::station("svc", 10, Distribution::exponential(ms(10)))}, {"svc"}, s(2'000'000));
  spec.faults.push_back(
      testing::crash("svc", Distribution::exponential(s(900)), Distribution::exponential(s(100))));
  const RunResult r = run_replication(spec, 0);
  // 2000 failure cycles; the sd of the estimate is about 0.002 (alternating renewal process).
  EXPECT_NEAR(r.components[0].availability, 0.9, 0.008);
  EXPECT_NEAR(r.availability(), 0.9, 0.01);
}

TEST(Faults, ProcessCrashIsDownOnlyForTheRestartDelay) {
  ScenarioSpec spec = testing::open_scenario(
      5, {testing::station("svc", 10, Distribution::exponential(ms(10)))}, {"svc"}, s(100'000));
  FaultSpec f;
  f.kind = FaultSpec::Kind::kProcessCrash;
  f.target = "svc";
  f.mtbf = Distribution::deterministic(s(100));
  f.restart_delay = Distribution::deterministic(s(1));
  spec.faults.push_back(f);
  const RunResult r = run_replication(spec, 0);
  EXPECT_NEAR(r.components[0].availability, 100.0 / 101.0, 1e-4);
  EXPECT_EQ(r.failures_by_origin.begin()->first, "process_crash");
}

TEST(Faults, SlowdownMultipliesServiceTimesDuringItsWindow) {
  ScenarioSpec spec = testing::closed_scenario(
      1, Distribution::deterministic(s(1)),
      {testing::station("svc", 1, Distribution::deterministic(ms(10)))}, {"svc"}, s(1000));
  FaultSpec f = window_fault(FaultSpec::Kind::kSlowdown, "svc", 0, s(100'000));
  f.factor = 3.0;
  spec.faults.push_back(f);
  const RunResult r = run_replication(spec, 0);
  EXPECT_DOUBLE_EQ(r.latency_ns.max(), ms(30));
  EXPECT_DOUBLE_EQ(r.latency_ns.min(), ms(30));
}

TEST(Faults, NetworkPartitionMakesClientsTimeOutAndAddedLatencyAddsUp) {
  auto web =
      testing::stack("web", ComponentKind::kWeb, 64, Distribution::deterministic(ms(1)), "box");
  ScenarioSpec spec =
      testing::closed_scenario(1, Distribution::deterministic(s(1)), {web}, {"web"}, s(100));
  spec.hosts.push_back(HostSpec{"box", 2, 0, ""});
  spec.network.rtt_ns = ms(20);
  FaultSpec slow = window_fault(FaultSpec::Kind::kNetwork, "box", 0, s(1000));
  slow.added_latency_ns = ms(80);
  spec.faults.push_back(slow);
  const RunResult slowed = run_replication(spec, 0);
  // A new connection costs two round trips of 20 + 80 ms, plus 1 ms of CPU.
  EXPECT_NEAR(slowed.latency_ns.mean(), ms(201), 2.0);

  spec.faults[0].added_latency_ns = 0;
  spec.faults[0].partition = true;
  spec.workload.client.timeout_ns = s(5);
  const RunResult cut = run_replication(spec, 0);
  EXPECT_EQ(cut.completed, 0u);
  EXPECT_EQ(error_count(cut, "timeout"), cut.failed);
  EXPECT_DOUBLE_EQ(cut.availability_by_time, 0.0);
}

TEST(Clients, EveryAttemptTimingOutCostsOnePlusRetriesAttempts) {
  ScenarioSpec spec = testing::open_scenario(
      10, {testing::station("svc", 1000, Distribution::deterministic(s(2)))}, {"svc"}, s(1000));
  spec.workload.client.timeout_ns = s(1);
  spec.workload.client.max_retries = 3;
  const RunResult r = run_replication(spec, 0);
  EXPECT_EQ(r.completed, 0u);
  EXPECT_NEAR(r.retry_amplification(), 4.0, 0.01);
  EXPECT_EQ(error_count(r, "timeout"), r.failed);
  // Requests still in flight at the end have had some attempts fail too.
  EXPECT_GE(r.attempt_errors.at("timeout"), 4 * r.failed);
  EXPECT_LE(r.attempt_errors.at("timeout"), 4 * r.failed + 3 * 100);
}

TEST(Clients, RetriesAfterRandomTimeoutsFollowTheGeometricSeries) {
  // Exponential service of mean 1 s, no queueing, 1 s timeout: each attempt times out with
  // q = e^-1, independently. With 2 retries: attempts per request 1 + q + q^2 = 1.5032 and a
  // final failure probability q^3 = 0.0498.
  ScenarioSpec spec = testing::open_scenario(
      20, {testing::station("svc", 10'000, Distribution::exponential(s(1)))}, {"svc"}, s(20'000));
  spec.workload.client.timeout_ns = s(1);
  spec.workload.client.max_retries = 2;
  const RunResult r = run_replication(spec, 0);
  const double q = std::exp(-1.0);
  EXPECT_NEAR(r.retry_amplification(), 1 + q + q * q, 0.005);
  EXPECT_NEAR(1.0 - r.availability(), q * q * q, 0.003);
  EXPECT_NEAR(static_cast<double>(r.first_attempt_completed) / static_cast<double>(r.offered),
              1 - q, 0.005);
}

TEST(Faults, ColdRestartLowersTheHitRatioWhileTheBufferPoolWarms) {
  auto db = testing::stack("db", ComponentKind::kDb, 151, Distribution::deterministic(ms(1)));
  db.reads_per_query = 10;
  db.buffer_pool_hit_ratio = 1.0;
  db.disk_read = Distribution::deterministic(ms(5));
  ScenarioSpec spec = testing::open_scenario(50, {db}, {"db"}, s(1000));
  FaultSpec cold = window_fault(FaultSpec::Kind::kColdRestart, "db", s(100), s(10));
  cold.initial_hit_ratio = 0.0;
  cold.warm_up_ns = s(100);
  spec.faults.push_back(cold);
  const RunResult r = run_replication(spec, 0);
  // Warm, a query takes 1 ms. Over the 100 s of warm-up the miss ratio falls linearly from 1 to
  // 0: on average 5 misses of 5 ms per query, 25 ms more, for 100 of the 990 s the db was up.
  // The sd of the estimate is about 0.04 ms (the share of arrivals in the warm-up varies).
  const double expected_mean_ms = 1.0 + 25.0 * 100.0 / 990.0;
  EXPECT_NEAR(r.latency_ns.mean() / 1e6, expected_mean_ms, 0.15);
  EXPECT_EQ(r.failures_by_origin.at("cold_restart"), r.failed);
}

}  // namespace
}  // namespace stacksim::models
