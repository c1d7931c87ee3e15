#include "reports/text_summary.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tests/reports/report_reading.h"
#include "tests/reports/run_result_builder.h"

namespace stacksim::reports {
namespace {

using ::testing::HasSubstr;
using testing::lines_of;
using ::testing::Not;
using testing::sample_context;
using testing::sample_run;

// The line that starts with `prefix`, or "" when there is none.
std::string line_starting(const std::string& text, const std::string& prefix) {
  for (const auto& line : lines_of(text)) {
    if (line.rfind(prefix, 0) == 0) return line;
  }
  return "";
}

TEST(TextSummaryTest, OneReplication) {
  auto run = sample_run();
  run.measured_s = 7200.0;
  const std::string text = text_summary(sample_context(7200.0), {run});
  SCOPED_TRACE(text);

  EXPECT_EQ(lines_of(text)[0],
            "stacksim 0.1.0 \u2014 foobar-single-server (scenarios/single-server.json)");
  EXPECT_EQ(lines_of(text)[1],
            "seed 42 \u00b7 measured 2h after 5m warm-up \u00b7 1 replication \u00b7 12.3 s wall");
  EXPECT_EQ(line_starting(text, "Requests"),
            "Requests   offered 1,010  completed 1,000  failed 10  availability 99.010%");
  // 1000 completed over 7200 s.
  EXPECT_EQ(line_starting(text, "Throughput"), "Throughput 0.14 req/s");
  const std::string latency = line_starting(text, "Latency");
  EXPECT_THAT(latency, HasSubstr("mean 500ms"));
  EXPECT_THAT(latency, HasSubstr("p50 500ms"));
  // The histogram reports a bucket midpoint: 992ms for the 990th of 1..1000 ms (within 0.4%).
  EXPECT_THAT(latency, HasSubstr("p99 992ms"));
  EXPECT_THAT(latency, HasSubstr("max 1.00s"));
  EXPECT_THAT(latency, Not(HasSubstr("\u00b1")));
  // Causes by count, largest first.
  EXPECT_EQ(line_starting(text, "Errors"), "Errors     rejected 8 \u00b7 dns_failure 2");
  EXPECT_EQ(line_starting(text, "In system"), "In system  3.25 requests on average");
  EXPECT_EQ(line_starting(text, "Bottleneck"), "Bottleneck: app (utilization 93.4%)");
  // A single class: no class table.
  EXPECT_EQ(line_starting(text, "Class"), "");

  // Availability: 1 - 1000/1010 = 1/101 unavailable is log10(101) = 2.004 nines.
  EXPECT_EQ(line_starting(text, "Uptime"),
            "Uptime     100% of the time \u00b7 0s down per year at that rate \u00b7 requests at "
            "2.00 nines");
  EXPECT_EQ(line_starting(text, "Caused by"), "Caused by  overload 8 \u00b7 dns_records 2");
  // One attempt per request, nothing down, no SLO, no prediction: none of their sections.
  EXPECT_EQ(line_starting(text, "Retries"), "");
  EXPECT_EQ(line_starting(text, "Attempts"), "");
  EXPECT_EQ(line_starting(text, "Downtime"), "");
  EXPECT_EQ(line_starting(text, "Target"), "");
  EXPECT_EQ(line_starting(text, "SLO"), "");
  EXPECT_EQ(line_starting(text, "Availability check"), "");
  // The summary ends with the bottleneck.
  EXPECT_EQ(lines_of(text).back(), "Bottleneck: app (utilization 93.4%)");
}

TEST(TextSummaryTest, TablesAreAligned) {
  const std::string text = text_summary(sample_context(7200.0), {sample_run()});
  SCOPED_TRACE(text);
  const std::string header = line_starting(text, "Component");
  ASSERT_FALSE(header.empty());
  const std::string web = line_starting(text, "web ");
  const std::string app = line_starting(text, "app ");
  ASSERT_FALSE(web.empty());
  ASSERT_FALSE(app.empty());
  // Each column starts at the same offset on every row.
  const auto column = header.find("util");
  EXPECT_EQ(web.substr(column, 5), "6.1% ");
  EXPECT_EQ(app.substr(column, 5), "93.4%");
  const auto servers = header.find("servers");
  EXPECT_EQ(web.substr(servers, 4), "512 ");
  EXPECT_EQ(app.substr(servers, 3), "16 ");
  const auto response = header.find("response");
  EXPECT_EQ(app.substr(response, 5), "20.0m");
  EXPECT_EQ(line_starting(text, "server1").substr(0, 21), "server1  4      61.0%");
}

TEST(TextSummaryTest, SeveralReplicationsShowHalfWidths) {
  std::vector<models::RunResult> runs(3, sample_run());
  runs[0].completed = 900;
  runs[2].completed = 1100;
  const std::string text = text_summary(sample_context(7200.0), runs);
  SCOPED_TRACE(text);
  EXPECT_THAT(lines_of(text)[1], HasSubstr("3 replications"));
  // Throughput 9, 10, 11 req/s: half-width 4.302653 / sqrt(3).
  EXPECT_EQ(line_starting(text, "Throughput"), "Throughput 10.00 \u00b1 2.48 req/s");
  EXPECT_THAT(line_starting(text, "Requests"), HasSubstr("availability 99.003% \u00b1 "));
  EXPECT_THAT(line_starting(text, "Latency"), HasSubstr("p99 992ms \u00b1 0s"));
}

TEST(TextSummaryTest, ClassTableWithSeveralClasses) {
  auto run = sample_run();
  run.classes = {{"page", 1000, 990, 10, 0.5}, {"api", 10, 10, 0, 0.002}};
  const std::string text = text_summary(sample_context(7200.0), {run});
  SCOPED_TRACE(text);
  EXPECT_THAT(line_starting(text, "Class"), HasSubstr("mean latency"));
  EXPECT_THAT(line_starting(text, "page"), HasSubstr("99.000%"));
  EXPECT_THAT(line_starting(text, "api"), HasSubstr("2.00ms"));
}

TEST(TextSummaryTest, NoErrorsNoCompletions) {
  models::RunResult run;
  run.offered = 3;
  run.failed = 3;
  run.measured_s = 10;
  const std::string text = text_summary(sample_context(7200.0), {run});
  EXPECT_EQ(line_starting(text, "Errors"), "Errors     none");
  EXPECT_EQ(line_starting(text, "Latency"), "Latency    no completed requests");
  EXPECT_THAT(line_starting(text, "Requests"), HasSubstr("availability 0.000%"));
  EXPECT_EQ(line_starting(text, "Bottleneck"), "");
}

TEST(TextSummaryTest, InterruptedRunSaysHowFarItGot) {
  auto run = sample_run();
  run.interrupted = true;
  run.measured_s = 1800.0;
  const std::string text = text_summary(sample_context(7200.0), {run});
  EXPECT_THAT(lines_of(text)[1], HasSubstr("interrupted: measured 30m of 2h"));
}

TEST(TextSummaryTest, UptimeWithReplicationsAndAllRequestsServed) {
  std::vector<models::RunResult> runs(2, sample_run());
  for (auto& run : runs) run.failed = 0;
  runs[0].availability_by_time = 0.999;
  runs[1].availability_by_time = 0.997;  // mean 99.8%, half-width 12.7062 x 0.001
  const std::string text = text_summary(sample_context(7200.0), runs);
  // 0.2% of a year is 17.5 h; no nines for a request availability of 100%.
  EXPECT_EQ(line_starting(text, "Uptime"),
            "Uptime     99.800% \u00b1 1.271% of the time \u00b7 17.5h down per year at that "
            "rate");
}

TEST(TextSummaryTest, RetriesWhenClientsRetried) {
  auto run = sample_run();
  run.attempts = 1515;
  run.first_attempt_completed = 909;
  run.attempt_errors = {{"timeout", 500}, {"rejected", 8}, {"dns_failure", 2}};
  const std::string text = text_summary(sample_context(7200.0), {run});
  SCOPED_TRACE(text);
  EXPECT_EQ(line_starting(text, "Retries"),
            "Retries    1,515 attempts (1.50 per request) \u00b7 first-attempt success 90.000% "
            "\u00b7 final success 99.010%");
  EXPECT_EQ(line_starting(text, "Attempts"),
            "Attempts   failed by cause: timeout 500 \u00b7 rejected 8 \u00b7 dns_failure 2");
}

TEST(TextSummaryTest, DataLossOnlyWhenWritesWereLost) {
  auto run = sample_run();
  EXPECT_EQ(line_starting(text_summary(sample_context(7200.0), {run}), "Data loss"), "");
  run.lost_writes = 88;
  EXPECT_EQ(line_starting(text_summary(sample_context(7200.0), {run}), "Data loss"),
            "Data loss  88 writes acknowledged by a failed primary, never replicated");
}

TEST(TextSummaryTest, HostMemoryColumnsOnlyWhereMemoryIsModelled) {
  auto run = sample_run();
  EXPECT_THAT(line_starting(text_summary(sample_context(7200.0), {run}), "Host"),
              Not(HasSubstr("memory")));
  models::HostResult& host = run.hosts[0];
  host.memory_bytes = 8LL << 30;
  host.mean_memory_demand_bytes = 7.5 * (1LL << 30);
  host.peak_memory_demand_bytes = 10LL << 30;
  host.memory_over_share = 0.25;
  const std::string text = text_summary(sample_context(7200.0), {run});
  SCOPED_TRACE(text);
  EXPECT_EQ(line_starting(text, "Host"),
            "Host     cores  cpu util  cpu queue  memory   mean use  peak use  over");
  EXPECT_EQ(line_starting(text, "server1"),
            "server1  4      61.0%     0.41       8.00GiB  7.50GiB   10.0GiB   25.0%");
  host.oom_kills = 3;
  EXPECT_THAT(line_starting(text_summary(sample_context(7200.0), {run}), "Host"),
              HasSubstr("over   oom kills"));
}

TEST(TextSummaryTest, DowntimeSectionListsTenWindowsAndTotals) {
  using testing::window;
  auto run = sample_run();
  run.measured_s = 7200.0;
  run.hosts[0].availability = 1.0 - 120.0 / 7200.0;
  for (int i = 0; i < 12; ++i) {
    const double start = 300.0 * (i + 1);
    run.downtime.push_back(window(i % 2 == 0 ? "db" : "web", "process_crash", start, start + 0.1));
  }
  run.downtime.insert(run.downtime.begin(), window("server1", "crash", 125.0, 245.0));
  const std::string text = text_summary(sample_context(7200.0), {run});
  SCOPED_TRACE(text);
  const auto lines = lines_of(text);
  const auto header =
      std::find(lines.begin(), lines.end(), "Downtime  cause          start    duration");
  ASSERT_NE(header, lines.end());
  EXPECT_EQ(*(header - 1), "");
  EXPECT_EQ(*(header + 1), "server1   crash          0:02:05  2m");
  EXPECT_EQ(*(header + 2), "db        process_crash  0:05:00  100ms");
  EXPECT_EQ(*(header + 10), "db        process_crash  0:45:00  100ms");
  EXPECT_EQ(*(header + 11), "... and 3 more");
  EXPECT_EQ(*(header + 12), "");
  // Per target: total, measured availability, split by cause. db is up 99.7% in sample_run.
  EXPECT_EQ(*(header + 13), "Target   down   up       by cause");
  EXPECT_EQ(*(header + 14), "db       600ms  99.700%  process_crash 600ms");
  EXPECT_EQ(*(header + 15), "server1  2.00m  98.333%  crash 2.00m");
  EXPECT_EQ(*(header + 16), "web      600ms  99.900%  process_crash 600ms");
}

TEST(TextSummaryTest, DowntimeWithReplicationsSaysWhichWindowsAreListed) {
  std::vector<models::RunResult> runs(2, sample_run());
  runs[0].downtime = {testing::window("web", "maintenance", 60.0, 150.0)};
  const std::string text = text_summary(sample_context(7200.0), runs);
  SCOPED_TRACE(text);
  EXPECT_EQ(line_starting(text, "web       maintenance"), "web       maintenance  0:01:00  90s");
  EXPECT_EQ(line_starting(text, "(windows"),
            "(windows of the first replication; the totals below are means over 2 "
            "replications)");
  EXPECT_THAT(text, HasSubstr("\nweb     45.0s  99.900%  maintenance 45.0s\n"));
}

TEST(TextSummaryTest, DowntimeSaysWhenRecordingStopped) {
  auto run = sample_run();
  run.downtime.assign(models::kMaxDowntimeWindows, testing::window("db", "crash", 1.0, 1.5));
  const std::string text = text_summary(sample_context(7200.0), {run});
  EXPECT_EQ(line_starting(text, "... and"), "... and 9,990 more (recording stopped there)");
  EXPECT_EQ(line_starting(text, "(windows past"),
            "(windows past 10,000 per replication were not recorded: the totals are lower "
            "bounds)");
  EXPECT_EQ(line_starting(text, "db      1"), "db      1.39h  99.700%  crash 1.39h");
}

TEST(TextSummaryTest, SloSection) {
  auto run = sample_run();
  run.failures_by_origin = {{"crash", 6}, {"overload", 4}};
  ReportContext context = sample_context(7200.0);
  context.slo = models::SloSpec{};
  context.slo->availability = 0.999;
  context.slo->latency_p99_ns = 500'000'000;
  const std::string text = text_summary(context, {run});
  SCOPED_TRACE(text);
  // Budget (1 - 0.999) x 1010 = 1.01 requests; 10 failed = 990.1% of it.
  EXPECT_THAT(text, HasSubstr("\n\n"
                              "SLO           target   measured  met\n"
                              "availability  99.900%  99.010%   no\n"
                              "latency p99   500ms    992ms     no\n"
                              "\n"
                              "Error budget   requests  of budget\n"
                              "allowed        1.01      100.0%\n"
                              "burned         10        990.1%\n"
                              "  failures     6         594.1%\n"
                              "  maintenance  0         0.0%\n"
                              "  overload     4         396.0%\n"));
}

TEST(TextSummaryTest, AvailabilityCheckLine) {
  findings::AvailabilityPrediction prediction;
  prediction.exact = true;
  prediction.predicted = 0.998612;
  prediction.note = "exact: exponential times to failure and to repair";
  ReportContext context = sample_context(7200.0);
  context.availability_prediction = prediction;
  std::vector<models::RunResult> runs(3, sample_run());
  runs[0].availability_by_time = 0.9983;
  runs[1].availability_by_time = 0.9985;
  runs[2].availability_by_time = 0.9987;  // mean 99.85%, s = 0.0002
  const std::string text = text_summary(context, runs);
  SCOPED_TRACE(text);
  const auto lines = lines_of(text);
  ASSERT_GE(lines.size(), 3u);
  // Half-width 4.302653 x 0.0002 / sqrt 3 = 0.0497%.
  EXPECT_EQ(lines[lines.size() - 2],
            "Availability check: CTMC predicts 99.8612%, simulated 99.850% \u00b1 0.050% (95% "
            "CI), within");
  EXPECT_EQ(lines.back(), "  exact: exponential times to failure and to repair");
  EXPECT_EQ(lines[lines.size() - 3], "");

  const std::string one = text_summary(context, {runs[0]});
  EXPECT_EQ(line_starting(one, "Availability check"),
            "Availability check: CTMC predicts 99.8612%, simulated 99.830% (one replication: no "
            "interval)");
}

TEST(TextSummaryTest, DownComponentsShowAvailability) {
  auto run = sample_run();
  const std::string text = text_summary(sample_context(7200.0), {run});
  // sample components are up 99.9%, 99.8%, 99.7% of the time; the host always.
  EXPECT_THAT(line_starting(text, "Component"), HasSubstr("  up"));
  EXPECT_THAT(line_starting(text, "db "), HasSubstr("99.700%"));
  EXPECT_THAT(line_starting(text, "Host"), Not(HasSubstr("up")));
}

}  // namespace
}  // namespace stacksim::reports
