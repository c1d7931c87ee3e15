#include <gtest/gtest.h>

#include "scenario/loader.h"
#include "test_support.h"

namespace stacksim::scenario {
namespace {

using models::ComponentKind;
using testing::data_path;
using testing::dump;
using testing::FullStackScenario;
using testing::kMs;
using testing::kS;

TEST_F(FullStackScenario, KeepsTheFileBytes) {
  EXPECT_NE(result_.text.find("foobar-single-server"), std::string::npos);
  EXPECT_TRUE(result_.errors.empty());
}

TEST_F(FullStackScenario, ConvertsTopLevelValues) {
  EXPECT_EQ(spec_->name, "foobar-single-server");
  EXPECT_EQ(spec_->description, "www.foobar.com on one box");
  EXPECT_EQ(spec_->seed, 42u);
  EXPECT_EQ(spec_->duration_ns, 7200 * kS);
  EXPECT_EQ(spec_->warmup_ns, 300 * kS);
  EXPECT_EQ(spec_->report_interval_ns, 60 * kS);
}

TEST_F(FullStackScenario, ConvertsHostsInFileOrder) {
  using Pressure = models::HostSpec::MemoryPressure;
  ASSERT_EQ(spec_->hosts.size(), 5u);
  EXPECT_EQ(spec_->hosts[0].name, "server1");
  EXPECT_EQ(spec_->hosts[0].cores, 4);
  EXPECT_EQ(spec_->hosts[0].memory_bytes, 8LL << 30);
  EXPECT_EQ(spec_->hosts[0].ip, "10.0.0.10");
  EXPECT_EQ(spec_->hosts[0].memory_pressure, Pressure::kOomKill);
  EXPECT_EQ(spec_->hosts[0].oom_restart_ns, 2 * kS);
  EXPECT_EQ(spec_->hosts[1].name, "dbhost");
  EXPECT_EQ(spec_->hosts[1].cores, 2);
  EXPECT_EQ(spec_->hosts[1].memory_bytes, 0);
  EXPECT_EQ(spec_->hosts[1].ip, "");
  EXPECT_EQ(spec_->hosts[1].memory_pressure, Pressure::kSwap);
  EXPECT_DOUBLE_EQ(spec_->hosts[1].swap_slowdown, 10.0);
  EXPECT_EQ(spec_->hosts[1].oom_restart_ns, 100 * kMs);
  EXPECT_EQ(spec_->hosts[2].name, "web2");
  EXPECT_DOUBLE_EQ(spec_->hosts[2].swap_slowdown, 20.0);
  EXPECT_EQ(spec_->hosts[4].memory_pressure, Pressure::kSwap);
}

TEST_F(FullStackScenario, KeepsComponentsInFileOrderNotAlphabetical) {
  std::vector<std::string> names;
  for (const auto& c : spec_->components) names.push_back(c.name);
  EXPECT_EQ(names, (std::vector<std::string>{"resolver", "web", "app", "db", "cache", "lb",
                                             "webpool", "rdb"}));
}

TEST_F(FullStackScenario, WebServersAreWorkerProcessesTimesConnections) {
  const auto& web = component("web");
  EXPECT_EQ(web.kind, ComponentKind::kWeb);
  EXPECT_EQ(web.host, "server1");
  EXPECT_EQ(web.servers, models::kNginxWorkerProcesses * models::kNginxWorkerConnections);
  // Default backlog 511, capped at server1's somaxconn of 128.
  EXPECT_EQ(web.queue_capacity, 128);
  EXPECT_EQ(web.cpu.mean_ns(), 200'000.0);
  EXPECT_TRUE(web.latency.is_zero());
}

TEST_F(FullStackScenario, AppBacklogIsCappedAtSomaxconn) {
  const auto& app = component("app");
  EXPECT_EQ(app.kind, ComponentKind::kApp);
  EXPECT_EQ(app.servers, 8);
  EXPECT_EQ(app.queue_capacity, 128);  // listen_backlog 1000 > somaxconn 128
  EXPECT_EQ(app.calls, 3);
  EXPECT_EQ(app.cpu.kind(), sim::Distribution::Kind::kGamma);
  EXPECT_DOUBLE_EQ(app.cpu.mean_ns(), 8.0 * kMs);
  EXPECT_DOUBLE_EQ(app.cpu.scv(), 0.25);
  EXPECT_EQ(app.memory_base_bytes, 128LL << 20);
  EXPECT_EQ(app.memory_per_busy_slot_bytes, 64LL << 20);
}

TEST_F(FullStackScenario, DbUsesMysqlDefaults) {
  const auto& db = component("db");
  EXPECT_EQ(db.kind, ComponentKind::kDb);
  EXPECT_EQ(db.host, "dbhost");
  EXPECT_EQ(db.servers, models::kMysqlMaxConnections);
  EXPECT_EQ(db.queue_capacity, 0);
  EXPECT_EQ(db.cpu.kind(), sim::Distribution::Kind::kExponential);
  EXPECT_EQ(db.reads_per_query, 4);
  EXPECT_DOUBLE_EQ(db.buffer_pool_hit_ratio, 0.95);
  EXPECT_EQ(db.disk_read.kind(), sim::Distribution::Kind::kUniform);
  EXPECT_DOUBLE_EQ(db.disk_read.mean_ns(), 5.0 * kMs);
  EXPECT_TRUE(db.instance_hosts.empty());
  EXPECT_EQ(db.primary_host, "");
  EXPECT_EQ(db.memory_base_bytes, 0);
  EXPECT_EQ(db.memory_per_busy_slot_bytes, 0);
}

TEST_F(FullStackScenario, StationWithNullQueueIsUnbounded) {
  const auto& cache = component("cache");
  EXPECT_EQ(cache.kind, ComponentKind::kStation);
  EXPECT_EQ(cache.host, "");
  EXPECT_EQ(cache.servers, 2);
  EXPECT_FALSE(cache.queue_capacity.has_value());
  EXPECT_EQ(cache.cpu.kind(), sim::Distribution::Kind::kWeibull);
}

TEST_F(FullStackScenario, DnsResolverHasRecordsAndDefaultLookup) {
  const auto& dns = component("resolver");
  EXPECT_EQ(dns.kind, ComponentKind::kDns);
  EXPECT_EQ(dns.servers, 1);
  EXPECT_FALSE(dns.queue_capacity.has_value());
  EXPECT_EQ(dns.latency.kind(), sim::Distribution::Kind::kDeterministic);
  EXPECT_DOUBLE_EQ(dns.latency.mean_ns(), 20.0 * kMs);
  ASSERT_EQ(dns.records.size(), 3u);
  EXPECT_EQ(dns.records[0].name, "www.foobar.com");
  EXPECT_EQ(dns.records[0].type, models::DnsRecordSpec::Type::kCname);
  EXPECT_EQ(dns.records[0].value, "foobar.com");
  EXPECT_EQ(dns.records[0].ttl_ns, 3600 * kS);
  EXPECT_EQ(dns.records[1].type, models::DnsRecordSpec::Type::kA);
  EXPECT_EQ(dns.records[1].value, "10.0.0.10");
  EXPECT_EQ(dns.records[1].ttl_ns, 300 * kS);
  EXPECT_EQ(dns.records[2].name, "foobar.com");
  EXPECT_EQ(dns.records[2].value, "10.0.0.11");
  EXPECT_EQ(dns.records[2].ttl_ns, 30 * kS);
}

TEST_F(FullStackScenario, ConvertsWorkload) {
  const auto& w = spec_->workload;
  EXPECT_EQ(w.process, models::WorkloadSpec::Process::kPoisson);
  EXPECT_DOUBLE_EQ(w.rate_per_s, 80.0);
  ASSERT_EQ(w.profile.points.size(), 3u);
  EXPECT_EQ(w.profile.points[0].at_ns, 0);
  EXPECT_DOUBLE_EQ(w.profile.points[0].factor, 0.5);
  EXPECT_EQ(w.profile.points[1].at_ns, 8 * 3600 * kS);
  EXPECT_DOUBLE_EQ(w.profile.points[1].factor, 1.5);
  EXPECT_EQ(w.profile.points[2].at_ns, 18 * 3600 * kS);
  EXPECT_TRUE(w.profile.linear);
  EXPECT_EQ(w.profile.repeat_ns, 24 * 3600 * kS);
  ASSERT_EQ(w.mix.size(), 4u);
  EXPECT_EQ(w.mix[0].name, "page");
  EXPECT_DOUBLE_EQ(w.mix[0].weight, 3.0);
  EXPECT_EQ(w.mix[0].path, (std::vector<std::string>{"web", "app", "db"}));
  EXPECT_DOUBLE_EQ(w.mix[1].weight, 1.0);  // default
  EXPECT_DOUBLE_EQ(w.mix[2].weight, 0.5);
  EXPECT_FALSE(w.mix[0].writes);
  EXPECT_TRUE(w.mix[3].writes);
  EXPECT_EQ(w.mix[3].path, (std::vector<std::string>{"lb", "webpool", "app", "rdb"}));
  EXPECT_EQ(w.hostname, "www.foobar.com");
  EXPECT_EQ(w.clients, 1000);
}

TEST_F(FullStackScenario, ConvertsNetworkWithLinuxDefaults) {
  const auto& n = spec_->network;
  EXPECT_EQ(n.rtt_ns, 20 * kMs);
  EXPECT_DOUBLE_EQ(n.keepalive_share, 0.5);
  EXPECT_EQ(n.syn_retries, 6);
  EXPECT_EQ(n.syn_initial_timeout_ns, kS);
}

TEST_F(FullStackScenario, ConvertsWorkloadClient) {
  const auto& c = spec_->workload.client;
  EXPECT_EQ(c.timeout_ns, 10 * kS);
  EXPECT_EQ(c.max_retries, 2);
  EXPECT_EQ(c.backoff_initial_ns, 200 * kMs);
  EXPECT_DOUBLE_EQ(c.backoff_multiplier, 3.0);
  EXPECT_EQ(c.backoff_max_ns, 5 * kS);
  EXPECT_EQ(c.jitter, models::ClientSpec::Jitter::kEqual);
  EXPECT_EQ(c.dns_timeout_ns, 2 * kS);
  EXPECT_EQ(c.dns_attempts, 3);
}

TEST_F(FullStackScenario, ConvertsSlo) {
  ASSERT_TRUE(spec_->slo.has_value());
  EXPECT_EQ(spec_->slo->availability, 0.999);
  EXPECT_EQ(spec_->slo->latency_p50_ns, 50 * kMs);
  EXPECT_EQ(spec_->slo->latency_p95_ns, 200 * kMs);
  EXPECT_EQ(spec_->slo->latency_p99_ns, 500 * kMs);
}

TEST_F(FullStackScenario, ConvertsOneFaultOfEveryKind) {
  using Kind = models::FaultSpec::Kind;
  using Window = std::pair<sim::Time, sim::Time>;
  const auto windows = [](const models::FaultSpec& f) {
    std::vector<Window> out;
    for (const auto& w : f.windows) out.emplace_back(w.start_ns, w.duration_ns);
    return out;
  };
  ASSERT_EQ(spec_->faults.size(), 11u);
  const auto& crash = spec_->faults[0];
  EXPECT_EQ(crash.kind, Kind::kCrash);
  EXPECT_EQ(crash.target, "server1");
  ASSERT_TRUE(crash.mtbf && crash.mttr);
  EXPECT_TRUE(crash.is_random());
  EXPECT_DOUBLE_EQ(crash.mtbf->mean_ns(), 30.0 * 86400 * kS);
  EXPECT_EQ(crash.mttr->kind(), sim::Distribution::Kind::kLognormal);
  EXPECT_TRUE(crash.windows.empty());

  const auto& maintenance = spec_->faults[1];
  EXPECT_EQ(maintenance.kind, Kind::kMaintenance);
  EXPECT_EQ(maintenance.target, "db");
  EXPECT_EQ(maintenance.start_ns, 1800 * kS);
  EXPECT_EQ(maintenance.every_ns, 86400 * kS);
  EXPECT_EQ(maintenance.duration_ns, 90 * kS);
  EXPECT_EQ(maintenance.mode, models::FaultSpec::Mode::kRestart);
  EXPECT_TRUE(maintenance.windows.empty());

  const auto& scheduled_crash = spec_->faults[2];
  EXPECT_EQ(scheduled_crash.kind, Kind::kCrash);
  EXPECT_FALSE(scheduled_crash.is_random());
  EXPECT_EQ(windows(scheduled_crash), (std::vector<Window>{{3600 * kS, 120 * kS}}));

  const auto& process_crash = spec_->faults[3];
  EXPECT_EQ(process_crash.kind, Kind::kProcessCrash);
  EXPECT_EQ(process_crash.target, "app");
  ASSERT_TRUE(process_crash.mtbf.has_value());
  EXPECT_DOUBLE_EQ(process_crash.mtbf->mean_ns(), 12.0 * 3600 * kS);
  EXPECT_FALSE(process_crash.mttr.has_value());
  EXPECT_DOUBLE_EQ(process_crash.restart_delay.mean_ns(), 2.0 * kS);

  const auto& graceful = spec_->faults[4];
  EXPECT_EQ(graceful.kind, Kind::kMaintenance);
  EXPECT_EQ(graceful.mode, models::FaultSpec::Mode::kGraceful);
  EXPECT_EQ(windows(graceful),
            (std::vector<Window>{{3600 * kS, 60 * kS}, {2 * 3600 * kS, 60 * kS}}));

  const auto& dns = spec_->faults[5];
  EXPECT_EQ(dns.kind, Kind::kDnsOutage);
  EXPECT_EQ(dns.target, "resolver");
  EXPECT_EQ(dns.dns_mode, models::FaultSpec::DnsOutageMode::kTimeout);
  EXPECT_EQ(windows(dns), (std::vector<Window>{{2400 * kS, 180 * kS}}));

  const auto& network = spec_->faults[6];
  EXPECT_EQ(network.kind, Kind::kNetwork);
  EXPECT_EQ(network.target, "server1");
  EXPECT_EQ(network.added_latency_ns, 100 * kMs);
  EXPECT_DOUBLE_EQ(network.loss, 0.01);
  EXPECT_FALSE(network.partition);
  EXPECT_EQ(network.start_ns, 600 * kS);
  EXPECT_EQ(network.every_ns, 3600 * kS);
  EXPECT_EQ(network.duration_ns, 30 * kS);

  const auto& slowdown = spec_->faults[7];
  EXPECT_EQ(slowdown.kind, Kind::kSlowdown);
  EXPECT_DOUBLE_EQ(slowdown.factor, 2.5);
  EXPECT_EQ(windows(slowdown), (std::vector<Window>{{3000 * kS, 300 * kS}}));

  const auto& cold = spec_->faults[8];
  EXPECT_EQ(cold.kind, Kind::kColdRestart);
  EXPECT_EQ(cold.target, "db");
  EXPECT_DOUBLE_EQ(cold.initial_hit_ratio, 0.3);
  EXPECT_EQ(cold.warm_up_ns, 600 * kS);
  EXPECT_EQ(windows(cold), (std::vector<Window>{{5400 * kS, 20 * kS}}));

  const auto& rolling = spec_->faults[9];
  EXPECT_EQ(rolling.kind, Kind::kMaintenance);
  EXPECT_EQ(rolling.target, "webpool");
  EXPECT_EQ(rolling.mode, models::FaultSpec::Mode::kRolling);

  const auto& instance_crash = spec_->faults[10];
  EXPECT_EQ(instance_crash.kind, Kind::kCrash);
  EXPECT_EQ(instance_crash.target, "rdb@dbhost");
}

TEST(LoadScenario, AppliesDefaultsToAMinimalScenario) {
  const auto result = load_scenario_text(testing::kMinimalScenario, "minimal.json");
  ASSERT_EQ(result.status, LoadStatus::kOk) << dump(result);
  const auto& spec = *result.spec;
  EXPECT_EQ(spec.seed, 1u);
  EXPECT_EQ(spec.duration_ns, 3600 * kS);
  EXPECT_EQ(spec.warmup_ns, 0);
  EXPECT_EQ(spec.report_interval_ns, 0);
  const auto* web = spec.find_component("web");
  EXPECT_EQ(web->servers, 512);
  EXPECT_EQ(web->queue_capacity, 511);
  const auto* app = spec.find_component("app");
  EXPECT_EQ(app->servers, models::kPhpFpmMaxChildren);
  EXPECT_EQ(app->queue_capacity, models::kPhpFpmListenBacklog);
  EXPECT_EQ(app->calls, 1);
  const auto* db = spec.find_component("db");
  EXPECT_EQ(db->servers, 151);
  EXPECT_EQ(db->reads_per_query, 0);
  EXPECT_DOUBLE_EQ(db->buffer_pool_hit_ratio, 1.0);
  EXPECT_TRUE(db->disk_read.is_zero());
  EXPECT_TRUE(db->instance_hosts.empty());
  EXPECT_EQ(db->memory_base_bytes, 0);
  EXPECT_EQ(spec.hosts[0].memory_pressure, models::HostSpec::MemoryPressure::kSwap);
  EXPECT_DOUBLE_EQ(spec.hosts[0].swap_slowdown, 10.0);
  EXPECT_EQ(spec.hosts[0].oom_restart_ns, 100 * kMs);
  EXPECT_TRUE(spec.workload.profile.points.empty());
  EXPECT_FALSE(spec.workload.profile.linear);
  EXPECT_EQ(spec.workload.profile.repeat_ns, 0);
  EXPECT_FALSE(spec.workload.mix[0].writes);
  EXPECT_TRUE(spec.faults.empty());
  EXPECT_FALSE(spec.slo.has_value());
  const auto& client = spec.workload.client;
  EXPECT_EQ(client.timeout_ns, 0);
  EXPECT_EQ(client.max_retries, 0);
  EXPECT_EQ(client.backoff_initial_ns, 100 * kMs);
  EXPECT_DOUBLE_EQ(client.backoff_multiplier, 2.0);
  EXPECT_EQ(client.backoff_max_ns, 10 * kS);
  EXPECT_EQ(client.jitter, models::ClientSpec::Jitter::kFull);
  EXPECT_EQ(client.dns_timeout_ns, 5 * kS);
  EXPECT_EQ(client.dns_attempts, 2);
}

TEST(LoadScenario, AllowsLineAndBlockComments) {
  const auto result = load_scenario_text(R"(// leading comment
{
  /* block
     comment */
  "name": "c", // trailing
  "components": { "s": { "kind": "station", "service": "10ms" } },
  "workload": { "arrivals": { "process": "closed", "users": 4, "think": "1s" },
                "mix": [{ "name": "x", "path": ["s"] }] }
})",
                                         "c.json");
  ASSERT_EQ(result.status, LoadStatus::kOk) << dump(result);
  EXPECT_EQ(result.spec->workload.process, models::WorkloadSpec::Process::kClosed);
  EXPECT_EQ(result.spec->workload.users, 4);
  EXPECT_EQ(result.spec->workload.think.mean_ns(), 1e9);
  EXPECT_EQ(result.spec->components[0].cpu.mean_ns(), 10e6);
}

TEST(LoadScenario, ReadsEveryDistributionForm) {
  const auto result = load_scenario_text(R"({
  "name": "d",
  "components": {
    "a": { "kind": "station", "service": 0.25 },
    "b": { "kind": "station", "service": { "dist": "deterministic", "value": "3ms" } },
    "c": { "kind": "station", "service": { "dist": "lognormal", "mean": "2ms", "cv": 2 } },
    "d": { "kind": "station", "service": { "dist": "empirical", "values": ["1ms", 0.003] } },
    "e": { "kind": "station", "service": { "dist": "exponential", "mean": 0.5 } }
  },
  "workload": { "arrivals": { "process": "poisson", "rate": 1 },
                "mix": [{ "name": "x", "path": ["a", "b", "c", "d", "e"] }] }
})",
                                         "d.json");
  ASSERT_EQ(result.status, LoadStatus::kOk) << dump(result);
  const auto& c = result.spec->components;
  EXPECT_EQ(c[0].cpu.kind(), sim::Distribution::Kind::kDeterministic);
  EXPECT_DOUBLE_EQ(c[0].cpu.mean_ns(), 250.0 * kMs);
  EXPECT_DOUBLE_EQ(c[1].cpu.mean_ns(), 3.0 * kMs);
  EXPECT_DOUBLE_EQ(c[2].cpu.scv(), 4.0);
  EXPECT_EQ(c[3].cpu.kind(), sim::Distribution::Kind::kEmpirical);
  EXPECT_DOUBLE_EQ(c[3].cpu.mean_ns(), 2.0 * kMs);
  EXPECT_DOUBLE_EQ(c[4].cpu.mean_ns(), 500.0 * kMs);
}

TEST(LoadScenario, ExplicitServersAndQueueCapacityReplaceSoftwareSettings) {
  const auto result = load_scenario_text(R"({
  "name": "s",
  "components": {
    "web": { "kind": "web", "servers": 10, "queue_capacity": null },
    "app": { "kind": "app", "servers": 3, "queue_capacity": 7, "queries_per_request": 0 },
    "db": { "kind": "db", "max_connections": 20, "queue_capacity": 5000 }
  },
  "workload": { "arrivals": { "process": "poisson", "rate": 1 },
                "mix": [{ "name": "x", "path": ["web", "app", "db"] }] }
})",
                                         "s.json");
  ASSERT_EQ(result.status, LoadStatus::kOk) << dump(result);
  const auto& spec = *result.spec;
  EXPECT_EQ(spec.find_component("web")->servers, 10);
  EXPECT_FALSE(spec.find_component("web")->queue_capacity.has_value());
  EXPECT_EQ(spec.find_component("app")->servers, 3);
  EXPECT_EQ(spec.find_component("app")->queue_capacity, 7);
  EXPECT_EQ(spec.find_component("app")->calls, 0);
  EXPECT_EQ(spec.find_component("db")->servers, 20);
  EXPECT_EQ(spec.find_component("db")->queue_capacity, 5000);
}

TEST(LoadScenario, AcceptsSeedsUpToUint64Max) {
  const auto result = load_scenario_text(
      R"({"name": "s", "seed": 18446744073709551615,
          "components": {"s": {"kind": "station", "service": 1}},
          "workload": {"arrivals": {"process": "poisson", "rate": 1},
                       "mix": [{"name": "x", "path": ["s"]}]}})",
      "s.json");
  ASSERT_EQ(result.status, LoadStatus::kOk) << dump(result);
  EXPECT_EQ(result.spec->seed, 18446744073709551615ULL);
}

TEST(Diagnostic, FormatsSyntaxPointerAndFileOnlyForms) {
  EXPECT_EQ((Diagnostic{"f.json", "", 3, 5, "boom"}).to_string(), "f.json:3:5: boom");
  EXPECT_EQ((Diagnostic{"f.json", "/a/b", 0, 0, "bad"}).to_string(), "f.json: /a/b: bad");
  EXPECT_EQ((Diagnostic{"f.json", "", 0, 0, "gone"}).to_string(), "f.json: gone");
}

}  // namespace
}  // namespace stacksim::scenario
