// The `faults` array: every kind converts to its FaultSpec (defaults included), and every mistake
// is reported at its JSON pointer.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "scenario/loader.h"
#include "test_support.h"

namespace stacksim::scenario {
namespace {

using Json = nlohmann::ordered_json;
using models::FaultSpec;
using testing::dump;
using testing::HasError;
using testing::kH;
using testing::kMin;
using testing::kMs;
using testing::kS;
using testing::load_fault;
using testing::load_faults;
using Window = std::pair<sim::Time, sim::Time>;

// The one fault of a scenario that must load.
FaultSpec only_fault(const Json& fault) {
  const auto result = load_fault(fault);
  EXPECT_EQ(result.status, LoadStatus::kOk) << dump(result);
  if (!result.spec || result.spec->faults.size() != 1) {
    ADD_FAILURE() << "expected exactly one fault";
    return {};
  }
  return result.spec->faults[0];
}

std::vector<Window> windows(const FaultSpec& f) {
  std::vector<Window> out;
  for (const auto& w : f.windows) out.emplace_back(w.start_ns, w.duration_ns);
  return out;
}

// --- Valid faults -------------------------------------------------------------------------------

TEST(FaultKinds, RandomCrashOfAHost) {
  const auto f = only_fault({{"kind", "crash"},
                             {"target", "server1"},
                             {"mtbf", {{"dist", "exponential"}, {"mean", "30d"}}},
                             {"mttr", "1h"}});
  EXPECT_EQ(f.kind, FaultSpec::Kind::kCrash);
  EXPECT_EQ(f.target, "server1");
  EXPECT_TRUE(f.is_random());
  ASSERT_TRUE(f.mttr.has_value());
  EXPECT_EQ(f.mtbf->kind(), sim::Distribution::Kind::kExponential);
  EXPECT_DOUBLE_EQ(f.mttr->mean_ns(), 1.0 * kH);
  EXPECT_TRUE(f.windows.empty());
  EXPECT_EQ(f.every_ns, 0);
  EXPECT_EQ(f.duration_ns, 0);
}

TEST(FaultKinds, ScheduledCrashOfAComponent) {
  const auto f =
      only_fault({{"kind", "crash"}, {"target", "web"}, {"at", "1h"}, {"duration", "5m"}});
  EXPECT_EQ(f.kind, FaultSpec::Kind::kCrash);
  EXPECT_FALSE(f.is_random());
  EXPECT_FALSE(f.mttr.has_value());
  EXPECT_EQ(windows(f), (std::vector<Window>{{kH, 5 * kMin}}));
}

TEST(FaultKinds, RandomProcessCrashDefaultsToSystemdRestartDelay) {
  const auto f = only_fault({{"kind", "process_crash"}, {"target", "app"}, {"mtbf", "1d"}});
  EXPECT_EQ(f.kind, FaultSpec::Kind::kProcessCrash);
  EXPECT_EQ(f.target, "app");
  ASSERT_TRUE(f.mtbf.has_value());
  EXPECT_DOUBLE_EQ(f.mtbf->mean_ns(), 24.0 * kH);
  EXPECT_EQ(f.restart_delay.kind(), sim::Distribution::Kind::kDeterministic);
  EXPECT_DOUBLE_EQ(f.restart_delay.mean_ns(), 100.0 * kMs);

  const auto g = only_fault({{"kind", "process_crash"},
                             {"target", "db"},
                             {"mtbf", "1d"},
                             {"restart_delay", {{"dist", "exponential"}, {"mean", "2s"}}}});
  EXPECT_EQ(g.restart_delay.kind(), sim::Distribution::Kind::kExponential);
  EXPECT_DOUBLE_EQ(g.restart_delay.mean_ns(), 2.0 * kS);
}

TEST(FaultKinds, ScheduledProcessCrashListsItsWindowsSortedByStart) {
  const auto f = only_fault({{"kind", "process_crash"},
                             {"target", "app"},
                             {"windows",
                              {{{"start", "2h"}, {"duration", "10s"}},
                               {{"start", "30m"}, {"duration", "20s"}},
                               {{"start", 0}, {"duration", 1}}}}});
  EXPECT_FALSE(f.is_random());
  EXPECT_EQ(windows(f), (std::vector<Window>{{0, kS}, {30 * kMin, 20 * kS}, {2 * kH, 10 * kS}}));
}

TEST(FaultKinds, MaintenanceInTheContractsFormStillLoads) {
  const auto f = only_fault({{"kind", "maintenance"},
                             {"target", "web"},
                             {"start", "30m"},
                             {"every", "24h"},
                             {"duration", "90s"}});
  EXPECT_EQ(f.kind, FaultSpec::Kind::kMaintenance);
  EXPECT_EQ(f.mode, FaultSpec::Mode::kRestart);
  EXPECT_EQ(f.start_ns, 30 * kMin);
  EXPECT_EQ(f.every_ns, 24 * kH);
  EXPECT_EQ(f.duration_ns, 90 * kS);
  EXPECT_TRUE(f.windows.empty());
}

TEST(FaultKinds, MaintenanceWithoutEveryHappensOnce) {
  auto f = only_fault(
      {{"kind", "maintenance"}, {"target", "server1"}, {"start", "1h"}, {"duration", "1m"}});
  EXPECT_EQ(f.start_ns, kH);
  EXPECT_EQ(f.every_ns, 0);
  EXPECT_EQ(f.duration_ns, kMin);
  f = only_fault({{"kind", "maintenance"}, {"target", "server1"}, {"duration", "1m"}});
  EXPECT_EQ(f.start_ns, 0);
  EXPECT_EQ(f.every_ns, 0);
  EXPECT_EQ(f.duration_ns, kMin);
}

TEST(FaultKinds, MaintenanceModes) {
  const Json base = {{"kind", "maintenance"}, {"target", "db"}, {"at", "1h"}, {"duration", "1m"}};
  const std::vector<std::pair<std::string, FaultSpec::Mode>> modes = {
      {"restart", FaultSpec::Mode::kRestart}, {"graceful", FaultSpec::Mode::kGraceful}};
  for (const auto& [name, mode] : modes) {
    Json fault = base;
    fault["mode"] = name;
    EXPECT_EQ(only_fault(fault).mode, mode) << name;
  }
  // "rolling" needs a target with several instances (loader_instance_faults_test.cc).
}

TEST(FaultKinds, DnsOutageFailsByDefaultOrTimesOut) {
  Json fault = {{"kind", "dns_outage"}, {"target", "resolver"}, {"at", "10m"}, {"duration", "2m"}};
  auto f = only_fault(fault);
  EXPECT_EQ(f.kind, FaultSpec::Kind::kDnsOutage);
  EXPECT_EQ(f.target, "resolver");
  EXPECT_EQ(f.dns_mode, FaultSpec::DnsOutageMode::kFail);
  EXPECT_EQ(windows(f), (std::vector<Window>{{10 * kMin, 2 * kMin}}));
  fault["mode"] = "timeout";
  EXPECT_EQ(only_fault(fault).dns_mode, FaultSpec::DnsOutageMode::kTimeout);
}

TEST(FaultKinds, NetworkFaultOnAHostWithDefaults) {
  auto f = only_fault({{"kind", "network"},
                       {"target", "server1"},
                       {"added_latency", "200ms"},
                       {"every", "1h"},
                       {"duration", "1m"}});
  EXPECT_EQ(f.kind, FaultSpec::Kind::kNetwork);
  EXPECT_EQ(f.added_latency_ns, 200 * kMs);
  EXPECT_DOUBLE_EQ(f.loss, 0.0);
  EXPECT_FALSE(f.partition);
  EXPECT_EQ(f.start_ns, 0);
  EXPECT_EQ(f.every_ns, kH);
  EXPECT_EQ(f.duration_ns, kMin);
  f = only_fault(
      {{"kind", "network"}, {"target", "server1"}, {"loss", 0.25}, {"at", 0}, {"duration", 5}});
  EXPECT_DOUBLE_EQ(f.loss, 0.25);
  EXPECT_EQ(f.added_latency_ns, 0);
  f = only_fault({{"kind", "network"},
                  {"target", "server1"},
                  {"partition", true},
                  {"at", 0},
                  {"duration", 5}});
  EXPECT_TRUE(f.partition);
}

TEST(FaultKinds, SlowdownOfAComponent) {
  const auto f = only_fault({{"kind", "slowdown"},
                             {"target", "db"},
                             {"factor", 4},
                             {"windows", {{{"start", "1h"}, {"duration", "10m"}}}}});
  EXPECT_EQ(f.kind, FaultSpec::Kind::kSlowdown);
  EXPECT_DOUBLE_EQ(f.factor, 4.0);
  EXPECT_EQ(windows(f), (std::vector<Window>{{kH, 10 * kMin}}));
}

TEST(FaultKinds, ColdRestartOfTheDb) {
  auto f = only_fault({{"kind", "cold_restart"},
                       {"target", "db"},
                       {"warm_up", "15m"},
                       {"at", "2h"},
                       {"duration", "30s"}});
  EXPECT_EQ(f.kind, FaultSpec::Kind::kColdRestart);
  EXPECT_DOUBLE_EQ(f.initial_hit_ratio, 0.0);
  EXPECT_EQ(f.warm_up_ns, 15 * kMin);
  EXPECT_EQ(windows(f), (std::vector<Window>{{2 * kH, 30 * kS}}));
  f = only_fault({{"kind", "cold_restart"},
                  {"target", "db"},
                  {"initial_hit_ratio", 0.5},
                  {"warm_up", "1m"},
                  {"at", "2h"},
                  {"duration", "30s"}});
  EXPECT_DOUBLE_EQ(f.initial_hit_ratio, 0.5);
}

TEST(FaultKinds, WindowsThatTouchDoNotOverlap) {
  const auto f = only_fault(
      {{"kind", "maintenance"},
       {"target", "web"},
       {"windows", {{{"start", "1m"}, {"duration", "1m"}}, {{"start", 0}, {"duration", "1m"}}}}});
  EXPECT_EQ(windows(f), (std::vector<Window>{{0, kMin}, {kMin, kMin}}));
}

}  // namespace
}  // namespace stacksim::scenario
