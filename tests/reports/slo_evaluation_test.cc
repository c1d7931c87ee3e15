#include "findings/slo_evaluation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "reports/availability_json.h"
#include "tests/reports/run_result_builder.h"

namespace stacksim::reports {
namespace {

using testing::sample_run;

TEST(BudgetCategoryTest, EveryOriginHasACategory) {
  for (const char* origin :
       {"crash", "process_crash", "cold_restart", "network", "dns_outage", "dns_records"}) {
    EXPECT_STREQ(findings::budget_category(origin), "failures") << origin;
  }
  EXPECT_STREQ(findings::budget_category("maintenance"), "maintenance");
  EXPECT_STREQ(findings::budget_category("overload"), "overload");
  EXPECT_STREQ(findings::budget_category("slowdown"), "overload");
  EXPECT_STREQ(findings::budget_category("a_fault_kind_added_later"), "failures");
}

TEST(EvaluateSloTest, AvailabilityMissedAndTheBurnByCategory) {
  // 10,000 offered, 9,950 completed, 50 failed: availability 99.5% against 99.9%.
  auto run = sample_run();
  run.offered = 10000;
  run.completed = 9950;
  run.failed = 50;
  run.failures_by_origin = {
      {"crash", 20}, {"process_crash", 5}, {"maintenance", 15}, {"overload", 10}};
  models::SloSpec slo;
  slo.availability = 0.999;
  const findings::SloEvaluation e = findings::evaluate_slo(slo, findings::summarize({run}));
  ASSERT_EQ(e.objectives.size(), 1u);
  EXPECT_EQ(e.objectives[0].name, "availability");
  EXPECT_EQ(e.objectives[0].target, 0.999);
  EXPECT_DOUBLE_EQ(*e.objectives[0].measured, 0.995);
  EXPECT_FALSE(e.objectives[0].met);
  EXPECT_FALSE(e.met());

  // Budget (1 - 0.999) x 10,000 = 10 requests; 50 burned = 500%.
  ASSERT_TRUE(e.error_budget.has_value());
  const findings::ErrorBudget& b = *e.error_budget;
  EXPECT_NEAR(b.budget_requests, 10.0, 1e-9);
  EXPECT_EQ(b.burned_requests, 50.0);
  EXPECT_NEAR(b.burned_fraction, 5.0, 1e-9);
  ASSERT_EQ(b.by_category.size(), 3u);
  EXPECT_EQ(b.by_category[0].category, "failures");
  EXPECT_EQ(b.by_category[0].requests, 25.0);
  EXPECT_NEAR(b.by_category[0].budget_fraction, 2.5, 1e-9);
  EXPECT_EQ(b.by_category[1].category, "maintenance");
  EXPECT_EQ(b.by_category[1].requests, 15.0);
  EXPECT_NEAR(b.by_category[1].budget_fraction, 1.5, 1e-9);
  EXPECT_EQ(b.by_category[2].category, "overload");
  EXPECT_EQ(b.by_category[2].requests, 10.0);
  EXPECT_NEAR(b.by_category[2].budget_fraction, 1.0, 1e-9);
}

TEST(EvaluateSloTest, LatencyObjectivesInOrder) {
  auto run = sample_run();  // latencies 1..1000 ms
  models::SloSpec slo;
  slo.latency_p99_ns = 2'000'000'000;  // 2 s: met
  slo.latency_p95_ns = 900'000'000;    // 0.9 s against about 0.95 s: not met
  slo.latency_p50_ns = 600'000'000;    // 0.6 s against about 0.5 s: met
  const findings::SloEvaluation e = findings::evaluate_slo(slo, findings::summarize({run}));
  ASSERT_EQ(e.objectives.size(), 3u);
  EXPECT_EQ(e.objectives[0].name, "latency_p50_s");
  EXPECT_EQ(e.objectives[0].target, 0.6);
  EXPECT_NEAR(*e.objectives[0].measured, 0.5, 0.005);
  EXPECT_TRUE(e.objectives[0].met);
  EXPECT_EQ(e.objectives[1].name, "latency_p95_s");
  EXPECT_FALSE(e.objectives[1].met);
  EXPECT_EQ(e.objectives[2].name, "latency_p99_s");
  EXPECT_TRUE(e.objectives[2].met);
  EXPECT_FALSE(e.error_budget.has_value());
  EXPECT_FALSE(e.met());
  slo.latency_p95_ns.reset();
  EXPECT_TRUE(findings::evaluate_slo(slo, findings::summarize({run})).met());
}

TEST(EvaluateSloTest, NoCompletedRequestMeetsNoLatencyObjective) {
  models::RunResult run;
  run.offered = 4;
  run.failed = 4;
  models::SloSpec slo;
  slo.latency_p99_ns = 1'000'000'000;
  const findings::SloEvaluation e = findings::evaluate_slo(slo, findings::summarize({run}));
  ASSERT_EQ(e.objectives.size(), 1u);
  EXPECT_FALSE(e.objectives[0].measured.has_value());
  EXPECT_FALSE(e.objectives[0].met);
  EXPECT_TRUE(slo_json(e)["objectives"]["latency_p99_s"]["measured"].is_null());
}

TEST(EvaluateSloTest, ZeroBudgetBurnsWithoutBound) {
  auto run = sample_run();  // 10 failed, none attributed below
  run.failures_by_origin.clear();
  models::SloSpec slo;
  slo.availability = 1.0;
  const findings::SloEvaluation e = findings::evaluate_slo(slo, findings::summarize({run}));
  const findings::ErrorBudget& b = *e.error_budget;
  EXPECT_EQ(b.budget_requests, 0.0);
  EXPECT_TRUE(std::isinf(b.burned_fraction));
  // Failed requests with no origin are shown as such.
  ASSERT_EQ(b.by_category.size(), 4u);
  EXPECT_EQ(b.by_category[3].category, "unattributed");
  EXPECT_EQ(b.by_category[3].requests, 10.0);
  const auto j = slo_json(e);
  EXPECT_TRUE(j["error_budget"]["burned_fraction"].is_null());
  EXPECT_EQ(j["error_budget"]["by_category"]["failures"]["budget_fraction"], 0.0);
}

TEST(EvaluateSloTest, NoObjectiveIsMet) {
  const findings::SloEvaluation e =
      findings::evaluate_slo(models::SloSpec{}, findings::summarize({sample_run()}));
  EXPECT_TRUE(e.objectives.empty());
  EXPECT_TRUE(e.met());
}

}  // namespace
}  // namespace stacksim::reports
