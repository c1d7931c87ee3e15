// Several instances of a component ("hosts"), load balancers, primary/replica databases,
// memory keys of hosts and components, and DNS round-robin: their conversions (defaults
// included) and every mistake at its JSON pointer.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "scenario/loader.h"
#include "test_support.h"

namespace stacksim::scenario {
namespace {

using Json = nlohmann::ordered_json;
using models::ComponentKind;
using testing::dump;
using testing::FullStackScenario;
using testing::HasError;
using testing::kMs;
using testing::kS;

// A load balancer on h3 in front of web on h1 and h2; app on h1; db on h1 (primary) and h2.
const char* kCluster = R"({
  "name": "cluster",
  "hosts": { "h1": { "cores": 2 }, "h2": { "cores": 2, "somaxconn": 300 },
             "h3": { "cores": 1, "somaxconn": 100 } },
  "components": {
    "lb": { "kind": "lb", "host": "h3" },
    "web": { "kind": "web", "hosts": ["h1", "h2"] },
    "app": { "kind": "app", "host": "h1" },
    "db": { "kind": "db", "hosts": ["h1", "h2"], "primary": "h1" }
  },
  "workload": {
    "arrivals": { "process": "poisson", "rate": 10 },
    "mix": [{ "name": "page", "path": ["lb", "web", "app", "db"] }]
  }
})";

// The cluster with the value at `pointer` set (or added) to `value`.
LoadResult cluster_with(const std::string& pointer, const Json& value) {
  return testing::load_with(pointer, value, kCluster);
}

// The cluster without the key at `pointer`.
LoadResult cluster_without(const std::string& pointer) {
  return testing::load_without(pointer, kCluster);
}

// The component `name` of a scenario that must load.
models::ComponentSpec component_of(const LoadResult& result, const std::string& name) {
  EXPECT_EQ(result.status, LoadStatus::kOk) << dump(result);
  if (!result.spec || result.spec->find_component(name) == nullptr) {
    ADD_FAILURE() << "no component " << name;
    return {};
  }
  return *result.spec->find_component(name);
}

// --- The full stack file ------------------------------------------------------------------------

TEST_F(FullStackScenario, LoadBalancerUsesItsSettingsAndHaproxyDefaults) {
  const auto& lb = component("lb");
  EXPECT_EQ(lb.kind, ComponentKind::kLb);
  EXPECT_EQ(lb.host, "lbhost");
  EXPECT_EQ(lb.servers, 2000);
  EXPECT_EQ(lb.queue_capacity, 1024);  // listen_backlog 4096 > lbhost's somaxconn 1024
  EXPECT_TRUE(lb.cpu.is_zero());
  EXPECT_TRUE(lb.latency.is_zero());
  EXPECT_EQ(lb.policy, models::BalancePolicy::kLeastConnections);
  EXPECT_EQ(lb.health_check_interval_ns, 5 * kS);
  EXPECT_EQ(lb.health_check_fall, 2);
  EXPECT_EQ(lb.health_check_rise, 4);
  EXPECT_EQ(lb.memory_base_bytes, 64LL << 20);
  EXPECT_EQ(lb.memory_per_busy_slot_bytes, 32LL << 10);
}

TEST_F(FullStackScenario, WebPoolRunsOneInstancePerHost) {
  const auto& pool = component("webpool");
  EXPECT_EQ(pool.kind, ComponentKind::kWeb);
  EXPECT_EQ(pool.host, "");
  EXPECT_EQ(pool.instance_hosts, (std::vector<std::string>{"server1", "web2"}));
  EXPECT_EQ(pool.queue_capacity, 128);  // the smallest somaxconn of its hosts (server1's)
  EXPECT_EQ(pool.memory_base_bytes, 20LL << 20);
  EXPECT_EQ(pool.memory_per_busy_slot_bytes, 256LL << 10);
}

TEST_F(FullStackScenario, ReplicatedDbHasAPrimaryAndReplicas) {
  const auto& rdb = component("rdb");
  EXPECT_EQ(rdb.kind, ComponentKind::kDb);
  EXPECT_EQ(rdb.instance_hosts, (std::vector<std::string>{"dbhost", "dbreplica"}));
  EXPECT_EQ(rdb.primary_host, "dbhost");
  EXPECT_EQ(rdb.replication_lag_ns, 50 * kMs);
  EXPECT_EQ(rdb.failover_ns, 30 * kS);
  EXPECT_EQ(rdb.memory_base_bytes, 4LL << 30);
  EXPECT_EQ(rdb.memory_per_busy_slot_bytes, 1LL << 20);
}

// --- Hosts: memory pressure ---------------------------------------------------------------------

TEST(HostMemory, DefaultsToSwappingTenTimesSlowerAndSystemdRestartDelay) {
  const auto result = load_scenario_text(kCluster, "t.json");
  ASSERT_EQ(result.status, LoadStatus::kOk) << dump(result);
  const auto& host = result.spec->hosts[0];
  EXPECT_EQ(host.memory_pressure, models::HostSpec::MemoryPressure::kSwap);
  EXPECT_DOUBLE_EQ(host.swap_slowdown, 10.0);
  EXPECT_EQ(host.oom_restart_ns, 100 * kMs);
}

TEST(HostMemory, ReadsOomKillSlowdownAndRestart) {
  Json doc = Json::parse(kCluster);
  doc["hosts"]["h1"] = {{"memory", "2GiB"},
                        {"memory_pressure", "oom_kill"},
                        {"swap_slowdown", 4},
                        {"oom_restart", "5s"}};
  const auto result = load_scenario_text(doc.dump(), "t.json");
  ASSERT_EQ(result.status, LoadStatus::kOk) << dump(result);
  const auto& host = result.spec->hosts[0];
  EXPECT_EQ(host.memory_bytes, 2LL << 30);
  EXPECT_EQ(host.memory_pressure, models::HostSpec::MemoryPressure::kOomKill);
  EXPECT_DOUBLE_EQ(host.swap_slowdown, 4.0);
  EXPECT_EQ(host.oom_restart_ns, 5 * kS);
}

TEST(HostMemory, RejectsBadValues) {
  EXPECT_TRUE(HasError(cluster_with("/hosts/h1/memory_pressure", "oom-kill"),
                       "/hosts/h1/memory_pressure",
                       "unknown memory_pressure \"oom-kill\"; did you mean \"oom_kill\"?"));
  EXPECT_TRUE(HasError(cluster_with("/hosts/h1/swap_slowdown", 0.5), "/hosts/h1/swap_slowdown",
                       "expected a number between 1 and 1000000"));
  EXPECT_TRUE(HasError(cluster_with("/hosts/h1/oom_restart", 0), "/hosts/h1/oom_restart",
                       "expected a positive duration"));
}

// --- Placement: host or hosts -------------------------------------------------------------------

TEST(Placement, SeveralHostsMakeSeveralInstances) {
  const auto result = load_scenario_text(kCluster, "t.json");
  const auto web = component_of(result, "web");
  EXPECT_EQ(web.host, "");
  EXPECT_EQ(web.instance_hosts, (std::vector<std::string>{"h1", "h2"}));
  // Nginx's backlog of 511, capped at the smallest somaxconn of its hosts (h2's 300).
  EXPECT_EQ(web.queue_capacity, 300);
}

TEST(Placement, OneHostInHostsIsTheSameAsHost) {
  const auto web = component_of(cluster_with("/components/web/hosts", {"h2"}), "web");
  EXPECT_EQ(web.host, "h2");
  EXPECT_TRUE(web.instance_hosts.empty());
}

TEST(Placement, EveryKindButDnsTakesHosts) {
  const auto result = cluster_with(
      "/components/cache", {{"kind", "station"}, {"hosts", {"h1", "h2"}}, {"service", "1ms"}});
  EXPECT_EQ(component_of(result, "cache").instance_hosts, (std::vector<std::string>{"h1", "h2"}));
  const auto dns =
      cluster_with("/components/resolver",
                   {{"kind", "dns"}, {"hosts", {"h1", "h2"}}, {"records", Json::array()}});
  EXPECT_TRUE(HasError(dns, "/components/resolver/hosts", "unknown key \"hosts\""));
}

TEST(Placement, RejectsHostAndHostsTogether) {
  EXPECT_TRUE(HasError(cluster_with("/components/web/host", "h1"), "/components/web/hosts",
                       "give either \"host\" (one instance) or \"hosts\""));
}

TEST(Placement, RejectsAnUnknownHostInHosts) {
  EXPECT_TRUE(HasError(cluster_with("/components/web/hosts", {"h1", "h22"}),
                       "/components/web/hosts/1", "unknown host \"h22\"; did you mean \"h2\"?"));
}

TEST(Placement, RejectsADuplicateHostInHosts) {
  EXPECT_TRUE(HasError(cluster_with("/components/web/hosts", {"h1", "h2", "h1"}),
                       "/components/web/hosts/2",
                       "duplicate host \"h1\" (first at /components/web/hosts/0)"));
}

TEST(Placement, RejectsAnEmptyOrMistypedHostsList) {
  EXPECT_TRUE(HasError(cluster_with("/components/web/hosts", Json::array()),
                       "/components/web/hosts", "expected a non-empty array of host names"));
  EXPECT_TRUE(HasError(cluster_with("/components/web/hosts", "h1"), "/components/web/hosts",
                       "expected a non-empty array of host names"));
  EXPECT_TRUE(HasError(cluster_with("/components/web/hosts", {"h1", 2}), "/components/web/hosts/1",
                       "expected a non-empty string"));
}

// --- Memory of components -----------------------------------------------------------------------

TEST(ComponentMemory, DefaultsToZero) {
  const auto result = load_scenario_text(kCluster, "t.json");
  for (const char* name : {"lb", "web", "app", "db"}) {
    const auto c = component_of(result, name);
    EXPECT_EQ(c.memory_base_bytes, 0) << name;
    EXPECT_EQ(c.memory_per_busy_slot_bytes, 0) << name;
  }
}

TEST(ComponentMemory, EachKindNamesItsPerSlotMemory) {
  Json doc = Json::parse(kCluster);
  doc["components"]["web"]["memory"] = "10MiB";
  doc["components"]["web"]["memory_per_worker"] = 1000;
  doc["components"]["app"]["memory"] = "1GB";
  doc["components"]["app"]["memory_per_worker"] = "40MiB";
  doc["components"]["db"]["memory"] = "2GiB";
  doc["components"]["db"]["memory_per_connection"] = "256KiB";
  doc["components"]["cache"] = {
      {"kind", "station"}, {"service", "1ms"}, {"memory", 5}, {"memory_per_worker", 7}};
  const auto result = load_scenario_text(doc.dump(), "t.json");
  ASSERT_EQ(result.status, LoadStatus::kOk) << dump(result);
  EXPECT_EQ(component_of(result, "web").memory_base_bytes, 10LL << 20);
  EXPECT_EQ(component_of(result, "web").memory_per_busy_slot_bytes, 1000);
  EXPECT_EQ(component_of(result, "app").memory_base_bytes, 1'000'000'000);
  EXPECT_EQ(component_of(result, "app").memory_per_busy_slot_bytes, 40LL << 20);
  EXPECT_EQ(component_of(result, "db").memory_base_bytes, 2LL << 30);
  EXPECT_EQ(component_of(result, "db").memory_per_busy_slot_bytes, 256LL << 10);
  EXPECT_EQ(component_of(result, "cache").memory_base_bytes, 5);
  EXPECT_EQ(component_of(result, "cache").memory_per_busy_slot_bytes, 7);
}

TEST(ComponentMemory, AcceptsOnlyTheKindsOwnPerSlotName) {
  EXPECT_TRUE(HasError(cluster_with("/components/db/memory_per_worker", "1MiB"),
                       "/components/db/memory_per_worker", "(a key of kind station, web, app, lb"));
  EXPECT_TRUE(HasError(cluster_with("/components/app/memory_per_connection", "1MiB"),
                       "/components/app/memory_per_connection", "(a key of kind db, not app)"));
  EXPECT_TRUE(HasError(cluster_with("/components/web/memory", "lots"), "/components/web/memory",
                       "expected a size"));
}

// --- Load balancers -----------------------------------------------------------------------------

TEST(LoadBalancer, UsesHaproxyDefaults) {
  const auto lb = component_of(load_scenario_text(kCluster, "t.json"), "lb");
  EXPECT_EQ(lb.kind, ComponentKind::kLb);
  EXPECT_EQ(lb.host, "h3");
  EXPECT_EQ(lb.servers, 2000);
  EXPECT_FALSE(lb.queue_capacity.has_value());
  EXPECT_TRUE(lb.cpu.is_zero());
  EXPECT_TRUE(lb.latency.is_zero());
  EXPECT_EQ(lb.policy, models::BalancePolicy::kRoundRobin);
  EXPECT_EQ(lb.health_check_interval_ns, 2 * kS);
  EXPECT_EQ(lb.health_check_fall, 3);
  EXPECT_EQ(lb.health_check_rise, 2);
  EXPECT_TRUE(models::holds_slot_during_calls(lb.kind));
}

TEST(LoadBalancer, ReadsItsSettings) {
  const auto lb = component_of(
      cluster_with("/components/lb",
                   {{"kind", "lb"},
                    {"hosts", {"h1", "h3"}},
                    {"servers", 50},
                    {"queue_capacity", 10},
                    {"cpu", "50us"},
                    {"latency", {{"dist", "exponential"}, {"mean", "1ms"}}},
                    {"policy", "random"},
                    {"health_check", {{"interval", "500ms"}, {"fall", 1}, {"rise", 5}}}}),
      "lb");
  EXPECT_EQ(lb.instance_hosts, (std::vector<std::string>{"h1", "h3"}));
  EXPECT_EQ(lb.servers, 50);
  EXPECT_EQ(lb.queue_capacity, 10);
  EXPECT_DOUBLE_EQ(lb.cpu.mean_ns(), 50'000.0);
  EXPECT_DOUBLE_EQ(lb.latency.mean_ns(), 1.0 * kMs);
  EXPECT_EQ(lb.policy, models::BalancePolicy::kRandom);
  EXPECT_EQ(lb.health_check_interval_ns, 500 * kMs);
  EXPECT_EQ(lb.health_check_fall, 1);
  EXPECT_EQ(lb.health_check_rise, 5);
  const auto leastconn = component_of(cluster_with("/components/lb/policy", "leastconn"), "lb");
  EXPECT_EQ(leastconn.policy, models::BalancePolicy::kLeastConnections);
}

TEST(LoadBalancer, ListenBacklogIsCappedAtSomaxconn) {
  const auto lb = component_of(cluster_with("/components/lb/listen_backlog", 500), "lb");
  EXPECT_EQ(lb.queue_capacity, 100);  // h3's somaxconn
  Json doc = Json::parse(kCluster);
  doc["components"]["lb"]["listen_backlog"] = 50;
  doc["components"]["lb"]["queue_capacity"] = 5;
  EXPECT_TRUE(HasError(load_scenario_text(doc.dump(), "t.json"), "/components/lb/queue_capacity",
                       "give either \"listen_backlog\" or \"queue_capacity\", not both"));
}

TEST(LoadBalancer, RejectsAnUnknownPolicyWithASuggestion) {
  EXPECT_TRUE(HasError(cluster_with("/components/lb/policy", "round-robin"),
                       "/components/lb/policy",
                       "unknown policy \"round-robin\"; did you mean \"roundrobin\"?"));
}

TEST(LoadBalancer, RejectsBadHealthChecks) {
  EXPECT_TRUE(HasError(cluster_with("/components/lb/health_check", {{"fall", 0}}),
                       "/components/lb/health_check/fall", "expected a positive integer"));
  EXPECT_TRUE(HasError(cluster_with("/components/lb/health_check", {{"interval", 0}}),
                       "/components/lb/health_check/interval", "expected a positive duration"));
  EXPECT_TRUE(HasError(cluster_with("/components/lb/health_check", {{"inter", "1s"}}),
                       "/components/lb/health_check/inter",
                       "unknown key \"inter\"; did you mean \"interval\"?"));
  EXPECT_TRUE(HasError(cluster_with("/components/lb/health_check", true),
                       "/components/lb/health_check", "expected an object"));
}

TEST(LoadBalancer, MayNotEndAPath) {
  const auto result = cluster_with("/workload/mix/0/path", {"web", "lb"});
  EXPECT_TRUE(
      HasError(result, "/workload/mix/0/path/1", "a load balancer needs something behind it"));
  EXPECT_EQ(result.errors.size(), 1u) << dump(result);
}

// --- Primary and replicas -----------------------------------------------------------------------

TEST(Replication, DefaultsToNoLagAndNoAutomaticFailover) {
  const auto db = component_of(load_scenario_text(kCluster, "t.json"), "db");
  EXPECT_EQ(db.instance_hosts, (std::vector<std::string>{"h1", "h2"}));
  EXPECT_EQ(db.primary_host, "h1");
  EXPECT_EQ(db.replication_lag_ns, 0);
  EXPECT_EQ(db.failover_ns, 0);
}

TEST(Replication, ReadsLagAndFailover) {
  Json doc = Json::parse(kCluster);
  doc["components"]["db"]["primary"] = "h2";
  doc["components"]["db"]["replication_lag"] = "200ms";
  doc["components"]["db"]["failover"] = "45s";
  const auto db = component_of(load_scenario_text(doc.dump(), "t.json"), "db");
  EXPECT_EQ(db.primary_host, "h2");
  EXPECT_EQ(db.replication_lag_ns, 200 * kMs);
  EXPECT_EQ(db.failover_ns, 45 * kS);
}

TEST(Replication, ThePrimaryMustBeOneOfTheHosts) {
  EXPECT_TRUE(HasError(cluster_with("/components/db/primary", "h3"), "/components/db/primary",
                       "primary is not one of the db's hosts: \"h3\""));
  EXPECT_TRUE(HasError(cluster_without("/components/db/primary"), "/components/db",
                       "missing required key \"primary\""));
}

TEST(Replication, NeedsSeveralHosts) {
  Json doc = Json::parse(kCluster);
  doc["components"]["db"] = {{"kind", "db"},
                             {"host", "h1"},
                             {"primary", "h1"},
                             {"replication_lag", "1s"},
                             {"failover", "10s"}};
  const auto result = load_scenario_text(doc.dump(), "t.json");
  for (const char* key : {"primary", "replication_lag", "failover"}) {
    EXPECT_TRUE(HasError(result, std::string("/components/db/") + key,
                         "primary/replicas need several hosts"));
  }
  EXPECT_TRUE(HasError(cluster_with("/components/db/hosts", {"h1"}), "/components/db/primary",
                       "primary/replicas need several hosts"));
}

TEST(Replication, RejectsAZeroFailover) {
  EXPECT_TRUE(HasError(cluster_with("/components/db/failover", 0), "/components/db/failover",
                       "expected a positive duration"));
}

// --- DNS round-robin ----------------------------------------------------------------------------

// The cluster with a resolver holding `records`.
LoadResult with_records(const Json& records) {
  return cluster_with("/components/resolver", {{"kind", "dns"}, {"records", records}});
}

Json record(const char* name, const char* type, const char* value) {
  return {{"name", name}, {"type", type}, {"value", value}};
}

TEST(DnsRecords, SeveralARecordsMayShareAName) {
  const auto result =
      with_records({record("www.x.com", "A", "10.0.0.1"), record("www.x.com", "A", "10.0.0.2"),
                    record("x.com", "CNAME", "www.x.com")});
  const auto dns = component_of(result, "resolver");
  ASSERT_EQ(dns.records.size(), 3u);
  EXPECT_EQ(dns.records[1].value, "10.0.0.2");
}

TEST(DnsRecords, ACnameMayNotShareItsName) {
  auto result =
      with_records({record("www.x.com", "A", "10.0.0.1"), record("www.x.com", "CNAME", "x.com")});
  EXPECT_TRUE(HasError(result, "/components/resolver/records/1",
                       "name \"www.x.com\" already has a record (at "
                       "/components/resolver/records/0); a CNAME must be the only record"));
  result =
      with_records({record("WWW.x.com.", "CNAME", "x.com"), record("www.x.com", "A", "10.0.0.1")});
  EXPECT_TRUE(HasError(result, "/components/resolver/records/1", "CNAME and other data"));
  result = with_records({record("a.x.com", "CNAME", "x.com"), record("a.x.com", "CNAME", "y.com")});
  EXPECT_TRUE(HasError(result, "/components/resolver/records/1", "CNAME and other data"));
}

}  // namespace
}  // namespace stacksim::scenario
