// What a run means, as `stacksim run` reports it: the two availabilities, the bottleneck and its
// evidence, the timeline against the run's own baseline, counts and intervals.
#include <gtest/gtest.h>

#include <regex>

#include "tests/support/stacksim_process.h"

namespace stacksim::testing {
namespace {

std::string line_starting(const std::string& text, const std::string& prefix) {
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(prefix, 0) == 0) return line;
  }
  return "";
}

// The summary with its lines whole (--wide), one fact line per section.
std::string run_text(const std::string& scenario, std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"run", scenario, "--wide"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto result = run_stacksim(args);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return result.out;
}

// --- request availability and time availability -------------------------------------------

TEST(Availabilities, RequestsAndTimeAreNamedApartAndOverloadIsNotDowntime) {
  // slow-database.json fails about a fifth of its requests while nothing is ever down.
  const std::string text = run_text("scenarios/slow-database.json");
  const std::string requests = line_starting(text, "Requests");
  const std::string uptime = line_starting(text, "Uptime");
  EXPECT_NE(requests.find("(request availability)"), std::string::npos) << requests;
  EXPECT_NE(uptime.find("100% of the time every component a request needs was up "
                        "(time availability)"),
            std::string::npos)
      << uptime;
  EXPECT_NE(uptime.find("the failed requests failed while everything was up"), std::string::npos)
      << uptime;
  EXPECT_EQ(uptime.find("per year"), std::string::npos) << uptime;
}

TEST(Availabilities, OneOutageIsNotExtrapolatedToAYear) {
  // One 4-hour outage in a 12-hour run used to print "122d down per year at that rate".
  const std::vector<std::string> args = {
      "--duration",
      "12h",
      "--set",
      "/workload/arrivals/rate=2",
      "--set",
      R"(/faults=[{"kind": "crash", "target": "server1", "at": "2h", "duration": "4h"}])"};
  const auto report = run_report("scenarios/single-server.json", args);
  EXPECT_EQ(report["summary"]["service_outages"], 1);
  EXPECT_TRUE(report["summary"]["downtime_per_year_s"].is_null());
  EXPECT_TRUE(report["summary"]["downtime_per_year_basis"].is_null());
  EXPECT_NEAR(report["summary"]["downtime_s"].get<double>(), 4 * 3600.0, 1.0);
  const std::string uptime =
      line_starting(run_text("scenarios/single-server.json", args), "Uptime");
  EXPECT_NE(uptime.find("4.00h down in 12.0h"), std::string::npos) << uptime;
  EXPECT_NE(uptime.find("too few outages (1) to extrapolate to a year"), std::string::npos)
      << uptime;
}

TEST(Availabilities, AYearOfRandomCrashesSaysWhatItMeasured) {
  const auto report = run_report("scenarios/spof-host-failure.json");
  EXPECT_EQ(report["summary"]["downtime_per_year_basis"], "measured");
  const double a = report["summary"]["availability_by_time"];
  EXPECT_NEAR(report["summary"]["downtime_per_year_s"].get<double>(), (1 - a) * 365.25 * 86400,
              1e-6);
  // Two weeks of the same crashes: too few outages for a rate; a month of hourly ones: enough.
  const auto short_run = run_report("scenarios/spof-host-failure.json", {"--duration", "14d"});
  EXPECT_NE(short_run["summary"]["downtime_per_year_basis"], "extrapolated");
  const auto frequent = run_report(
      "scenarios/spof-host-failure.json",
      {"--duration", "30d", "--set", R"(/faults/0/mtbf={"dist": "exponential", "mean": "1d"})"});
  EXPECT_GE(frequent["summary"]["service_outages"].get<double>(), 10.0);
  EXPECT_EQ(frequent["summary"]["downtime_per_year_basis"], "extrapolated");
}

// --- the bottleneck: what limits, with its evidence --------------------------------------

TEST(Bottleneck, SlowDatabaseRunsOutOfPhpFpmWorkers) {
  const auto report = run_report("scenarios/slow-database.json");
  const auto& b = report["bottleneck"];
  EXPECT_EQ(b["name"], "app");
  EXPECT_EQ(b["resource"], "workers");
  EXPECT_EQ(b["because"], "rejections");
  EXPECT_GT(b["rejected"].get<double>(), 0.1 * report["summary"]["offered"].get<double>());
  EXPECT_GT(b["utilization"].get<double>(), 0.95);
  EXPECT_LT(report["hosts"]["server1"]["cpu_utilization"].get<double>(), 0.5);  // CPU idle
  const std::string line = line_starting(run_text("scenarios/slow-database.json"), "Bottleneck");
  EXPECT_NE(line.find("Bottleneck: app workers (PHP-FPM children): "), std::string::npos) << line;
  EXPECT_NE(line.find("requests rejected"), std::string::npos) << line;
}

TEST(Bottleneck, SixtyFourWorkersSwapTheHost) {
  const auto report =
      run_report("scenarios/memory-pressure.json", {"--set", "/components/app/workers=64"});
  const auto& b = report["bottleneck"];
  EXPECT_EQ(b["name"], "server1");
  EXPECT_EQ(b["resource"], "memory");
  EXPECT_GT(b["memory_over_share"].get<double>(), 0.5);
  // With 32 workers everything fits and memory is not what limits.
  const auto fits = run_report("scenarios/memory-pressure.json");
  EXPECT_NE(fits["bottleneck"]["resource"], "memory");
}

TEST(Bottleneck, TheSpofRunIsLimitedByTheHostBeingDown) {
  const auto report = run_report("scenarios/spof-host-failure.json");
  const auto& b = report["bottleneck"];
  EXPECT_EQ(b["name"], "server1");
  EXPECT_EQ(b["resource"], "down");
  EXPECT_EQ(b["because"], "down");
  EXPECT_NEAR(b["down_s"].get<double>(),
              report["downtime_by_target"]["server1"]["crash"].get<double>(), 1e-6);
  const std::string line =
      line_starting(run_text("scenarios/spof-host-failure.json"), "Bottleneck");
  EXPECT_EQ(line.rfind("Bottleneck: server1 down: down ", 0), 0u) << line;
}

TEST(Bottleneck, TheTrafficSpikeIsLimitedByTheWorkersThatTurnedRequestsAway) {
  // Over the whole run the CPU is about 40% busy, but the app turned tens of thousands of
  // requests away during the spike.
  const auto report = run_report("scenarios/traffic-spike.json");
  const auto& b = report["bottleneck"];
  EXPECT_EQ(b["name"], "app");
  EXPECT_EQ(b["resource"], "workers");
  EXPECT_EQ(b["rejected"], report["components"]["app"]["rejected"]);
  EXPECT_GT(b["rejected"].get<double>(), 10000.0);
}

TEST(Bottleneck, NearSaturationRequestsWaitForTheCpu) {
  const auto report = run_report("scenarios/near-saturation.json");
  const auto& b = report["bottleneck"];
  EXPECT_EQ(b["name"], "server1");
  EXPECT_EQ(b["resource"], "cpu");
  EXPECT_EQ(b["because"], "waiting");
  EXPECT_NEAR(b["utilization"].get<double>(), 0.9, 0.02);
  EXPECT_GT(b["wait_share"].get<double>(), 0.05);
  const std::string line = line_starting(run_text("scenarios/near-saturation.json"), "Bottleneck");
  EXPECT_NE(line.find("of latency spent waiting for it"), std::string::npos) << line;
}

// --- the timeline against the run's own baseline ----------------------------------------

TEST(Timeline, ARetryStormWithoutRetriesHasATimelineDespiteItsNormalQueue) {
  // retry-storm.json's app normally holds about 1.5 requests in its queue; a fixed threshold of
  // 1 used to call the first interval trouble and leave the run without a timeline.
  const auto report =
      run_report("scenarios/retry-storm.json", {"--set", "/workload/client/retries=0"});
  ASSERT_TRUE(report.contains("timeline"));
  const auto& t = report["timeline"];
  EXPECT_GE(t["errors_start_at_s"].get<double>(), 900.0);  // the slowdown starts at 15m
  EXPECT_LE(t["errors_start_at_s"].get<double>(), 960.0);
  ASSERT_FALSE(t["recovered_at_s"].is_null());
  EXPECT_LE(t["recovered_at_s"].get<double>(), 900.0 + 5 * 60.0);  // back within minutes
}

// --- counts and intervals ------------------------------------------------------------------

TEST(Counts, NoClassCompletesMoreThanItWasOffered) {
  const auto report = run_report("scenarios/single-server.json", {"--duration", "20m"});
  for (const auto& [name, c] : report["classes"].items()) {
    EXPECT_LE(c["completed"].get<double>() + c["failed"].get<double>(), c["offered"].get<double>())
        << name;
  }
  EXPECT_LE(report["summary"]["completed"].get<double>(),
            report["summary"]["offered"].get<double>());
}

TEST(Counts, MeansOfCountsAndIntervalsPrintWithSensiblePrecision) {
  const std::string text =
      run_text("scenarios/single-server.json", {"--duration", "20m", "--replications", "3"});
  const std::string requests = line_starting(text, "Requests");
  EXPECT_NE(requests.find("mean per replication: offered "), std::string::npos) << requests;
  // Means of large counts are whole numbers: no "180,370.7".
  EXPECT_FALSE(std::regex_search(requests, std::regex(R"(\d{3}\.\d)"))) << requests;
  const std::string latency = line_starting(text, "Latency");
  EXPECT_TRUE(
      std::regex_search(latency, std::regex("p99 \\d+(\\.\\d+)?ms \u00b1 <?\\d+(\\.\\d+)?ms")))
      << latency;
  EXPECT_EQ(latency.find("0.000000"), std::string::npos) << latency;
}

TEST(Confidence, EveryComponentAndHostHasItsIntervals) {
  const auto report =
      run_report("scenarios/single-server.json", {"--duration", "20m", "--replications", "3"});
  const auto& app = report["confidence"]["components"]["app"]["utilization"];
  EXPECT_NEAR(app["mean"].get<double>(), report["components"]["app"]["utilization"].get<double>(),
              1e-12);
  EXPECT_GT(app["half_width"].get<double>(), 0.0);
  EXPECT_LE(app["low"].get<double>(), app["mean"].get<double>());
  EXPECT_GE(app["high"].get<double>(), app["mean"].get<double>());
  for (const char* key : {"mean_queue_length", "mean_wait_s", "mean_response_s", "throughput_rps",
                          "rejected", "availability"}) {
    EXPECT_TRUE(report["confidence"]["components"]["db"].contains(key)) << key;
  }
  EXPECT_GT(report["confidence"]["hosts"]["server1"]["cpu_utilization"]["half_width"].get<double>(),
            0.0);
  // One replication has no intervals at all.
  EXPECT_FALSE(run_report("scenarios/mm1.json", {"--duration", "60s"}).contains("confidence"));
}

}  // namespace
}  // namespace stacksim::testing
