#include "findings/downtime_summary.h"

#include <gtest/gtest.h>

#include <vector>

#include "tests/reports/run_result_builder.h"

namespace stacksim::findings {
namespace {

using reports::testing::add_downtime;
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
  for (const auto& w : {window("db", "crash", 0.0, 12.0), window("db", "crash", 50.0, 53.0),
                        window("db", "maintenance", 70.0, 100.0)}) {
    add_downtime(a, w);
  }
  add_downtime(b, window("server1", "crash", 10.0, 25.5));
  const DowntimeTotals t = downtime_totals({a, b, c});
  ASSERT_EQ(t.seconds.size(), 2u);
  EXPECT_DOUBLE_EQ(t.seconds.at("db").at("crash"), 15.0 / 3.0);
  EXPECT_DOUBLE_EQ(t.seconds.at("db").at("maintenance"), 10.0);
  EXPECT_DOUBLE_EQ(t.seconds.at("server1").at("crash"), 15.5 / 3.0);
  EXPECT_DOUBLE_EQ(t.total_s("db"), 15.0);
  EXPECT_FALSE(t.truncated);
}

TEST(DowntimeTotalsTest, TheSecondsComeFromTheExactTotalsNotFromTheCappedWindows) {
  models::RunResult r;
  r.downtime.assign(models::kMaxDowntimeWindows, window("web", "crash", 0.0, 1.0));
  r.downtime_truncated = true;
  r.downtime_by_target["web"]["crash"] = 25000.0;  // more than the windows listed
  const DowntimeTotals t = downtime_totals({models::RunResult{}, r});
  EXPECT_TRUE(t.truncated);
  EXPECT_DOUBLE_EQ(t.total_s("web"), 12500.0);
  // A full list alone is no truncation: the model says when it dropped a window.
  r.downtime_truncated = false;
  EXPECT_FALSE(downtime_totals({r}).truncated);
}

}  // namespace
}  // namespace stacksim::findings
