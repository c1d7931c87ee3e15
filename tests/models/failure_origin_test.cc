// Which fault a failed request is charged to (RunResult::failures_by_origin).
#include <gtest/gtest.h>

#include "models/experiment.h"
#include "tests/models/spec_builder.h"

namespace stacksim::models {
namespace {

using sim::Distribution;
using testing::ms;
using testing::s;

FaultSpec fault_on(FaultSpec::Kind kind, const std::string& target, sim::Time at,
                   sim::Time duration) {
  FaultSpec f;
  f.kind = kind;
  f.target = target;
  f.windows.push_back(FaultWindow{at, duration});
  return f;
}

TEST(FailureOrigin, ANetworkFaultDoesNotRenameAHostCrash) {
  // box is down from 2 s to 6 s; a latency-only network fault on it runs from 3 s to 4 s.
  ScenarioSpec spec = testing::open_scenario(
      100, {testing::station("svc", 8, Distribution::exponential(ms(5)), "box")}, {"svc"}, s(10));
  spec.hosts.push_back(HostSpec{"box", 2, 0, ""});
  spec.faults.push_back(fault_on(FaultSpec::Kind::kCrash, "box", s(2), s(4)));
  FaultSpec latency = fault_on(FaultSpec::Kind::kNetwork, "box", s(3), s(1));
  latency.added_latency_ns = ms(20);
  spec.faults.push_back(latency);
  const RunResult r = run_replication(spec, 0);
  // About 100/s x 4 s fail, every one of them because of the crash.
  ASSERT_GT(r.failed, 300u);
  EXPECT_EQ(r.failures_by_origin.size(), 1u);
  EXPECT_EQ(r.failures_by_origin.at("crash"), r.failed);
  ASSERT_FALSE(r.downtime.empty());
  EXPECT_EQ(r.downtime.front().cause, "crash");
}

TEST(FailureOrigin, ASlowdownDoesNotRenameACrashedComponent) {
  ScenarioSpec spec = testing::open_scenario(
      100, {testing::station("svc", 8, Distribution::exponential(ms(5)))}, {"svc"}, s(10));
  spec.faults.push_back(fault_on(FaultSpec::Kind::kCrash, "svc", s(2), s(4)));
  FaultSpec slow = fault_on(FaultSpec::Kind::kSlowdown, "svc", s(3), s(1));
  slow.factor = 2.0;
  spec.faults.push_back(slow);
  const RunResult r = run_replication(spec, 0);
  ASSERT_GT(r.failed, 300u);
  EXPECT_EQ(r.failures_by_origin.at("crash"), r.failed);
}

}  // namespace
}  // namespace stacksim::models
