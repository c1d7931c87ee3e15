#include "findings/downtime_summary.h"

#include <gtest/gtest.h>

#include <vector>

#include "tests/reports/run_result_builder.h"

namespace stacksim::findings {
namespace {

using reports::testing::window;

TEST(DowntimeTotalsTest, NothingDown) {
  const DowntimeTotals t = downtime_totals({reports::testing::sample_run()});
  EXPECT_TRUE(t.seconds.empty());
  EXPECT_FALSE(t.truncated);
  EXPECT_EQ(t.total_s("web"), 0.0);
  EXPECT_TRUE(downtime_totals({}).seconds.empty());
}

TEST(DowntimeTotalsTest, SumsByTargetAndCauseThenAveragesOverReplications) {
  models::RunResult a, b, c;
  a.downtime = {window("db", "crash", 0.0, 12.0), window("db", "crash", 50.0, 53.0),
                window("db", "maintenance", 70.0, 100.0)};
  b.downtime = {window("server1", "crash", 10.0, 25.5)};
  const DowntimeTotals t = downtime_totals({a, b, c});
  ASSERT_EQ(t.seconds.size(), 2u);
  EXPECT_DOUBLE_EQ(t.seconds.at("db").at("crash"), 15.0 / 3.0);
  EXPECT_DOUBLE_EQ(t.seconds.at("db").at("maintenance"), 10.0);
  EXPECT_DOUBLE_EQ(t.seconds.at("server1").at("crash"), 15.5 / 3.0);
  EXPECT_DOUBLE_EQ(t.total_s("db"), 15.0);
  EXPECT_FALSE(t.truncated);
}

TEST(DowntimeTotalsTest, AFullListMakesTheTotalsLowerBounds) {
  models::RunResult r;
  r.downtime.assign(models::kMaxDowntimeWindows, window("web", "crash", 0.0, 1.0));
  EXPECT_TRUE(downtime_totals({models::RunResult{}, r}).truncated);
}

}  // namespace
}  // namespace stacksim::findings
