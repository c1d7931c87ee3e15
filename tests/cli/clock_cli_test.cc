// One clock in every output: the scenario clock, 0 = the simulation's start, the warm-up
// [0, warmup) and the measured span [warmup, warmup + duration). Fault times in scenarios use
// it, and so do the downtime windows, the timeline, the CSV rows and the text report.
#include <gtest/gtest.h>

#include <sstream>

#include "tests/support/files.h"
#include "tests/support/stacksim_process.h"

namespace stacksim::testing {
namespace {

// maintenance-restart.json restarts Nginx every night at 03:00 ("start": "3h") after a 10m
// warm-up; 2 requests/s keep the week short.
const std::vector<std::string> kQuietMaintenance = {"--set", "/workload/arrivals/rate=2"};

TEST(OneClock, DowntimeWindowsAreWhereTheScenarioPutThem) {
  const auto report = run_report("scenarios/maintenance-restart.json", kQuietMaintenance);
  EXPECT_EQ(report["measured_from_s"], 600.0);
  EXPECT_EQ(report["measured_to_s"], 600.0 + 7 * 86400.0);
  const auto& windows = report["downtime"];
  ASSERT_EQ(windows.size(), 7u);
  for (std::size_t day = 0; day < windows.size(); ++day) {
    EXPECT_DOUBLE_EQ(windows[day]["start_s"].get<double>(), 10800.0 + 86400.0 * day);  // 03:00
    EXPECT_DOUBLE_EQ(windows[day]["duration_s"].get<double>(), 90.0);
  }
}

TEST(OneClock, TheTextReportSaysTheMeasuredSpanAndPrintsFaultTimesAsWritten) {
  // A crash "at": "4h" shows at 4:00:00 (it used to show at 3:55:00, since the warm-up end).
  const auto result = run_stacksim(
      {"run", "scenarios/single-server.json", "--duration", "6h", "--set",
       "/workload/arrivals/rate=2", "--set", R"(/report={"interval": "1m"})", "--set",
       R"(/faults=[{"kind": "crash", "target": "server1", "at": "4h", "duration": "10m"}])"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("measured 0:05:00\u20136:05:00 (6h after 5m warm-up)"),
            std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("\nserver1   crash  4:00:00  10m\n"), std::string::npos) << result.out;
  // The timeline: browsers give up on their SYNs about two minutes into the crash.
  EXPECT_NE(result.out.find("\nTimeline   errors 4:02:00\u20134:12:00"), std::string::npos)
      << result.out;
}

TEST(OneClock, CsvRowsStartWhenTheWarmupEnds) {
  const TempDir dir;
  const std::string csv = (dir / "series.csv").string();
  const auto result = run_stacksim({"run", "scenarios/mm1.json", "--quiet", "--duration", "60s",
                                    "--warmup", "30s", "--csv", csv});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::istringstream lines(read_file(csv));
  std::string header, first, last, line;
  std::getline(lines, header);
  std::getline(lines, first);
  for (last = first; std::getline(lines, line);) last = line;
  EXPECT_EQ(first.rfind("30,31,", 0), 0u) << first;  // one-second rows from 0:00:30
  EXPECT_EQ(last.rfind("89,90,", 0), 0u) << last;
}

TEST(OneClock, TheTimelineIsOnTheScenarioClock) {
  // The 5x spike of traffic-spike.json starts at "25m" (after a 5m warm-up), rows of 15 s.
  const auto report = run_report("scenarios/traffic-spike.json");
  ASSERT_TRUE(report.contains("timeline"));
  EXPECT_EQ(report["timeline"]["queues_build_at_s"], 1500.0);
  EXPECT_EQ(report["timeline"]["errors_start_at_s"], 1500.0);
}

TEST(OneClock, AFaultThatStartsAfterTheRunEndsIsAnInvalidScenario) {
  // retry-storm.json slows the app down "at": "15m"; with a 5m warm-up and 5m measured the run
  // ends at 10m, and the slowdown would never happen.
  const auto result = run_stacksim({"run", "scenarios/retry-storm.json", "--duration", "5m"});
  EXPECT_EQ(result.exit_code, 65);
  EXPECT_NE(result.err.find("scenarios/retry-storm.json: /faults/0/at: the window starts at 900 s"),
            std::string::npos)
      << result.err;
  EXPECT_TRUE(result.out.empty());
  // Repeated windows are judged by their first ("start"), listed ones each.
  const auto repeated = run_stacksim(
      {"validate", "scenarios/maintenance-restart.json", "--set", "/faults/0/start=\"8d\""});
  EXPECT_EQ(repeated.exit_code, 65);
  EXPECT_NE(repeated.err.find("/faults/0/start: the window starts at 691200 s"), std::string::npos)
      << repeated.err;
  const auto listed = run_stacksim(
      {"validate", "scenarios/single-server.json", "--set",
       R"(/faults=[{"kind": "crash", "target": "web", "windows": [{"start": "10m", "duration": "1m"}, {"start": "2h", "duration": "1m"}]}])"});
  EXPECT_EQ(listed.exit_code, 65);
  EXPECT_NE(listed.err.find("/faults/0/windows: the window starts at 7200 s"), std::string::npos)
      << listed.err;
  // A window inside the run is fine.
  EXPECT_EQ(run_stacksim({"validate", "scenarios/retry-storm.json"}).exit_code, 0);
}

TEST(DowntimeTruncation, TheCapCountsOnlyTheMeasuredSpanAndTheTotalsStayExact) {
  // A host crashing every 10 minutes for 10 minutes over 2000 h: about 12,000 windows, more
  // than the 10,000 listed. The total down time is exact all the same: it equals the host's
  // measured unavailability times the measured span.
  const auto report = run_report(
      "scenarios/single-server.json",
      {"--duration", "2000h", "--warmup", "100h", "--set", "/report/interval=1h", "--set",
       "/workload/arrivals/rate=0.001", "--set",

       R"(/faults=[{"kind": "crash", "target": "server1", "mtbf": {"dist": "exponential", "mean": "10m"}, "mttr": {"dist": "exponential", "mean": "10m"}}])"});
  EXPECT_EQ(report["downtime_truncated"], true);
  EXPECT_EQ(report["downtime"].size(), 10000u);
  EXPECT_GE(report["downtime"][0]["start_s"].get<double>(), 100 * 3600.0);  // none in the warm-up
  const double measured_s = 2000 * 3600.0;
  const double down_s = report["downtime_by_target"]["server1"]["crash"];
  const double up = report["hosts"]["server1"]["availability"];
  EXPECT_NEAR(down_s, (1.0 - up) * measured_s, 1e-6 * measured_s);
  EXPECT_NEAR(down_s, 0.5 * measured_s, 0.02 * measured_s);  // MTTR / (MTBF + MTTR)
}

}  // namespace
}  // namespace stacksim::testing
