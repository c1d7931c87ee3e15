#include "findings/availability_crosscheck.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "findings/replication_summary.h"
#include "tests/models/spec_builder.h"
#include "tests/reports/run_result_builder.h"

namespace stacksim::findings {
namespace {

using models::ComponentKind;
using models::FaultSpec;
using models::testing::component;
using models::testing::crash;
using sim::Distribution;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr sim::Time kSecond = sim::kNanosPerSecond;

FaultSpec maintenance(const std::string& target) {
  FaultSpec f;
  f.kind = FaultSpec::Kind::kMaintenance;
  f.target = target;
  f.start_ns = 60 * kSecond;
  f.every_ns = 3600 * kSecond;
  f.duration_ns = 90 * kSecond;
  return f;
}

// web and app on server1, one class through both.
models::ScenarioSpec single_server() {
  models::ScenarioSpec spec;
  spec.hosts = {{"server1", 4, 0, ""}};
  spec.components = {component("web", ComponentKind::kWeb, "server1"),
                     component("app", ComponentKind::kApp, "server1")};
  spec.workload.mix = {{"page", 1.0, {"web", "app"}}};
  return spec;
}

double ratio(double mtbf_s, double mttr_s) { return mtbf_s / (mtbf_s + mttr_s); }

TEST(AvailabilityCrosscheckTest, NoRandomFaultNoPrediction) {
  models::ScenarioSpec spec = single_server();
  EXPECT_FALSE(availability_model(spec).has_value());
  EXPECT_FALSE(predict_availability(spec).has_value());
  spec.faults = {maintenance("server1")};  // scheduled only
  EXPECT_FALSE(predict_availability(spec).has_value());
}

TEST(AvailabilityCrosscheckTest, OneExponentialHostCrashGivesMtbfOverMtbfPlusMttr) {
  models::ScenarioSpec spec = single_server();
  spec.faults = {crash("server1", Distribution::exponential(3600 * kSecond),
                       Distribution::exponential(60 * kSecond))};
  const auto model = availability_model(spec);
  ASSERT_TRUE(model.has_value());
  ASSERT_EQ(model->units.size(), 1u);
  EXPECT_EQ(model->units[0].name, "server1 crash");
  EXPECT_DOUBLE_EQ(model->units[0].failure_rate_per_s, 1.0 / 3600.0);
  EXPECT_DOUBLE_EQ(model->units[0].repair_rate_per_s, 1.0 / 60.0);
  ASSERT_EQ(model->classes.size(), 1u);
  EXPECT_EQ(model->classes[0].name, "page");
  // Both components live on the host, which has the only unit: one group.
  EXPECT_EQ(model->classes[0].groups, (std::vector<std::vector<int>>{{0}}));

  const auto p = predict_availability(spec);
  ASSERT_TRUE(p.has_value());
  EXPECT_TRUE(p->exact);
  ASSERT_TRUE(p->predicted.has_value());
  EXPECT_NEAR(*p->predicted, ratio(3600, 60), 1e-14);
  EXPECT_EQ(p->note, "exact: exponential times to failure and to repair");
}

TEST(AvailabilityCrosscheckTest, TwoHostsInSeriesMultiply) {
  models::ScenarioSpec spec;
  spec.hosts = {{"front", 2, 0, ""}, {"back", 2, 0, ""}};
  spec.components = {component("web", ComponentKind::kWeb, "front"),
                     component("db", ComponentKind::kDb, "back")};
  spec.workload.mix = {{"page", 1.0, {"web", "db"}}};
  spec.faults = {crash("front", Distribution::exponential(1000 * kSecond),
                       Distribution::exponential(10 * kSecond)),
                 crash("back", Distribution::exponential(2000 * kSecond),
                       Distribution::exponential(50 * kSecond))};
  const auto p = predict_availability(spec);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->model.classes[0].groups, (std::vector<std::vector<int>>{{0}, {1}}));
  EXPECT_TRUE(p->exact);
  EXPECT_NEAR(*p->predicted, ratio(1000, 10) * ratio(2000, 50), 1e-13);
}

TEST(AvailabilityCrosscheckTest, SeveralFaultsOnOneTargetAreUnitsInSeries) {
  models::ScenarioSpec spec = single_server();
  FaultSpec process;
  process.kind = FaultSpec::Kind::kProcessCrash;
  process.target = "app";
  process.mtbf = Distribution::exponential(600 * kSecond);
  process.restart_delay = Distribution::exponential(2 * kSecond);
  spec.faults = {crash("app", Distribution::exponential(7200 * kSecond),
                       Distribution::exponential(300 * kSecond)),
                 process,
                 crash("server1", Distribution::exponential(86400 * kSecond),
                       Distribution::exponential(3600 * kSecond))};
  const auto p = predict_availability(spec);
  ASSERT_TRUE(p.has_value());
  ASSERT_EQ(p->model.units.size(), 3u);
  EXPECT_EQ(p->model.units[1].name, "app process_crash");
  EXPECT_DOUBLE_EQ(p->model.units[1].repair_rate_per_s, 0.5);  // 1 / mean(restart_delay)
  // Path order: web (no unit), server1, app; each unit a group of its own.
  EXPECT_EQ(p->model.classes[0].groups, (std::vector<std::vector<int>>{{2}, {0}, {1}}));
  EXPECT_TRUE(p->exact);
  EXPECT_NEAR(*p->predicted, ratio(7200, 300) * ratio(600, 2) * ratio(86400, 3600), 1e-13);
}

TEST(AvailabilityCrosscheckTest, NonExponentialTimesAreFlagged) {
  models::ScenarioSpec spec = single_server();
  spec.faults = {crash("server1", Distribution::exponential(3600 * kSecond),
                       Distribution::deterministic(60 * kSecond))};
  const auto p = predict_availability(spec);
  ASSERT_TRUE(p.has_value());
  EXPECT_FALSE(p->exact);
  EXPECT_THAT(p->note, HasSubstr("approximate (non-exponential: uses means)"));
  EXPECT_THAT(p->note, HasSubstr("for a single unit MTBF/(MTBF+MTTR) holds for any distributions"));
  EXPECT_NEAR(*p->predicted, ratio(3600, 60), 1e-14);

  // A process crash restarts after a fixed 100 ms by default: not exponential either.
  FaultSpec process;
  process.kind = FaultSpec::Kind::kProcessCrash;
  process.target = "web";
  process.mtbf = Distribution::exponential(100 * kSecond);
  spec.faults = {crash("server1", Distribution::exponential(3600 * kSecond),
                       Distribution::exponential(60 * kSecond)),
                 process};
  const auto q = predict_availability(spec);
  EXPECT_FALSE(q->exact);
  EXPECT_THAT(q->note, Not(HasSubstr("single unit")));
  EXPECT_NEAR(*q->predicted, ratio(3600, 60) * ratio(100, 0.1), 1e-13);
}

TEST(AvailabilityCrosscheckTest, MaintenanceWindowsAreLeftOutAndSaidSo) {
  models::ScenarioSpec spec = single_server();
  spec.faults = {crash("server1", Distribution::exponential(3600 * kSecond),
                       Distribution::exponential(60 * kSecond)),
                 maintenance("web")};
  const auto p = predict_availability(spec);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->model.units.size(), 1u);
  EXPECT_TRUE(p->exact);
  EXPECT_THAT(p->note, HasSubstr("maintenance windows are not in the chain"));
  EXPECT_NEAR(*p->predicted, ratio(3600, 60), 1e-14);
}

TEST(AvailabilityCrosscheckTest, TheResolverCountsWhenNamesAreResolved) {
  models::ScenarioSpec spec = single_server();
  spec.components.push_back(component("dns", ComponentKind::kDns, ""));
  spec.faults = {crash("dns", Distribution::exponential(1000 * kSecond),
                       Distribution::exponential(1 * kSecond))};
  EXPECT_TRUE(availability_model(spec)->classes[0].groups.empty());  // no name to resolve
  EXPECT_EQ(*predict_availability(spec)->predicted, 1.0);
  spec.workload.hostname = "www.foobar.com";
  EXPECT_EQ(availability_model(spec)->classes[0].groups, (std::vector<std::vector<int>>{{0}}));
  EXPECT_NEAR(*predict_availability(spec)->predicted, ratio(1000, 1), 1e-14);
}

TEST(AvailabilityCrosscheckTest, ClassesAreWeightedAndThoseWithoutUnitsAlwaysUp) {
  models::ScenarioSpec spec = single_server();
  spec.components.push_back(component("cdn", ComponentKind::kStation, ""));
  spec.workload.mix = {{"page", 3.0, {"web", "app"}}, {"static", 1.0, {"cdn"}}};
  spec.faults = {crash("server1", Distribution::exponential(900 * kSecond),
                       Distribution::exponential(100 * kSecond))};
  const auto p = predict_availability(spec);
  ASSERT_TRUE(p.has_value());
  EXPECT_NEAR(*p->predicted, (3.0 * 0.9 + 1.0) / 4.0, 1e-14);
}

TEST(AvailabilityCrosscheckTest, TooManyUnitsAreNotSolved) {
  models::ScenarioSpec spec = single_server();
  for (int i = 0; i <= analysis::kMaxAvailabilityUnits; ++i) {
    spec.faults.push_back(crash("web", Distribution::exponential(1000 * kSecond),
                                Distribution::exponential(1 * kSecond)));
  }
  const auto p = predict_availability(spec);
  ASSERT_TRUE(p.has_value());
  EXPECT_FALSE(p->predicted.has_value());
  EXPECT_THAT(p->note, HasSubstr("not solved: "));
}

TEST(CheckAvailabilityTest, SimulatedMeanAndInterval) {
  AvailabilityPrediction prediction;
  prediction.exact = false;
  prediction.predicted = 0.995;
  prediction.note = "n";
  std::vector<models::RunResult> runs(2, reports::testing::sample_run());
  runs[0].availability_by_time = 0.99;
  runs[1].availability_by_time = 1.0;
  const AvailabilityCheck c =
      check_availability(prediction, summarize(runs).availability_by_time, runs.size());
  EXPECT_FALSE(c.exact);
  EXPECT_EQ(c.note, "n");
  EXPECT_DOUBLE_EQ(c.simulated.mean, 0.995);
  // t(0.975, 1) = 12.7062; s = 0.01 / sqrt 2.
  ASSERT_TRUE(c.has_interval);
  EXPECT_NEAR(c.simulated.low(), 0.995 - 12.7062047 * 0.005, 1e-7);
  EXPECT_NEAR(c.simulated.high(), 0.995 + 12.7062047 * 0.005, 1e-7);
  EXPECT_TRUE(*c.within_ci);

  const AvailabilityCheck one =
      check_availability(prediction, summarize({runs[0]}).availability_by_time, 1);
  EXPECT_EQ(one.simulated.mean, 0.99);
  EXPECT_FALSE(one.has_interval);
  EXPECT_FALSE(one.within_ci.has_value());
}

}  // namespace
}  // namespace stacksim::findings
