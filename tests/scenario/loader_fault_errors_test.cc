// The `faults` array: every mistake is reported at its JSON pointer (valid faults:
// loader_faults_test.cc).

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "scenario/loader.h"
#include "test_support.h"

namespace stacksim::scenario {
namespace {

using Json = nlohmann::ordered_json;
using testing::dump;
using testing::HasError;
using testing::load_fault;
using testing::load_faults;

// --- Mistakes -----------------------------------------------------------------------------------

TEST(FaultErrors, NegativeAndZeroDurations) {
  EXPECT_TRUE(
      HasError(load_fault({{"kind", "crash"}, {"target", "web"}, {"at", -1}, {"duration", "1m"}}),
               "/faults/0/at", "expected a non-negative duration, got -1"));
  EXPECT_TRUE(HasError(
      load_fault({{"kind", "crash"}, {"target", "web"}, {"at", "1h"}, {"duration", "-5m"}}),
      "/faults/0/duration", "expected a positive duration, got \"-5m\""));
  EXPECT_TRUE(HasError(load_fault({{"kind", "maintenance"}, {"target", "web"}, {"duration", 0}}),
                       "/faults/0/duration", "expected a positive duration, got 0"));
  EXPECT_TRUE(HasError(load_fault({{"kind", "maintenance"},
                                   {"target", "web"},
                                   {"start", "-1h"},
                                   {"every", "-2h"},
                                   {"duration", "1m"}}),
                       "/faults/0/every", "expected a non-negative duration"));
  EXPECT_TRUE(HasError(
      load_fault(
          {{"kind", "maintenance"}, {"target", "web"}, {"start", "-1h"}, {"duration", "1m"}}),
      "/faults/0/start", "expected a non-negative duration, got \"-1h\""));
  EXPECT_TRUE(HasError(load_fault({{"kind", "slowdown"},
                                   {"target", "web"},
                                   {"factor", 2},
                                   {"windows", {{{"start", -1}, {"duration", -1}}}}}),
                       "/faults/0/windows/0/start", "expected a non-negative duration"));
  EXPECT_TRUE(HasError(load_fault({{"kind", "slowdown"},
                                   {"target", "web"},
                                   {"factor", 2},
                                   {"windows", {{{"start", -1}, {"duration", -1}}}}}),
                       "/faults/0/windows/0/duration", "expected a positive duration, got -1"));
  EXPECT_TRUE(HasError(load_fault({{"kind", "network"},
                                   {"target", "server1"},
                                   {"added_latency", "-20ms"},
                                   {"at", 0},
                                   {"duration", 1}}),
                       "/faults/0/added_latency", "expected a non-negative duration"));
  EXPECT_TRUE(HasError(load_fault({{"kind", "cold_restart"},
                                   {"target", "db"},
                                   {"warm_up", -60},
                                   {"at", 0},
                                   {"duration", 1}}),
                       "/faults/0/warm_up", "expected a positive duration, got -60"));
  EXPECT_TRUE(HasError(load_fault({{"kind", "crash"},
                                   {"target", "web"},
                                   {"mtbf", "-1d"},
                                   {"mttr", {{"dist", "exponential"}, {"mean", "-1h"}}}}),
                       "/faults/0/mttr/mean", "expected a positive duration"));
}

TEST(FaultErrors, UnknownTargetSuggestsTheNearestOfTheRightType) {
  EXPECT_TRUE(HasError(load_fault({{"kind", "process_crash"}, {"target", "ap"}, {"mtbf", "1d"}}),
                       "/faults/0/target", "unknown target \"ap\"; did you mean \"app\"?"));
  EXPECT_TRUE(HasError(load_fault({{"kind", "network"},
                                   {"target", "sever1"},
                                   {"partition", true},
                                   {"at", 0},
                                   {"duration", 1}}),
                       "/faults/0/target", "unknown target \"sever1\"; did you mean \"server1\"?"));
  EXPECT_TRUE(HasError(
      load_fault({{"kind", "dns_outage"}, {"target", "reslover"}, {"at", 0}, {"duration", 1}}),
      "/faults/0/target", "unknown target \"reslover\"; did you mean \"resolver\"?"));
  EXPECT_TRUE(HasError(load_fault({{"kind", "cold_restart"},
                                   {"target", "zzz"},
                                   {"warm_up", 1},
                                   {"at", 0},
                                   {"duration", 1}}),
                       "/faults/0/target", "unknown target \"zzz\"; db components are: db"));
}

TEST(FaultErrors, TargetOfTheWrongType) {
  EXPECT_TRUE(HasError(
      load_fault({{"kind", "process_crash"}, {"target", "server1"}, {"mtbf", "1d"}}),
      "/faults/0/target",
      "target \"server1\" is a host; a process_crash fault targets a component that is not dns; "
      "components other than dns are: web, app, db"));
  EXPECT_TRUE(
      HasError(load_fault({{"kind", "process_crash"}, {"target", "resolver"}, {"mtbf", "1d"}}),
               "/faults/0/target", "target \"resolver\" is a dns component"));
  EXPECT_TRUE(
      HasError(load_fault({{"kind", "dns_outage"}, {"target", "web"}, {"at", 0}, {"duration", 1}}),
               "/faults/0/target",
               "target \"web\" is a web component; a dns_outage fault targets a dns component; dns "
               "components are: resolver"));
  EXPECT_TRUE(HasError(
      load_fault(
          {{"kind", "network"}, {"target", "web"}, {"loss", 0.1}, {"at", 0}, {"duration", 1}}),
      "/faults/0/target",
      "target \"web\" is a web component; a network fault targets a host; hosts "
      "are: server1"));
  EXPECT_TRUE(HasError(load_fault({{"kind", "cold_restart"},
                                   {"target", "app"},
                                   {"warm_up", "1m"},
                                   {"at", 0},
                                   {"duration", 1}}),
                       "/faults/0/target",
                       "target \"app\" is an app component; a cold_restart fault targets a db "
                       "component"));
  EXPECT_TRUE(HasError(load_fault({{"kind", "slowdown"},
                                   {"target", "resolver"},
                                   {"factor", 2},
                                   {"at", 0},
                                   {"duration", 1}}),
                       "/faults/0/target", "a slowdown fault targets a component that is not dns"));
}

TEST(FaultErrors, DnsOutageWithoutADnsComponentSaysSo) {
  Json doc = Json::parse(testing::kMinimalScenario);
  doc["faults"] =
      Json::array({{{"kind", "dns_outage"}, {"target", "web"}, {"at", 0}, {"duration", 1}}});
  EXPECT_TRUE(HasError(load_scenario_text(doc.dump(), "t.json"), "/faults/0/target",
                       "a dns_outage fault targets a dns component; the scenario defines none"));
}

TEST(FaultErrors, WindowLongerThanItsPeriod) {
  EXPECT_TRUE(HasError(load_fault({{"kind", "slowdown"},
                                   {"target", "app"},
                                   {"factor", 2},
                                   {"every", "1m"},
                                   {"duration", "1m"}}),
                       "/faults/0/duration", "window longer than its period"));
  EXPECT_TRUE(HasError(load_fault({{"kind", "network"},
                                   {"target", "server1"},
                                   {"partition", true},
                                   {"start", "5m"},
                                   {"every", "10m"},
                                   {"duration", "11m"}}),
                       "/faults/0/duration", "window longer than its period"));
}

TEST(FaultErrors, RandomAndScheduledAtOnce) {
  auto result = load_fault({{"kind", "crash"},
                            {"target", "web"},
                            {"mtbf", "1d"},
                            {"mttr", "1h"},
                            {"windows", {{{"start", 0}, {"duration", 1}}}}});
  EXPECT_TRUE(HasError(result, "/faults/0",
                       "a crash is random (\"mtbf\" + \"mttr\") or scheduled, not both; this one "
                       "gives \"mtbf\", \"mttr\" and \"windows\""));
  result = load_fault({{"kind", "process_crash"},
                       {"target", "app"},
                       {"mtbf", "1d"},
                       {"at", "1h"},
                       {"duration", "1m"}});
  EXPECT_TRUE(HasError(result, "/faults/0", "random (\"mtbf\") or scheduled, not both"));
}

TEST(FaultErrors, NeitherRandomNorScheduled) {
  EXPECT_TRUE(HasError(load_fault({{"kind", "crash"}, {"target", "web"}}), "/faults/0",
                       "a crash needs \"mtbf\" + \"mttr\" (random crashes) or a schedule"));
  EXPECT_TRUE(HasError(load_fault({{"kind", "process_crash"}, {"target", "web"}}), "/faults/0",
                       "a process_crash needs \"mtbf\" (random crashes) or a schedule"));
  EXPECT_TRUE(HasError(load_fault({{"kind", "maintenance"}, {"target", "web"}}), "/faults/0",
                       "missing schedule: give \"at\" + \"duration\""));
  EXPECT_TRUE(
      HasError(load_fault({{"kind", "network"}, {"target", "server1"}, {"partition", true}}),
               "/faults/0", "missing schedule"));
}

TEST(FaultErrors, MoreThanOneScheduleForm) {
  auto result = load_fault(
      {{"kind", "maintenance"}, {"target", "web"}, {"at", "1h"}, {"every", "1d"}, {"duration", 1}});
  EXPECT_TRUE(HasError(result, "/faults/0",
                       "more than one schedule: \"at\" and \"every\"; give exactly one of"));
  result = load_fault({{"kind", "maintenance"},
                       {"target", "web"},
                       {"duration", "1m"},
                       {"windows", {{{"start", 0}, {"duration", -1}}}}});
  EXPECT_TRUE(
      HasError(result, "/faults/0", "more than one schedule: \"duration\" and \"windows\""));
  // Each value is still judged.
  EXPECT_TRUE(HasError(result, "/faults/0/windows/0/duration", "expected a positive duration"));
}

TEST(FaultErrors, AtWithoutDuration) {
  EXPECT_TRUE(HasError(load_fault({{"kind", "crash"}, {"target", "web"}, {"at", "1h"}}),
                       "/faults/0", "missing required key \"duration\""));
}

TEST(FaultErrors, MtbfAndMttrGoTogether) {
  EXPECT_TRUE(HasError(load_fault({{"kind", "crash"}, {"target", "server1"}, {"mtbf", "30d"}}),
                       "/faults/0", "mtbf without mttr"));
  EXPECT_TRUE(HasError(load_fault({{"kind", "crash"}, {"target", "server1"}, {"mttr", "1h"}}),
                       "/faults/0", "mttr without mtbf"));
  EXPECT_TRUE(HasError(load_fault({{"kind", "process_crash"}, {"target", "app"}, {"mtbf", 0}}),
                       "/faults/0/mtbf", "mtbf must have a positive mean"));
  EXPECT_TRUE(HasError(
      load_fault({{"kind", "process_crash"}, {"target", "app"}, {"mtbf", "1d"}, {"mttr", "1s"}}),
      "/faults/0/mttr", "(a key of kind crash, not process_crash)"));
}

TEST(FaultErrors, ScheduledProcessCrashTakesNoRestartDelay) {
  EXPECT_TRUE(HasError(load_fault({{"kind", "process_crash"},
                                   {"target", "app"},
                                   {"restart_delay", "1s"},
                                   {"at", "1h"},
                                   {"duration", "10s"}}),
                       "/faults/0/restart_delay",
                       "restart_delay belongs to random process crashes"));
}

TEST(FaultErrors, OverlappingWindows) {
  auto result = load_fault({{"kind", "maintenance"},
                            {"target", "web"},
                            {"windows",
                             {{{"start", "1h"}, {"duration", "1h"}},
                              {{"start", 0}, {"duration", "10m"}},
                              {{"start", "90m"}, {"duration", "1m"}}}}});
  EXPECT_TRUE(HasError(result, "/faults/0/windows/2",
                       "window overlaps window 0 (at /faults/0/windows/0); the windows of one "
                       "fault must not overlap"));
  ASSERT_EQ(result.errors.size(), 1u) << dump(result);
  // A long window overlaps every window it contains, not only the next one.
  result = load_fault({{"kind", "slowdown"},
                       {"target", "web"},
                       {"factor", 2},
                       {"windows",
                        {{{"start", 0}, {"duration", "1h"}},
                         {{"start", "10m"}, {"duration", "1m"}},
                         {{"start", "20m"}, {"duration", "1m"}}}}});
  EXPECT_TRUE(HasError(result, "/faults/0/windows/1", "overlaps window 0"));
  EXPECT_TRUE(HasError(result, "/faults/0/windows/2", "overlaps window 0"));
  // Two windows starting together overlap.
  result = load_fault(
      {{"kind", "slowdown"},
       {"target", "web"},
       {"factor", 2},
       {"windows",
        {{{"start", "5m"}, {"duration", "1m"}}, {{"start", "5m"}, {"duration", "1m"}}}}});
  EXPECT_TRUE(HasError(result, "/faults/0/windows/1", "overlaps window 0"));
}

TEST(FaultErrors, WindowListMustBeANonEmptyArrayOfWindows) {
  EXPECT_TRUE(
      HasError(load_fault({{"kind", "maintenance"}, {"target", "web"}, {"windows", Json::array()}}),
               "/faults/0/windows", "expected a non-empty array of windows"));
  const auto result = load_fault({{"kind", "maintenance"},
                                  {"target", "web"},
                                  {"windows", {{{"duration", "1m"}, {"strat", 0}}, 5}}});
  EXPECT_TRUE(HasError(result, "/faults/0/windows/0", "missing required key \"start\""));
  EXPECT_TRUE(HasError(result, "/faults/0/windows/0/strat", "did you mean \"start\"?"));
  EXPECT_TRUE(HasError(result, "/faults/0/windows/1", "expected an object, got 5"));
}

TEST(FaultErrors, WindowEndingBeyondTheClock) {
  EXPECT_TRUE(HasError(
      load_fault({{"kind", "crash"}, {"target", "web"}, {"at", "106000d"}, {"duration", "1000d"}}),
      "/faults/0/duration", "after the latest time that can be simulated"));
}

TEST(FaultErrors, UnknownModeSuggestsNearest) {
  EXPECT_TRUE(HasError(
      load_fault(
          {{"kind", "maintenance"}, {"target", "web"}, {"mode", "gracefull"}, {"duration", "1m"}}),
      "/faults/0/mode", "unknown maintenance mode \"gracefull\"; did you mean \"graceful\"?"));
  EXPECT_TRUE(HasError(
      load_fault(
          {{"kind", "dns_outage"}, {"target", "resolver"}, {"mode", "timout"}, {"duration", "1m"}}),
      "/faults/0/mode", "unknown dns_outage mode \"timout\"; did you mean \"timeout\"?"));
  EXPECT_TRUE(HasError(
      load_fault(
          {{"kind", "maintenance"}, {"target", "web"}, {"mode", "zzzzzz"}, {"duration", "1m"}}),
      "/faults/0/mode", "expected one of: restart, graceful, rolling, reload"));
}

TEST(FaultErrors, NetworkValues) {
  const Json base = {{"kind", "network"}, {"target", "server1"}, {"at", 0}, {"duration", 1}};
  Json fault = base;
  fault["loss"] = 1.5;
  auto result = load_fault(fault);
  EXPECT_TRUE(
      HasError(result, "/faults/0/loss", "expected a number at least 0 and less than 1, got 1.5"));
  // The bad loss is not also reported as "no effect".
  EXPECT_EQ(result.errors.size(), 1u) << dump(result);
  fault["loss"] = 1;
  EXPECT_TRUE(HasError(load_fault(fault), "/faults/0/loss", "less than 1, got 1"));
  fault = base;
  fault["partition"] = "yes";
  EXPECT_TRUE(
      HasError(load_fault(fault), "/faults/0/partition", "expected true or false, got \"yes\""));
  fault = base;
  fault["partition"] = false;
  fault["loss"] = 0;
  EXPECT_TRUE(HasError(load_fault(fault), "/faults/0", "network fault has no effect"));
  EXPECT_TRUE(HasError(load_fault(base), "/faults/0", "network fault has no effect"));
}

TEST(FaultErrors, SlowdownNeedsAPositiveFactor) {
  const Json base = {{"kind", "slowdown"}, {"target", "app"}, {"at", 0}, {"duration", 1}};
  EXPECT_TRUE(HasError(load_fault(base), "/faults/0", "missing required key \"factor\""));
  Json fault = base;
  fault["factor"] = 0;
  EXPECT_TRUE(HasError(load_fault(fault), "/faults/0/factor",
                       "expected a number greater than 0 and at most 1000000, got 0"));
  fault["factor"] = 1e9;
  EXPECT_TRUE(HasError(load_fault(fault), "/faults/0/factor", "at most 1000000"));
}

TEST(FaultErrors, ColdRestartValues) {
  const Json base = {{"kind", "cold_restart"}, {"target", "db"}, {"at", 0}, {"duration", 1}};
  EXPECT_TRUE(HasError(load_fault(base), "/faults/0", "missing required key \"warm_up\""));
  Json fault = base;
  fault["warm_up"] = "1m";
  fault["initial_hit_ratio"] = 1.2;
  EXPECT_TRUE(HasError(load_fault(fault), "/faults/0/initial_hit_ratio",
                       "expected a number between 0 and 1, got 1.2"));
}

TEST(FaultErrors, KeysOfOtherKindsAreUnknownAndSayWhoseTheyAre) {
  const auto result = load_fault({{"kind", "network"},
                                  {"target", "server1"},
                                  {"partition", true},
                                  {"factor", 2},
                                  {"mode", "fail"},
                                  {"at", 0},
                                  {"duration", 1}});
  EXPECT_TRUE(HasError(result, "/faults/0/factor",
                       "unknown key \"factor\"; valid keys are: kind, target, added_latency, loss, "
                       "partition, at, start, every, duration, windows (a key of kind slowdown, "
                       "not network)"));
  EXPECT_TRUE(
      HasError(result, "/faults/0/mode", "(a key of kind maintenance, dns_outage, not network)"));
}

TEST(FaultErrors, UnknownKindListsEveryKind) {
  EXPECT_TRUE(HasError(load_fault({{"kind", "proces_crash"}, {"target", "app"}}), "/faults/0/kind",
                       "did you mean \"process_crash\"?"));
  EXPECT_TRUE(HasError(load_fault({{"kind", "meteor"}, {"target", "app"}}), "/faults/0/kind",
                       "unknown fault kind \"meteor\"; expected one of: crash, process_crash, "
                       "maintenance, dns_outage, network, slowdown, cold_restart"));
}

TEST(FaultErrors, EveryMistakeOfEveryFaultIsReportedInDocumentOrder) {
  const auto result = load_faults(Json::array(
      {{{"kind", "network"}, {"target", "web"}, {"loss", 2}, {"at", -1}, {"duration", 0}},
       {{"kind", "cold_restart"}, {"target", "app"}, {"warm_up", 0}, {"every", 1}, {"duration", 2}},
       {{"kind", "dns_outage"}, {"target", "resolver"}, {"mode", "fial"}, {"duration", "1m"}}}));
  std::vector<std::string> lines;
  for (const auto& e : result.errors) lines.push_back(e.pointer + ": " + e.message);
  EXPECT_EQ(
      lines,
      (std::vector<std::string>{
          "/faults/0/target: target \"web\" is a web component; a network fault targets a host; "
          "hosts are: server1",
          "/faults/0/loss: expected a number at least 0 and less than 1, got 2",
          "/faults/0/at: expected a non-negative duration, got -1",
          "/faults/0/duration: expected a positive duration, got 0",
          "/faults/1/target: target \"app\" is an app component; a cold_restart fault targets a "
          "db component; db components are: db",
          "/faults/1/warm_up: expected a positive duration, got 0",
          "/faults/1/duration: window longer than its period: duration must be shorter than "
          "every",
          "/faults/2/mode: unknown dns_outage mode \"fial\"; did you mean \"fail\"?",
      }))
      << dump(result);
}

}  // namespace
}  // namespace stacksim::scenario
