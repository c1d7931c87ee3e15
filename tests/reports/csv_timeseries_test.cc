#include "reports/csv_timeseries.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tests/reports/report_reading.h"
#include "tests/reports/run_result_builder.h"

namespace stacksim::reports {
namespace {

using testing::lines_of;
using testing::sample_run;

constexpr const char* kFixedHeader =
    "start_s,end_s,offered,completed,failed,throughput_rps,error_rate,latency_p50_s,"
    "latency_p99_s";

models::IntervalRow row(double start, double end, std::uint64_t offered, std::uint64_t completed,
                        std::uint64_t failed, double p50, double p99, double utilization) {
  models::IntervalRow r;
  r.start_s = start;
  r.end_s = end;
  r.offered = offered;
  r.completed = completed;
  r.failed = failed;
  r.latency_p50_s = p50;
  r.latency_p99_s = p99;
  r.component_utilization = {utilization, utilization / 2, utilization / 4};
  r.component_queue_length = {0.0, 1.5, 0.25};
  r.host_cpu_utilization = {0.6};
  return r;
}

TEST(CsvTimeseriesTest, HeaderNamesEveryComponentAndHost) {
  const auto lines = lines_of(csv_timeseries({sample_run()}));
  ASSERT_EQ(lines.size(), 1u);  // no series rows
  EXPECT_EQ(lines[0], std::string(kFixedHeader) +
                          ",web_utilization,web_queue_length,app_utilization,app_queue_length,"
                          "db_utilization,db_queue_length,server1_cpu_utilization,web_up,app_up,"
                          "db_up,server1_up");
}

TEST(CsvTimeseriesTest, NoReplicationsGivesTheFixedHeader) {
  EXPECT_EQ(csv_timeseries({}), std::string(kFixedHeader) + "\n");
}

TEST(CsvTimeseriesTest, OneReplicationRows) {
  auto run = sample_run();
  run.series = {row(0, 60, 600, 590, 10, 0.035, 0.18, 0.5), row(60, 120, 0, 0, 0, 0.0, 0.0, 0.0)};
  const std::string csv = csv_timeseries({run});
  const auto lines = lines_of(csv);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(csv.back(), '\n');
  // throughput 590/60, error rate 10/600.
  // Rows that do not say how long things were up count as up all along.
  EXPECT_EQ(lines[1],
            "0,60,600,590,10,9.83333333,0.0166666667,0.035,0.18,0.5,0,0.25,1.5,0.125,0.25,0.6,"
            "1,1,1,1");
  // An interval with nothing ended has error rate 0.
  EXPECT_EQ(lines[2], "60,120,0,0,0,0,0,0,0,0,0,0,1.5,0,0.25,0.6,1,1,1,1");
}

TEST(CsvTimeseriesTest, ReplicationsAreAveragedOverTheShortestSeries) {
  auto a = sample_run();
  auto b = sample_run();
  a.series = {row(0, 10, 100, 90, 10, 0.01, 0.1, 0.4), row(10, 20, 100, 100, 0, 0.02, 0.2, 0.4)};
  b.series = {row(0, 10, 101, 101, 0, 0.03, 0.3, 0.6)};
  const auto lines = lines_of(csv_timeseries({a, b}));
  ASSERT_EQ(lines.size(), 2u);
  // offered 100.5, completed 95.5, failed 5, throughput (9 + 10.1)/2, error rate (0.1 + 0)/2,
  // p50 0.02, p99 0.2, web utilization 0.5, app 0.25, db 0.125.
  EXPECT_EQ(lines[1], "0,10,100.5,95.5,5,9.55,0.05,0.02,0.2,0.5,0,0.25,1.5,0.125,0.25,0.6,1,1,1,1");
}

TEST(CsvTimeseriesTest, UpColumnsShadeOutages) {
  auto a = sample_run();
  auto b = sample_run();
  a.series = {row(0, 60, 600, 590, 10, 0.035, 0.18, 0.5), row(60, 120, 0, 0, 0, 0, 0, 0)};
  b.series = a.series;
  // The host is down for the last 15 s of the first interval in one replication, and for all of
  // the second interval in both; its components with it; db also for 6 s on its own.
  a.series[0].component_up = {0.75, 0.75, 0.65};
  a.series[0].host_up = {0.75};
  b.series[0].component_up = {1.0, 1.0, 0.9};
  b.series[0].host_up = {1.0};
  for (auto* run : {&a, &b}) {
    run->series[1].component_up = {0.0, 0.0, 0.0};
    run->series[1].host_up = {0.0};
  }
  const auto lines = lines_of(csv_timeseries({a, b}));
  ASSERT_EQ(lines.size(), 3u);
  const std::string up1 = ",0.875,0.875,0.775,0.875";
  const std::string up2 = ",0,0,0,0";
  EXPECT_EQ(lines[1].substr(lines[1].size() - up1.size()), up1);
  EXPECT_EQ(lines[2].substr(lines[2].size() - up2.size()), up2);
}

TEST(CsvTimeseriesTest, NamesWithCommasAreQuoted) {
  auto run = sample_run();
  run.components.resize(1);
  run.components[0].name = "web,1";
  run.hosts.clear();
  EXPECT_EQ(
      lines_of(csv_timeseries({run}))[0],
      std::string(kFixedHeader) + ",\"web,1_utilization\",\"web,1_queue_length\",\"web,1_up\"");
}

TEST(IntervalRowTest, ErrorRateIsTheShareOfEndedRequestsThatFailed) {
  models::IntervalRow row;
  EXPECT_EQ(row.error_rate(), 0.0);  // nothing ended
  row.completed = 30;
  row.failed = 10;
  row.offered = 100;  // offered but not ended does not count
  EXPECT_DOUBLE_EQ(row.error_rate(), 0.25);
}

TEST(CsvTimeseriesTest, LongFormHasOneRowPerTimeMetricAndTarget) {
  models::RunResult run = sample_run();
  run.series = {row(0, 60, 100, 98, 2, 0.010, 0.050, 0.4)};
  const auto lines = lines_of(csv_timeseries_long({run}));
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0], "start_s,end_s,metric,target,value");
  // 7 system metrics, 3 per component (utilization, queue_length, up), 2 per host.
  EXPECT_EQ(lines.size(), 1u + 7 + 3 * run.components.size() + 2 * run.hosts.size());
  EXPECT_EQ(lines[1], "0,60,offered,system,100");
  EXPECT_NE(std::find(lines.begin(), lines.end(), "0,60,error_rate,system,0.02"), lines.end());
  EXPECT_NE(std::find(lines.begin(), lines.end(), "0,60,utilization,web,0.4"), lines.end());
  EXPECT_NE(std::find(lines.begin(), lines.end(), "0,60,queue_length,app,1.5"), lines.end());
  EXPECT_NE(std::find(lines.begin(), lines.end(), "0,60,cpu_utilization,server1,0.6"), lines.end());
  EXPECT_NE(std::find(lines.begin(), lines.end(), "0,60,up,server1,1"), lines.end());
}

TEST(CsvTimeseriesTest, LongFormWithoutReplicationsIsTheHeader) {
  EXPECT_EQ(csv_timeseries_long({}), "start_s,end_s,metric,target,value\n");
}

}  // namespace
}  // namespace stacksim::reports
