#include <gtest/gtest.h>

#include <atomic>

#include "models/experiment.h"
#include "models/work_estimate.h"
#include "tests/models/spec_builder.h"

namespace stacksim::models {
namespace {

using sim::Distribution;
using testing::component;
using testing::ms;
using testing::s;

TEST(StackModel, OneUserWithoutThinkTimeCompletesBackToBackRequests) {
  auto spec = testing::closed_scenario(
      1, Distribution(), {testing::station("server", 1, Distribution::deterministic(ms(10)))},
      {"server"}, s(1));
  const RunResult r = run_replication(spec, 0);
  EXPECT_EQ(r.completed, 100u);
  EXPECT_EQ(r.failed, 0u);
  EXPECT_DOUBLE_EQ(r.latency_ns.max(), ms(10));
  EXPECT_DOUBLE_EQ(component(r, "server").utilization, 1.0);
}

TEST(StackModel, ALoneStationGivesWhatTheGeneralPathGives) {
  // A class whose path is one station takes a lean path (stack_model_station.cc). A latency of
  // uniform(0, 0) is zero too, but only the general path draws it (from a stream of its own), so
  // the same queue taken the long way must come out the same in every respect.
  auto lean = testing::open_scenario(
      2'000, {testing::station("server", 2, Distribution::exponential(ms(0.9)))}, {"server"},
      s(60));
  lean.components[0].queue_capacity = 20;  // some arrivals are turned away
  lean.warmup_ns = s(5);
  auto general = lean;
  general.components[0].latency = Distribution::uniform(0, 0);
  const RunResult a = run_replication(lean, 0);
  const RunResult b = run_replication(general, 0);
  EXPECT_GT(a.completed, 100'000u);
  EXPECT_GT(component(a, "server").rejected, 100u);
  EXPECT_EQ(a.offered, b.offered);
  EXPECT_EQ(a.completed, b.completed);
  EXPECT_EQ(a.failed, b.failed);
  EXPECT_EQ(a.latency_ns.sum(), b.latency_ns.sum());
  EXPECT_EQ(a.latency_ns.max(), b.latency_ns.max());
  EXPECT_EQ(a.mean_in_system, b.mean_in_system);
  const ComponentResult& ca = component(a, "server");
  const ComponentResult& cb = component(b, "server");
  EXPECT_EQ(ca.visits, cb.visits);
  EXPECT_EQ(ca.rejected, cb.rejected);
  EXPECT_EQ(ca.utilization, cb.utilization);
  EXPECT_EQ(ca.mean_queue_length, cb.mean_queue_length);
  EXPECT_EQ(ca.mean_wait_s, cb.mean_wait_s);
  EXPECT_EQ(ca.mean_response_s, cb.mean_response_s);
}

TEST(StackModel, WebHoldsItsConnectionWhileTheAppWorks) {
  auto spec = testing::closed_scenario(
      1, Distribution(),
      {testing::stack("web", ComponentKind::kWeb, 4, Distribution::deterministic(ms(1))),
       testing::stack("app", ComponentKind::kApp, 4, Distribution::deterministic(ms(9)))},
      {"web", "app"}, s(1));
  const RunResult r = run_replication(spec, 0);
  EXPECT_EQ(r.completed, 100u);
  EXPECT_NEAR(component(r, "web").mean_response_s, 0.010, 1e-9);
  EXPECT_NEAR(component(r, "app").mean_response_s, 0.009, 1e-9);
  // One connection out of four is busy all the time.
  EXPECT_NEAR(component(r, "web").utilization, 0.25, 1e-9);
}

TEST(StackModel, AppMakesItsQueriesWhileHoldingAWorker) {
  auto app = testing::stack("app", ComponentKind::kApp, 2, Distribution::deterministic(ms(2)));
  app.calls = 3;
  auto spec = testing::closed_scenario(
      1, Distribution(),
      {app, testing::stack("db", ComponentKind::kDb, 151, Distribution::deterministic(ms(1)))},
      {"app", "db"}, s(1));
  const RunResult r = run_replication(spec, 0);
  EXPECT_EQ(r.completed, 200u);  // 2 ms CPU + 3 x 1 ms queries = 5 ms each
  EXPECT_EQ(component(r, "db").visits, 3 * component(r, "app").visits);
  EXPECT_NEAR(r.latency_ns.mean(), ms(5), 1.0);
}

TEST(StackModel, ComponentsOnOneHostShareItsCores) {
  // Two single-server stations in series on a one-core host: each alone would take 10 ms, but
  // their CPU bursts cannot overlap, so two users get no more than one job per 20 ms.
  ScenarioSpec spec = testing::closed_scenario(
      2, Distribution(),
      {testing::station("a", 1, Distribution::deterministic(ms(10)), "box"),
       testing::station("b", 1, Distribution::deterministic(ms(10)), "box")},
      {"a", "b"}, s(10));
  spec.hosts.push_back(HostSpec{"box", 1, 0, ""});
  const RunResult one_core = run_replication(spec, 0);
  EXPECT_NEAR(one_core.throughput_rps(), 50.0, 0.5);
  EXPECT_NEAR(one_core.hosts[0].cpu_utilization, 1.0, 1e-6);

  spec.hosts[0].cores = 2;  // vertical scaling: now the two stations run in parallel
  const RunResult two_cores = run_replication(spec, 0);
  EXPECT_NEAR(two_cores.throughput_rps(), 100.0, 0.5);
}

TEST(StackModel, FullAcceptQueueDropsSynsAndClientsRetransmitAfterOneThenTwoSeconds) {
  // One connection, no backlog. Two users arrive together: the second SYN is dropped at 0 s and
  // again at 1 s, then accepted at 3 s, when the first request (2.5 s) is long done.
  auto web = testing::stack("web", ComponentKind::kWeb, 1, Distribution::deterministic(ms(2500)));
  web.queue_capacity = 0;
  // Both users finish their first think time at 100 s; measure that first cycle only.
  ScenarioSpec spec =
      testing::closed_scenario(2, Distribution::deterministic(s(100)), {web}, {"web"}, s(50));
  spec.warmup_ns = s(99);
  const RunResult r = run_replication(spec, 0);
  EXPECT_EQ(r.completed, 2u);
  EXPECT_EQ(component(r, "web").rejected, 2u);
  EXPECT_DOUBLE_EQ(r.latency_ns.min(), ms(2500));
  EXPECT_DOUBLE_EQ(r.latency_ns.max(), ms(5500));
}

TEST(StackModel, ConnectFailsAfterTheLastSynRetransmission) {
  auto web = testing::stack("web", ComponentKind::kWeb, 1, Distribution::deterministic(s(1000)));
  web.queue_capacity = 0;
  ScenarioSpec spec =
      testing::closed_scenario(2, Distribution::deterministic(s(1)), {web}, {"web"}, s(500));
  spec.network.syn_retries = 2;  // give up at 1 + 2 + 4 = 7 s
  const RunResult r = run_replication(spec, 0);
  ASSERT_EQ(r.errors.count("connect_timeout"), 1u);
  EXPECT_GE(r.errors.at("connect_timeout"), 50u);  // one attempt every 8 s for 500 s
  EXPECT_LE(r.errors.at("connect_timeout"), 63u);
}

TEST(StackModel, RejectionDeepInThePathReleasesEveryHeldSlot) {
  // The db takes one connection at a time and refuses the rest; refused requests must free
  // their web connection and app worker, or the stack would seize up.
  auto db = testing::stack("db", ComponentKind::kDb, 1, Distribution::exponential(ms(5)));
  db.queue_capacity = 0;
  ScenarioSpec spec =
      testing::open_scenario(300,
                             {testing::stack("web", ComponentKind::kWeb, 50, Distribution()),
                              testing::stack("app", ComponentKind::kApp, 50, Distribution()), db},
                             {"web", "app", "db"}, s(200));
  const RunResult r = run_replication(spec, 0);
  ASSERT_GT(r.failed, 1000u);
  EXPECT_EQ(r.errors.at("rejected"), r.failed);
  EXPECT_EQ(component(r, "db").rejected, r.failed);
  // Erlang B with one server and 1.5 erlangs: 0.6 of the requests are refused.
  EXPECT_NEAR(1.0 - r.availability(), 0.6, 0.01);
  EXPECT_NEAR(r.throughput_rps(), 300 * 0.4, 3.0);
}

TEST(StackModel, CachedDnsAnswersSkipTheResolverUntilTheirTtlExpires) {
  ComponentSpec dns = testing::stack("dns", ComponentKind::kDns, 8, Distribution());
  dns.latency = Distribution::deterministic(ms(20));
  dns.records = {{"www.foobar.com", DnsRecordSpec::Type::kCname, "foobar.com", s(60)},
                 {"foobar.com", DnsRecordSpec::Type::kA, "8.8.8.8", s(3600)}};
  ScenarioSpec spec = testing::closed_scenario(
      1, Distribution::deterministic(ms(980)),
      {dns, testing::station("server", 1, Distribution::deterministic(ms(0)))}, {"server"},
      s(3600));
  spec.workload.hostname = "www.foobar.com";
  const RunResult r = run_replication(spec, 0);
  // The chain's smallest TTL (60 s) governs: one lookup per minute among ~3600 requests.
  EXPECT_NEAR(static_cast<double>(component(r, "dns").visits), 60.0, 1.0);
  EXPECT_GT(r.completed, 3500u);
  EXPECT_EQ(r.failed, 0u);
}

TEST(StackModel, ANameWithoutRecordsFailsWithDnsFailure) {
  ComponentSpec dns = testing::stack("dns", ComponentKind::kDns, 8, Distribution());
  dns.records = {{"foobar.com", DnsRecordSpec::Type::kA, "8.8.8.8", s(3600)}};
  ScenarioSpec spec = testing::open_scenario(
      10, {dns, testing::station("server", 1, Distribution::deterministic(ms(1)))}, {"server"},
      s(100));
  spec.workload.hostname = "www.nope.com";
  const RunResult r = run_replication(spec, 0);
  EXPECT_GT(r.failed, 800u);
  EXPECT_EQ(r.completed, 0u);
  EXPECT_EQ(r.errors.at("dns_failure"), r.failed);
}

TEST(StackModel, NetworkRoundTripsAddTwoRttsForNewConnectionsAndOneForKeepAlive) {
  ScenarioSpec spec = testing::closed_scenario(
      1, Distribution::deterministic(s(1)),
      {testing::stack("web", ComponentKind::kWeb, 8, Distribution::deterministic(ms(1)))}, {"web"},
      s(100));
  spec.network.rtt_ns = ms(40);
  const RunResult fresh = run_replication(spec, 0);
  EXPECT_NEAR(fresh.latency_ns.mean(), ms(81), 1.0);
  spec.network.keepalive_share = 1.0;
  const RunResult kept = run_replication(spec, 0);
  EXPECT_NEAR(kept.latency_ns.mean(), ms(41), 1.0);
}

TEST(StackModel, WarmUpIsExcludedFromTheMeasurements) {
  auto spec = testing::open_scenario(
      100, {testing::station("server", 1, Distribution::exponential(ms(5)))}, {"server"}, s(100));
  spec.warmup_ns = s(50);
  const RunResult r = run_replication(spec, 0);
  EXPECT_DOUBLE_EQ(r.measured_s, 100.0);
  EXPECT_NEAR(static_cast<double>(r.offered), 100.0 * 100, 400);  // ~4 standard deviations
}

TEST(StackModel, TimeSeriesRowsCoverTheMeasuredPeriodAndAddUp) {
  auto spec = testing::open_scenario(
      50, {testing::station("server", 2, Distribution::exponential(ms(20)))}, {"server"}, s(600));
  spec.warmup_ns = s(30);
  spec.report_interval_ns = s(60);
  const RunResult r = run_replication(spec, 0);
  ASSERT_EQ(r.series.size(), 10u);
  // On the scenario clock: the rows start when the 30 s warm-up ends.
  EXPECT_DOUBLE_EQ(r.measured_from_s, 30.0);
  EXPECT_DOUBLE_EQ(r.series.front().start_s, 30.0);
  EXPECT_DOUBLE_EQ(r.series.back().end_s, 630.0);
  std::uint64_t offered = 0, completed = 0;
  double util = 0;
  for (const auto& row : r.series) {
    offered += row.offered;
    completed += row.completed;
    util += row.component_utilization[0] / 10.0;
  }
  EXPECT_EQ(offered, r.offered);
  EXPECT_EQ(completed, r.completed);
  EXPECT_NEAR(util, r.components[0].utilization, 1e-9);
}

TEST(StackModel, RequestsPickTheirClassInProportionToTheMixWeights) {
  // Weights 1, 0, 3 and 6: shares 0.1, 0, 0.3 and 0.6 of 40,000 requests, each within 0.01, four
  // binomial standard deviations of the 0.6 share (0.0024); a class of weight 0 is never picked.
  auto spec = testing::open_scenario(
      200, {testing::station("server", 64, Distribution::exponential(ms(1)))}, {"server"}, s(200));
  spec.workload.mix = {
      RequestClassSpec{"a", 1.0, {"server"}}, RequestClassSpec{"b", 0.0, {"server"}},
      RequestClassSpec{"c", 3.0, {"server"}}, RequestClassSpec{"d", 6.0, {"server"}}};
  const RunResult r = run_experiment(spec, {}).front();
  ASSERT_EQ(r.classes.size(), 4u);
  const double offered = static_cast<double>(r.offered);
  ASSERT_GT(offered, 39'000.0);
  const double expected[] = {0.1, 0.0, 0.3, 0.6};
  for (std::size_t c = 0; c < 4; ++c) {
    EXPECT_NEAR(static_cast<double>(r.classes[c].offered) / offered, expected[c], 0.01)
        << r.classes[c].name;
  }
  EXPECT_EQ(r.classes[1].offered, 0u);
}

TEST(Experiment, ResultsDoNotDependOnTheNumberOfThreads) {
  auto spec = testing::open_scenario(
      80, {testing::station("server", 1, Distribution::exponential(ms(10)))}, {"server"}, s(300));
  ExperimentOptions serial;
  serial.replications = 4;
  serial.threads = 1;
  ExperimentOptions parallel = serial;
  parallel.threads = 4;
  const auto a = run_experiment(spec, serial);
  const auto b = run_experiment(spec, parallel);
  ASSERT_EQ(a.size(), 4u);
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].completed, b[i].completed);
    EXPECT_EQ(a[i].events, b[i].events);
    EXPECT_EQ(a[i].latency_ns.quantile(0.99), b[i].latency_ns.quantile(0.99));
  }
  EXPECT_NE(a[0].completed, a[1].completed);  // replications are independent
}

TEST(Experiment, SeveralScenariosShareOnePoolAndEachGetsItsOwnReplications) {
  auto slow = testing::open_scenario(
      80, {testing::station("server", 1, Distribution::exponential(ms(10)))}, {"server"}, s(100));
  auto fast = slow;
  fast.components[0].cpu = Distribution::exponential(ms(2));
  ExperimentOptions options;
  options.replications = 3;
  options.threads = 2;
  const auto both = run_experiments({slow, fast}, options);
  ASSERT_EQ(both.size(), 2u);
  const auto fast_alone = run_experiment(fast, options);
  ASSERT_EQ(both[1].size(), 3u);
  for (std::size_t r = 0; r < 3; ++r) {
    EXPECT_EQ(both[1][r].events, fast_alone[r].events);
    EXPECT_EQ(both[1][r].latency_ns.mean(), fast_alone[r].latency_ns.mean());
  }
  EXPECT_GT(both[0][0].latency_ns.mean(), both[1][0].latency_ns.mean());
}

TEST(Experiment, TheLargestTasksStartFirstAndAScenariosReplicationsInOrder) {
  // A rate sweep listed from the lightest point up: in index order the heaviest point would
  // start last and run alone while the other threads sit idle.
  const auto point = [](double rate, sim::Time duration) {
    return testing::open_scenario(rate,
                                  {testing::station("server", 1, Distribution::exponential(ms(1)))},
                                  {"server"}, duration);
  };
  const std::vector<ScenarioSpec> specs = {point(100, s(60)), point(900, s(60)), point(500, s(60)),
                                           point(100, s(600))};
  std::vector<ExperimentTask> tasks;
  for (std::size_t scenario = 0; scenario < specs.size(); ++scenario) {
    for (std::uint64_t rep = 0; rep < 2; ++rep) tasks.push_back({scenario, rep});
  }
  // Requests offered: 6,000, 54,000, 30,000 and 60,000 (a longer run of the lightest rate).
  const std::vector<std::size_t> expected = {6, 7, 2, 3, 4, 5, 0, 1};
  EXPECT_EQ(task_start_order(specs, tasks), expected);
}

TEST(Experiment, WorkIsEstimatedFromTheRequestsOfferedAndTheComponentsEachVisits) {
  auto two_stations =
      testing::open_scenario(50,
                             {testing::station("a", 1, Distribution::exponential(ms(1))),
                              testing::station("b", 1, Distribution::exponential(ms(1)))},
                             {"a", "b"}, s(100));
  two_stations.warmup_ns = s(20);
  two_stations.workload.mix.push_back(RequestClassSpec{"short", 3.0, {"a"}});
  // 50/s over 120 s = 6,000 requests, visiting (1 x 2 + 3 x 1) / 4 = 1.25 components each.
  EXPECT_DOUBLE_EQ(estimated_work(two_stations), 7'500.0);
  auto closed = testing::closed_scenario(
      20, Distribution::exponential(s(2)),
      {testing::station("server", 1, Distribution::exponential(ms(1)))}, {"server"}, s(100));
  EXPECT_DOUBLE_EQ(estimated_work(closed), 1'000.0);  // 20 users, a cycle per 2 s think, 100 s
}

TEST(Experiment, AnInterruptSkipsReplicationsNotYetStarted) {
  auto spec = testing::open_scenario(
      80, {testing::station("server", 1, Distribution::exponential(ms(10)))}, {"server"}, s(100));
  const std::atomic<bool> interrupted{true};
  ExperimentOptions options;
  options.replications = 3;
  options.interrupt = &interrupted;
  EXPECT_TRUE(run_experiment(spec, options).empty());
}

TEST(Experiment, AddingAComponentDoesNotShiftTheDrawsOfAnother) {
  // Common random numbers: the arrival stream and the server's service stream are named, so a
  // second class that never runs on "server" leaves its numbers untouched.
  auto base = testing::open_scenario(
      50, {testing::station("server", 1, Distribution::exponential(ms(10)))}, {"server"}, s(200));
  auto extended = base;
  extended.components.push_back(testing::station("other", 1, Distribution::exponential(ms(3))));
  const RunResult a = run_replication(base, 0);
  const RunResult b = run_replication(extended, 0);
  EXPECT_EQ(a.completed, b.completed);
  EXPECT_EQ(a.latency_ns.quantile(0.5), b.latency_ns.quantile(0.5));
}

}  // namespace
}  // namespace stacksim::models
