#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "reports/json_report.h"
#include "reports/text_summary.h"
#include "reports/timeline_report.h"
#include "tests/reports/report_reading.h"
#include "tests/reports/run_result_builder.h"

namespace stacksim::reports {
namespace {

using nlohmann::ordered_json;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr double kInterval = 15.0;

// Row `i` of a 15 s series: `completed` and `failed` requests, the p99 and a total queue split
// over two components.
models::IntervalRow row(int i, std::uint64_t completed, std::uint64_t failed, double p99_s,
                        double queue) {
  models::IntervalRow r;
  r.start_s = kInterval * i;
  r.end_s = kInterval * (i + 1);
  r.offered = completed + failed;
  r.completed = completed;
  r.failed = failed;
  r.latency_p50_s = p99_s / 4;
  r.latency_p99_s = p99_s;
  r.component_queue_length = {queue / 2, queue / 2};
  return r;
}

// Five normal rows: median p99 100 ms, median total queue 0.2 (so the threshold is the floor, 2
// = 10 x 0.2).
std::vector<models::IntervalRow> normal_start() {
  return {row(0, 100, 0, 0.10, 0.1), row(1, 100, 0, 0.12, 0.2), row(2, 100, 0, 0.09, 0.3),
          row(3, 100, 0, 0.11, 0.2), row(4, 100, 0, 0.10, 0.2)};
}

// Queues build at row 5, requests fail in rows 6-9 (40% at row 7 at worst), the queue is still
// above the threshold in row 10 and the p99 still high in row 11: normal again at row 12.
std::vector<models::IntervalRow> spike() {
  auto series = normal_start();
  series.push_back(row(5, 100, 0, 2.0, 50));
  series.push_back(row(6, 90, 10, 5.0, 80));
  series.push_back(row(7, 60, 40, 9.0, 90));
  series.push_back(row(8, 80, 20, 8.0, 70));
  series.push_back(row(9, 95, 5, 4.0, 30));
  series.push_back(row(10, 100, 0, 0.10, 5));    // p99 normal, queue still built up
  series.push_back(row(11, 100, 0, 0.50, 1.5));  // queue drained, p99 still 5x
  series.push_back(row(12, 100, 0, 0.14, 0.3));  // back to normal
  for (int i = 13; i < 16; ++i) series.push_back(row(i, 100, 0, 0.10, 0.2));
  return series;
}

models::RunResult run_with(std::vector<models::IntervalRow> series) {
  models::RunResult r = testing::sample_run();
  r.series = std::move(series);
  return r;
}

TEST(Timeline, QuietRunHasNothingToSay) {
  const findings::Timeline t = findings::compute_timeline(normal_start());
  EXPECT_FALSE(t.has_news());
  EXPECT_DOUBLE_EQ(*t.baseline_p99_s, 0.10);
  EXPECT_DOUBLE_EQ(*t.baseline_queue_length, 0.2);
  EXPECT_EQ(timeline_text(t), "");

  EXPECT_FALSE(findings::compute_timeline({}).has_news());
  EXPECT_FALSE(findings::timeline_of({}).has_news());

  const std::vector<models::RunResult> quiet = {run_with(normal_start())};
  EXPECT_FALSE(json_report(ReportContext{}, quiet).contains("timeline"));
  EXPECT_THAT(text_summary(ReportContext{}, quiet), Not(HasSubstr("Timeline")));
}

TEST(Timeline, SpikeGivesExactTimes) {
  const findings::Timeline t = findings::compute_timeline(spike());
  ASSERT_TRUE(t.has_news());
  EXPECT_DOUBLE_EQ(*t.baseline_p99_s, 0.10);
  EXPECT_DOUBLE_EQ(*t.baseline_queue_length, 0.2);
  EXPECT_DOUBLE_EQ(t.queue_threshold, 2.0);
  EXPECT_EQ(t.queues_build_at_s, 75.0);  // row 5
  EXPECT_EQ(t.queues_end_at_s, 165.0);   // end of row 10
  EXPECT_EQ(t.errors_start_at_s, 90.0);  // row 6
  EXPECT_EQ(t.errors_end_at_s, 150.0);   // end of row 9
  EXPECT_EQ(t.peak_error_rate, 0.4);     // row 7
  EXPECT_EQ(t.peak_error_rate_at_s, 105.0);
  EXPECT_EQ(t.recovered_at_s, 180.0);  // row 12
  EXPECT_EQ(t.recovery_s, 30.0);

  EXPECT_EQ(timeline_json(t), (ordered_json{{"queues_build_at_s", 75.0},
                                            {"errors_start_at_s", 90.0},
                                            {"errors_end_at_s", 150.0},
                                            {"peak_error_rate", 0.4},
                                            {"peak_error_rate_at_s", 105.0},
                                            {"recovered_at_s", 180.0},
                                            {"recovery_s", 30.0}}));
  EXPECT_EQ(timeline_text(t),
            "queues build at 0:01:15 \u00b7 errors 0:01:30\u20130:02:30 (peak 40.0% at 0:01:45) "
            "\u00b7 back to normal at 0:03:00, 30.0s after the errors stopped");
}

TEST(Timeline, ReportsCarryItFromTheFirstReplication) {
  const std::vector<models::RunResult> runs = {run_with(spike()), run_with(normal_start())};
  const ordered_json j = json_report(ReportContext{}, runs);
  ASSERT_TRUE(j.contains("timeline"));
  EXPECT_EQ(j["timeline"], timeline_json(findings::compute_timeline(spike())));
  // Right after downtime_by_target.
  const std::vector<std::string> keys = testing::keys_of(j);
  const auto at = std::find(keys.begin(), keys.end(), "downtime_by_target");
  ASSERT_NE(at, keys.end());
  ASSERT_NE(at + 1, keys.end());
  EXPECT_EQ(*(at + 1), "timeline");

  EXPECT_THAT(text_summary(ReportContext{}, runs),
              HasSubstr("\n\nTimeline   queues build at 0:01:15 \u00b7 errors "
                        "0:01:30\u20130:02:30 (peak 40.0% at 0:01:45) \u00b7 back to normal at "
                        "0:03:00, 30.0s after the errors stopped\nBottleneck: app"));
}

TEST(Timeline, NeverRecovered) {
  // Errors until the end of the run: nothing after them to recover in.
  auto failing = normal_start();
  for (int i = 5; i < 10; ++i) failing.push_back(row(i, 50, 50, 10.0, 100));
  findings::Timeline t = findings::compute_timeline(failing);
  EXPECT_EQ(t.queues_build_at_s, 75.0);
  EXPECT_EQ(t.errors_start_at_s, 75.0);
  EXPECT_EQ(t.errors_end_at_s, 150.0);
  EXPECT_EQ(t.peak_error_rate, 0.5);
  EXPECT_EQ(t.peak_error_rate_at_s, 75.0);  // the first row at the peak
  EXPECT_FALSE(t.recovered_at_s);
  EXPECT_FALSE(t.recovery_s);
  EXPECT_TRUE(timeline_json(t)["recovered_at_s"].is_null());
  EXPECT_TRUE(timeline_json(t)["recovery_s"].is_null());
  EXPECT_THAT(timeline_text(t), HasSubstr("\u00b7 not recovered by the end of the run"));

  // The errors stop, but the p99 stays 3x the normal one, and a row without completed requests
  // (p99 0) does not count as normal.
  failing.push_back(row(10, 0, 0, 0.0, 0.0));
  for (int i = 11; i < 14; ++i) failing.push_back(row(i, 100, 0, 0.30, 0.2));
  t = findings::compute_timeline(failing);
  EXPECT_EQ(t.errors_end_at_s, 150.0);
  EXPECT_FALSE(t.recovered_at_s);
  EXPECT_EQ(timeline_json(t)["recovered_at_s"], nullptr);
}

TEST(Timeline, QueuesWithoutErrorsRecoverFromTheEndOfTheBuildUp) {
  auto series = normal_start();
  series.push_back(row(5, 100, 0, 1.0, 10));
  series.push_back(row(6, 100, 0, 2.0, 20));
  series.push_back(row(7, 100, 0, 0.5, 1.0));  // drained, p99 not yet normal
  series.push_back(row(8, 100, 0, 0.1, 0.2));
  const findings::Timeline t = findings::compute_timeline(series);
  EXPECT_EQ(t.queues_build_at_s, 75.0);
  EXPECT_FALSE(t.errors_start_at_s);
  EXPECT_FALSE(t.peak_error_rate);
  EXPECT_EQ(t.recovered_at_s, 120.0);
  EXPECT_EQ(t.recovery_s, 15.0);  // after the end of row 6
  const ordered_json j = timeline_json(t);
  EXPECT_TRUE(j["errors_start_at_s"].is_null());
  EXPECT_TRUE(j["errors_end_at_s"].is_null());
  EXPECT_TRUE(j["peak_error_rate"].is_null());
  EXPECT_TRUE(j["peak_error_rate_at_s"].is_null());
  EXPECT_EQ(timeline_text(t),
            "queues build at 0:01:15 \u00b7 back to normal at 0:02:00, 15.0s after the queues "
            "went down");
}

TEST(Timeline, ErrorsFromTheFirstRowLeaveNoBaseline) {
  std::vector<models::IntervalRow> series = {row(0, 80, 20, 3.0, 0.5), row(1, 70, 30, 4.0, 0.5),
                                             row(2, 100, 0, 0.1, 0.1), row(3, 100, 0, 0.1, 0.1)};
  const findings::Timeline t = findings::compute_timeline(series);
  EXPECT_FALSE(t.baseline_p99_s);
  EXPECT_FALSE(t.baseline_queue_length);
  EXPECT_DOUBLE_EQ(t.queue_threshold, findings::kMinQueueThreshold);
  EXPECT_FALSE(t.queues_build_at_s);  // never above 1
  EXPECT_EQ(t.errors_start_at_s, 0.0);
  EXPECT_EQ(t.errors_end_at_s, 30.0);
  EXPECT_EQ(t.peak_error_rate, 0.3);
  EXPECT_EQ(t.peak_error_rate_at_s, 15.0);
  EXPECT_FALSE(t.recovered_at_s);  // no normal state to compare with
  EXPECT_FALSE(t.recovery_s);
  EXPECT_EQ(timeline_text(t),
            "errors 0:00:00\u20130:00:30 (peak 30.0% at 0:00:15) \u00b7 in trouble from the first "
            "interval: no normal state to judge recovery by");
}

TEST(Timeline, AQueueInTheFirstRowAboveTheFloorIsTrouble) {
  std::vector<models::IntervalRow> series = {row(0, 100, 0, 1.0, 40), row(1, 100, 0, 0.1, 0.1)};
  const findings::Timeline t = findings::compute_timeline(series);
  EXPECT_FALSE(t.baseline_queue_length);
  EXPECT_EQ(t.queues_build_at_s, 0.0);
  EXPECT_FALSE(t.recovered_at_s);
  EXPECT_FALSE(t.in_trouble_throughout);  // the queue went down in the second row
  EXPECT_TRUE(t.has_news());
}

TEST(Timeline, TroubleFromFirstToLastRowIsASteadyStateNotNews) {
  // A box near saturation: a queue of 3 to 5 in every row, never a failure.
  std::vector<models::IntervalRow> busy = {row(0, 100, 0, 0.2, 3), row(1, 100, 0, 0.2, 5),
                                           row(2, 100, 0, 0.2, 0.5), row(3, 100, 0, 0.2, 4)};
  const findings::Timeline steady = findings::compute_timeline(busy);
  EXPECT_EQ(steady.queues_build_at_s, 0.0);
  EXPECT_TRUE(steady.in_trouble_throughout);
  EXPECT_FALSE(steady.has_news());
  EXPECT_EQ(timeline_text(steady), "");

  // Failing from the first row to the last: the same.
  std::vector<models::IntervalRow> failing = {row(0, 80, 20, 0.2, 0.1), row(1, 80, 20, 0.2, 0.1)};
  EXPECT_FALSE(findings::compute_timeline(failing).has_news());
}

}  // namespace
}  // namespace stacksim::reports
