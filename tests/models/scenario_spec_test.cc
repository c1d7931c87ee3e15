#include "models/scenario_spec.h"

#include <gtest/gtest.h>

#include <string>

namespace stacksim::models {
namespace {

TEST(ScenarioSpec, LooksUpComponentsAndHostsByName) {
  ScenarioSpec spec;
  spec.hosts = {HostSpec{"a", 1, 0, ""}, HostSpec{"b", 2, 0, ""}};
  spec.components.resize(2);
  spec.components[0].name = "web";
  spec.components[1].name = "db";
  EXPECT_EQ(spec.component_index("db"), 1);
  EXPECT_EQ(spec.component_index("nope"), -1);
  EXPECT_EQ(spec.host_index("b"), 1);
  EXPECT_EQ(spec.host_index(""), -1);
  EXPECT_EQ(spec.find_component("web"), &spec.components[0]);
  EXPECT_EQ(spec.find_host("nope"), nullptr);
}

TEST(ScenarioSpec, ResolverIsTheLastDnsComponentWhenANameIsResolved) {
  ScenarioSpec spec;
  spec.components.resize(3);
  spec.components[0].kind = ComponentKind::kDns;
  spec.components[1].kind = ComponentKind::kWeb;
  spec.components[2].kind = ComponentKind::kDns;
  EXPECT_EQ(spec.resolver(), nullptr);  // no hostname: nothing is resolved
  spec.workload.hostname = "www.foobar.com";
  EXPECT_EQ(spec.resolver(), &spec.components[2]);
}

TEST(ScenarioSpec, FaultKindsAreNamedAsScenariosWriteThem) {
  EXPECT_STREQ(to_string(FaultSpec::Kind::kCrash), "crash");
  EXPECT_STREQ(to_string(FaultSpec::Kind::kProcessCrash), "process_crash");
  EXPECT_STREQ(to_string(FaultSpec::Kind::kDnsOutage), "dns_outage");
  EXPECT_STREQ(to_string(FaultSpec::Kind::kColdRestart), "cold_restart");
}

}  // namespace
}  // namespace stacksim::models
