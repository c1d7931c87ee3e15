#include "reports/text_summary.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "tests/reports/run_result_builder.h"

namespace stacksim::reports {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::sample_run;

ReportContext sample_context() {
  ReportContext c;
  c.tool_version = "0.1.0";
  c.scenario_name = "foobar-single-server";
  c.scenario_file = "scenarios/single-server.json";
  c.seed = 42;
  c.duration_s = 7200.0;
  c.warmup_s = 300.0;
  c.wall_seconds = 12.34;
  return c;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

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
  const std::string text = text_summary(sample_context(), {run});
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
}

TEST(TextSummaryTest, TablesAreAligned) {
  const std::string text = text_summary(sample_context(), {sample_run()});
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
  const std::string text = text_summary(sample_context(), runs);
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
  const std::string text = text_summary(sample_context(), {run});
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
  const std::string text = text_summary(sample_context(), {run});
  EXPECT_EQ(line_starting(text, "Errors"), "Errors     none");
  EXPECT_EQ(line_starting(text, "Latency"), "Latency    no completed requests");
  EXPECT_THAT(line_starting(text, "Requests"), HasSubstr("availability 0.000%"));
  EXPECT_EQ(line_starting(text, "Bottleneck"), "");
}

TEST(TextSummaryTest, InterruptedRunSaysHowFarItGot) {
  auto run = sample_run();
  run.interrupted = true;
  run.measured_s = 1800.0;
  const std::string text = text_summary(sample_context(), {run});
  EXPECT_THAT(lines_of(text)[1], HasSubstr("interrupted: measured 30m of 2h"));
}

TEST(TextSummaryTest, DownComponentsShowAvailability) {
  auto run = sample_run();
  const std::string text = text_summary(sample_context(), {run});
  // sample components are up 99.9%, 99.8%, 99.7% of the time; the host always.
  EXPECT_THAT(line_starting(text, "Component"), HasSubstr("  up"));
  EXPECT_THAT(line_starting(text, "db "), HasSubstr("99.700%"));
  EXPECT_THAT(line_starting(text, "Host"), Not(HasSubstr("up")));
}

}  // namespace
}  // namespace stacksim::reports
