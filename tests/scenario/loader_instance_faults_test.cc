// Faults on components with several instances: rolling maintenance and targets that name one
// instance ("<component>@<host>").

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "scenario/loader.h"
#include "test_support.h"

namespace stacksim::scenario {
namespace {

using Json = nlohmann::ordered_json;
using models::FaultSpec;
using testing::dump;
using testing::HasError;

// web on h1 and h2, app on h1 only, db on h2 (its "hosts" of one), with `faults`, over 2 hours
// (the faults here start at 1 h).
LoadResult load_faults(const Json& faults) {
  Json doc = Json::parse(R"({
    "name": "instances",
    "duration": "2h",
    "hosts": { "h1": {}, "h2": {} },
    "components": {
      "web": { "kind": "web", "hosts": ["h1", "h2"] },
      "app": { "kind": "app", "host": "h1" },
      "db": { "kind": "db", "hosts": ["h2"] }
    },
    "workload": { "arrivals": { "process": "poisson", "rate": 1 },
                  "mix": [{ "name": "page", "path": ["web", "app", "db"] }] }
  })");
  doc["faults"] = faults;
  return load_scenario_text(doc.dump(2), "t.json");
}

Json maintenance(const char* target, const char* mode) {
  return {{"kind", "maintenance"},
          {"target", target},
          {"mode", mode},
          {"at", "1h"},
          {"duration", "5m"}};
}

Json crash(const char* target) {
  return {{"kind", "crash"}, {"target", target}, {"at", "1h"}, {"duration", "5m"}};
}

TEST(RollingMaintenance, TakesAComponentWithSeveralHosts) {
  const auto result = load_faults(Json::array({maintenance("web", "rolling")}));
  ASSERT_EQ(result.status, LoadStatus::kOk) << dump(result);
  EXPECT_EQ(result.spec->faults[0].mode, FaultSpec::Mode::kRolling);
  EXPECT_EQ(result.spec->faults[0].target, "web");
}

TEST(RollingMaintenance, RejectsATargetWithOneInstance) {
  const auto result =
      load_faults(Json::array({maintenance("app", "rolling"), maintenance("h1", "rolling"),
                               maintenance("web@h1", "rolling"), maintenance("db", "rolling")}));
  EXPECT_TRUE(HasError(result, "/faults/0/mode",
                       "rolling maintenance needs a component with several hosts"));
  EXPECT_TRUE(HasError(result, "/faults/0/mode", "target \"app\" runs one instance"));
  EXPECT_TRUE(HasError(result, "/faults/1/mode", "target \"h1\" is a host"));
  EXPECT_TRUE(HasError(result, "/faults/2/mode", "target \"web@h1\" is one instance"));
  EXPECT_TRUE(HasError(result, "/faults/3/mode", "target \"db\" runs one instance"));
  EXPECT_EQ(result.errors.size(), 4u) << dump(result);
}

TEST(InstanceTargets, NameOneInstanceOfAComponent) {
  const auto result = load_faults(
      {crash("web@h2"),
       {{"kind", "process_crash"}, {"target", "web@h1"}, {"mtbf", "1d"}},
       {{"kind", "slowdown"}, {"target", "web@h1"}, {"factor", 3}, {"at", 0}, {"duration", "1m"}},
       maintenance("web@h2", "graceful")});
  ASSERT_EQ(result.status, LoadStatus::kOk) << dump(result);
  EXPECT_EQ(result.spec->faults[0].target, "web@h2");
  EXPECT_EQ(result.spec->faults[1].target, "web@h1");
  EXPECT_EQ(result.spec->faults[2].target, "web@h1");
  EXPECT_EQ(result.spec->faults[3].target, "web@h2");
}

TEST(InstanceTargets, TheOnlyInstanceStandsForItsComponent) {
  const auto result = load_faults(Json::array({crash("app@h1"), crash("db@h2")}));
  ASSERT_EQ(result.status, LoadStatus::kOk) << dump(result);
  EXPECT_EQ(result.spec->faults[0].target, "app");
  EXPECT_EQ(result.spec->faults[1].target, "db");
}

TEST(InstanceTargets, RejectsAHostTheComponentDoesNotRunOn) {
  const auto result = load_faults(Json::array({crash("web@nope"), crash("app@h2")}));
  EXPECT_TRUE(HasError(result, "/faults/0/target",
                       "unknown instance \"web@nope\"; instances of web are: web@h1, web@h2"));
  EXPECT_TRUE(HasError(result, "/faults/1/target", "did you mean \"app@h1\"?"));
}

TEST(InstanceTargets, FollowTheTargetRulesOfTheirComponent) {
  const auto result = load_faults(
      {{{"kind", "network"}, {"target", "web@h1"}, {"loss", 0.1}, {"at", 0}, {"duration", "1m"}},
       {{"kind", "cold_restart"},
        {"target", "web@h1"},
        {"warm_up", "1m"},
        {"at", 0},
        {"duration", "1m"}}});
  EXPECT_TRUE(HasError(result, "/faults/0/target",
                       "target \"web@h1\" is one instance of a web component; a network fault "
                       "targets a host"));
  EXPECT_TRUE(HasError(result, "/faults/1/target", "a cold_restart fault targets a db component"));
}

TEST(InstanceTargets, AnUnknownComponentIsAnUnknownTarget) {
  EXPECT_TRUE(HasError(load_faults(Json::array({crash("wbe@h1")})), "/faults/0/target",
                       "unknown target \"wbe@h1\""));
}

}  // namespace
}  // namespace stacksim::scenario
