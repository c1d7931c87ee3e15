// Several instances, load balancers, replicas and failover, DNS round-robin, rolling
// maintenance, changing traffic and memory pressure.
#include <gtest/gtest.h>

#include "models/experiment.h"
#include "tests/models/spec_builder.h"

namespace stacksim::models {
namespace {

using sim::Distribution;
using testing::component;
using testing::error_count;
using testing::ms;
using testing::s;
using testing::window_fault;

// clients -> lb (host lb) -> web on w1, w2, w3.
ScenarioSpec balanced(double rate, int web_instances) {
  ComponentSpec lb = testing::stack("lb", ComponentKind::kLb, 2000, Distribution(), "lbhost");
  ComponentSpec web =
      testing::stack("web", ComponentKind::kWeb, 512, Distribution::exponential(ms(2)));
  ScenarioSpec spec = testing::open_scenario(rate, {lb, web}, {"lb", "web"}, s(600));
  spec.hosts.push_back(HostSpec{"lbhost", 2, 0, ""});
  for (int i = 1; i <= web_instances; ++i) {
    std::string name = "w";  // not "w" + to_string: GCC 12 warns falsely (-Wrestrict)
    name += std::to_string(i);
    spec.hosts.push_back(HostSpec{name, 2, 0, ""});
    spec.components[1].instance_hosts.push_back(name);
  }
  return spec;
}

TEST(Topology, RoundRobinSpreadsRequestsEvenly) {
  const RunResult r = run_replication(balanced(300, 3), 0);
  const double total = static_cast<double>(r.completed);
  for (const char* name : {"web@w1", "web@w2", "web@w3"}) {
    EXPECT_NEAR(static_cast<double>(component(r, name).visits), total / 3, 2.0) << name;
  }
}

TEST(Topology, RoundRobinUsesEveryBackendHoweverMany) {
  ScenarioSpec spec = balanced(700, 70);
  spec.duration_ns = s(60);
  const RunResult r = run_replication(spec, 0);
  const double total = static_cast<double>(r.completed);
  for (int i = 1; i <= 70; ++i) {
    const std::string name = "web@w" + std::to_string(i);
    EXPECT_NEAR(static_cast<double>(component(r, name).visits), total / 70, 2.0) << name;
  }
}

TEST(Topology, LeastConnectionsAndRandomAlsoUseEveryBackend) {
  for (const auto policy : {BalancePolicy::kLeastConnections, BalancePolicy::kRandom}) {
    ScenarioSpec spec = balanced(300, 3);
    spec.components[0].policy = policy;
    const RunResult r = run_replication(spec, 0);
    for (const char* name : {"web@w1", "web@w2", "web@w3"}) {
      // Random: binomial sd about 0.3% of the total; least-connections stays close too.
      EXPECT_NEAR(static_cast<double>(component(r, name).visits) / r.completed, 1.0 / 3, 0.01);
    }
  }
}

TEST(Topology, AFailedBackendCostsOnlyTheHealthCheckDetectionWindow) {
  ScenarioSpec spec = balanced(300, 2);
  spec.faults.push_back(window_fault(FaultSpec::Kind::kCrash, "web@w2", s(101), s(100)));
  const RunResult r = run_replication(spec, 0);
  // Checks every 2 s; three failed checks take the backend out 4 to 6 s after the crash. Until
  // then half the requests (150/s) still go to it.
  const double lost = static_cast<double>(error_count(r, "component_down"));
  EXPECT_GE(lost, 150.0 * 4.0 * 0.85);
  EXPECT_LE(lost, 150.0 * 6.0 * 1.15);
  EXPECT_EQ(r.failed, error_count(r, "component_down"));
  // The service as a whole never went down: the other instance was up all along.
  EXPECT_DOUBLE_EQ(r.availability_by_time, 1.0);
  // Two passed checks after recovery and w2 takes traffic again.
  EXPECT_GT(component(r, "web@w2").visits, static_cast<std::uint64_t>(150 * (600 - 110) * 0.95));
}

TEST(Topology, ReadsGoToReplicasAndWritesToThePrimary) {
  ComponentSpec app = testing::stack("app", ComponentKind::kApp, 64, Distribution());
  ComponentSpec db =
      testing::stack("db", ComponentKind::kDb, 151, Distribution::exponential(ms(1)));
  db.instance_hosts = {"d1", "d2", "d3"};
  db.primary_host = "d1";
  ScenarioSpec spec = testing::open_scenario(200, {app, db}, {"app", "db"}, s(300));
  for (const char* h : {"d1", "d2", "d3"}) spec.hosts.push_back(HostSpec{h, 4, 0, ""});
  spec.workload.mix = {RequestClassSpec{"read", 3, {"app", "db"}, false},
                       RequestClassSpec{"write", 1, {"app", "db"}, true}};
  const RunResult r = run_replication(spec, 0);
  const auto& classes = r.classes;
  const double writes = static_cast<double>(classes[1].completed);
  const double reads = static_cast<double>(classes[0].completed);
  EXPECT_EQ(static_cast<double>(component(r, "db@d1").visits), writes);
  EXPECT_NEAR(static_cast<double>(component(r, "db@d2").visits), reads / 2, 2.0);
  EXPECT_NEAR(static_cast<double>(component(r, "db@d3").visits), reads / 2, 2.0);
}

TEST(Topology, FailoverPromotesAReplicaAfterTheConfiguredTime) {
  ComponentSpec db =
      testing::stack("db", ComponentKind::kDb, 151, Distribution::exponential(ms(1)));
  db.instance_hosts = {"d1", "d2"};
  db.primary_host = "d1";
  db.failover_ns = s(30);
  ScenarioSpec spec = testing::open_scenario(100, {db}, {"db"}, s(600));
  for (const char* h : {"d1", "d2"}) spec.hosts.push_back(HostSpec{h, 4, 0, ""});
  spec.workload.mix = {RequestClassSpec{"write", 1, {"db"}, true}};
  spec.faults.push_back(window_fault(FaultSpec::Kind::kCrash, "d1", s(100), s(400)));
  const RunResult with_failover = run_replication(spec, 0);
  // Writes fail for the 30 s it takes to promote d2, not for the 400 s d1 is down.
  EXPECT_NEAR(static_cast<double>(with_failover.failed), 100.0 * 30, 4 * std::sqrt(3000.0));
  EXPECT_GT(component(with_failover, "db@d2").visits, 100u * 400 * 9 / 10);

  EXPECT_EQ(with_failover.lost_writes, 0u);  // no replication lag, nothing lost

  // With a 2 s replication lag, the writes of the last 2 s before the crash die with d1.
  spec.components[0].replication_lag_ns = s(2);
  const RunResult lagging = run_replication(spec, 0);
  EXPECT_NEAR(static_cast<double>(lagging.lost_writes), 200.0, 4 * std::sqrt(200.0));

  spec.components[0].failover_ns = 0;
  spec.components[0].replication_lag_ns = 0;
  const RunResult without = run_replication(spec, 0);
  EXPECT_NEAR(static_cast<double>(without.failed), 100.0 * 400, 4 * std::sqrt(40000.0));
}

TEST(Topology, DnsRoundRobinSpreadsBrowsersAndStaleAnswersKeepPointingAtADeadHost) {
  ComponentSpec dns = testing::stack("dns", ComponentKind::kDns, 64, Distribution());
  dns.latency = Distribution::deterministic(ms(10));
  dns.records = {{"foobar.com", DnsRecordSpec::Type::kA, "10.0.0.1", s(300)},
                 {"foobar.com", DnsRecordSpec::Type::kA, "10.0.0.2", s(300)}};
  ComponentSpec web =
      testing::stack("web", ComponentKind::kWeb, 512, Distribution::deterministic(ms(1)));
  web.instance_hosts = {"w1", "w2"};
  ScenarioSpec spec = testing::open_scenario(100, {dns, web}, {"web"}, s(3600));
  spec.hosts = {HostSpec{"w1", 2, 0, "10.0.0.1"}, HostSpec{"w2", 2, 0, "10.0.0.2"}};
  spec.workload.hostname = "foobar.com";
  spec.workload.clients = 2000;
  spec.workload.client.timeout_ns = s(5);
  const RunResult healthy = run_replication(spec, 0);
  EXPECT_NEAR(static_cast<double>(component(healthy, "web@w1").visits) / healthy.completed, 0.5,
              0.03);

  spec.faults.push_back(window_fault(FaultSpec::Kind::kCrash, "w2", s(1000), s(2000)));
  const RunResult stale = run_replication(spec, 0);
  // The dead host's record is withdrawn, but the half of the browsers that cached w2 keep
  // timing out until their TTL runs out: 150 s on average, so about 100/s x 0.5 x 150 s.
  const double failed = static_cast<double>(stale.failed);
  EXPECT_GT(failed, 5000);
  EXPECT_LT(failed, 10000);
  EXPECT_EQ(error_count(stale, "timeout"), stale.failed);
}

TEST(Topology, RollingMaintenanceKeepsTheServiceUpWhereARestartTakesItDown) {
  ScenarioSpec spec = balanced(100, 2);
  FaultSpec rolling;
  rolling.kind = FaultSpec::Kind::kMaintenance;
  rolling.mode = FaultSpec::Mode::kRolling;
  rolling.target = "web";
  rolling.start_ns = s(100);
  rolling.duration_ns = s(60);
  spec.faults.push_back(rolling);
  const RunResult rolled = run_replication(spec, 0);
  EXPECT_DOUBLE_EQ(rolled.availability_by_time, 1.0);
  EXPECT_NEAR(component(rolled, "web@w1").availability, 1.0 - 60.0 / 600, 1e-9);
  EXPECT_NEAR(component(rolled, "web@w2").availability, 1.0 - 60.0 / 600, 1e-9);
  // Only the requests sent to a draining instance before the checks notice are refused.
  EXPECT_LT(rolled.failed, 2u * 50 * 6);

  spec.faults[0].mode = FaultSpec::Mode::kRestart;
  const RunResult restarted = run_replication(spec, 0);
  EXPECT_NEAR(restarted.availability_by_time, 1.0 - 60.0 / 600, 1e-9);
}

TEST(Traffic, AStepProfileMultipliesTheRateDuringTheStep) {
  ScenarioSpec spec = testing::open_scenario(
      50, {testing::station("svc", 100, Distribution::exponential(ms(1)))}, {"svc"}, s(300));
  spec.report_interval_ns = s(100);
  spec.workload.profile.points = {{0, 1.0}, {s(100), 5.0}, {s(200), 1.0}};
  const RunResult r = run_replication(spec, 0);
  ASSERT_EQ(r.series.size(), 3u);
  EXPECT_NEAR(static_cast<double>(r.series[0].offered), 5000, 4 * std::sqrt(5000.0));
  EXPECT_NEAR(static_cast<double>(r.series[1].offered), 25000, 4 * std::sqrt(25000.0));
  EXPECT_NEAR(static_cast<double>(r.series[2].offered), 5000, 4 * std::sqrt(5000.0));
}

TEST(Traffic, ALinearProfileRampsTheRate) {
  ScenarioSpec spec = testing::open_scenario(
      100, {testing::station("svc", 100, Distribution::exponential(ms(1)))}, {"svc"}, s(200));
  spec.report_interval_ns = s(100);
  spec.workload.profile.linear = true;
  spec.workload.profile.points = {{0, 0.0}, {s(200), 2.0}};
  const RunResult r = run_replication(spec, 0);
  // Rate 0 -> 200/s: 5,000 arrivals in the first 100 s and 15,000 in the next.
  EXPECT_NEAR(static_cast<double>(r.series[0].offered), 5000, 4 * std::sqrt(5000.0));
  EXPECT_NEAR(static_cast<double>(r.series[1].offered), 15000, 4 * std::sqrt(15000.0));
}

TEST(Traffic, ATraceIsReplayedExactly) {
  ScenarioSpec spec = testing::open_scenario(
      1, {testing::station("svc", 1, Distribution::deterministic(ms(10)))}, {"svc"}, s(10));
  spec.workload.process = WorkloadSpec::Process::kTrace;
  spec.workload.trace_ns = {ms(100), ms(105), ms(500), s(2), s(2), s(11)};
  const RunResult r = run_replication(spec, 0);
  EXPECT_EQ(r.offered, 5u);  // the one at 11 s is past the end
  EXPECT_EQ(r.completed, 5u);
  EXPECT_DOUBLE_EQ(r.latency_ns.max(), ms(20));  // the second of each close pair waits 5-10 ms
}

ScenarioSpec memory_hungry(int workers, HostSpec::MemoryPressure pressure) {
  ComponentSpec app =
      testing::stack("app", ComponentKind::kApp, workers, Distribution::exponential(ms(20)), "box");
  app.latency = Distribution::exponential(ms(200));  // waits on something: workers pile up
  app.memory_per_busy_slot_bytes = 100LL << 20;
  ComponentSpec db = testing::stack("db", ComponentKind::kDb, 151, Distribution(), "box");
  db.memory_base_bytes = 4LL << 30;
  ScenarioSpec spec = testing::open_scenario(150, {app, db}, {"app", "db"}, s(600));
  HostSpec box{"box", 8, 8LL << 30, ""};
  box.memory_pressure = pressure;
  spec.hosts.push_back(box);
  return spec;
}

TEST(Memory, MoreWorkersThanMemoryAllowsMakeThingsWorseBySwapping) {
  // 4 GiB buffer pool + 100 MiB per busy worker on 8 GiB: above 40 busy workers the box swaps.
  const RunResult fits = run_replication(memory_hungry(32, HostSpec::MemoryPressure::kSwap), 0);
  const RunResult swaps = run_replication(memory_hungry(64, HostSpec::MemoryPressure::kSwap), 0);
  EXPECT_LT(swaps.throughput_rps(), fits.throughput_rps());
  EXPECT_GT(swaps.latency_ns.mean(), 2 * fits.latency_ns.mean());
}

TEST(Memory, TheOomKillerTakesTheLargestProcess) {
  const RunResult r = run_replication(memory_hungry(64, HostSpec::MemoryPressure::kOomKill), 0);
  ASSERT_GT(r.failures_by_origin.count("oom_kill"), 0u);
  bool db_killed = false;
  for (const auto& w : r.downtime)
    db_killed = db_killed || (w.target == "db" && w.cause == "oom_kill");
  EXPECT_TRUE(db_killed);  // 4 GiB of buffer pool: the largest process on the box
}

TEST(Memory, HostsReportTheirDemandAndTheTimeOverTheirMemory) {
  const RunResult fits = run_replication(memory_hungry(32, HostSpec::MemoryPressure::kSwap), 0);
  ASSERT_EQ(fits.hosts.size(), 1u);
  const HostResult& box = fits.hosts[0];
  EXPECT_EQ(box.memory_bytes, 8LL << 30);
  // The buffer pool plus 100 MiB per busy worker, averaged over the same time as utilization.
  const ComponentResult& app = component(fits, "app");
  const double expected = (4LL << 30) + (100LL << 20) * app.utilization * app.servers;
  EXPECT_NEAR(box.mean_memory_demand_bytes, expected, 1e-9 * expected);
  EXPECT_GE(static_cast<double>(box.peak_memory_demand_bytes), box.mean_memory_demand_bytes);
  EXPECT_LE(box.peak_memory_demand_bytes, (4LL << 30) + 32 * (100LL << 20));
  EXPECT_EQ(box.memory_over_share, 0.0);  // 32 workers fit in 8 GiB
  EXPECT_EQ(box.oom_kills, 0u);

  const RunResult swaps = run_replication(memory_hungry(64, HostSpec::MemoryPressure::kSwap), 0);
  EXPECT_GT(swaps.hosts[0].peak_memory_demand_bytes, 8LL << 30);
  EXPECT_GT(swaps.hosts[0].memory_over_share, 0.5);  // once swapping, workers stay busy longer

  const RunResult killed =
      run_replication(memory_hungry(64, HostSpec::MemoryPressure::kOomKill), 0);
  std::uint64_t db_kills = 0;
  for (const auto& w : killed.downtime) db_kills += w.target == "db" && w.cause == "oom_kill";
  ASSERT_LT(killed.downtime.size(), kMaxDowntimeWindows);  // every kill has its window
  EXPECT_GT(killed.hosts[0].oom_kills, 0u);
  EXPECT_EQ(killed.hosts[0].oom_kills, db_kills);
}

}  // namespace
}  // namespace stacksim::models
