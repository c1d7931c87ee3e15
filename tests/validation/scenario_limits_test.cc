// The limits of one box and what the remedies buy, through the shipped scenario files and the
// real `stacksim run` command: a small listen backlog, a slow database, a box near saturation,
// a traffic spike, memory pressure, and the distributed design's behaviour when a backend or the
// database primary fails. Seeds are fixed; bounds are stated
// beside each check with where they come from.
#include <gtest/gtest.h>

#include "tests/support/stacksim_process.h"

namespace stacksim::testing {
namespace {

TEST(ScenarioLimits, SmallBacklogGivesTheSynRetransmitSteps) {
  // Dropped SYNs are retransmitted after 1 s, 3 s and 7 s in all: about 7% of connection
  // attempts are dropped, so the p99 sits on the first step and the slowest requests on the
  // third, while hardly any request fails.
  const auto report = run_report("scenarios/syn-backlog.json");
  const auto& latency = report["summary"]["latency_s"];
  EXPECT_GT(report["components"]["web"]["rejected"].get<double>(), 0.03 * 739000);
  EXPECT_LT(latency["p90"].get<double>(), 1.0);
  EXPECT_GE(latency["p99"].get<double>(), 1.0);
  EXPECT_LT(latency["p99"].get<double>(), 3.0);
  EXPECT_GE(latency["p999"].get<double>(), 3.0);
  EXPECT_GE(latency["max"].get<double>(), 7.0);
  EXPECT_LT(report["summary"]["failed"].get<double>(), 1e-4 * 739000);
}

TEST(ScenarioLimits, SlowDatabaseStarvesAppWorkersAndMoreCoresDoNotHelp) {
  const auto report = run_report("scenarios/slow-database.json");
  EXPECT_EQ(report["bottleneck"]["name"], "app");
  EXPECT_GT(report["components"]["app"]["utilization"].get<double>(), 0.99);
  EXPECT_LT(report["components"]["db"]["utilization"].get<double>(), 0.1);
  EXPECT_LT(report["hosts"]["server1"]["cpu_utilization"].get<double>(), 0.5);
  const double availability = report["summary"]["availability"];
  EXPECT_LT(availability, 0.9);  // the listen backlog overflows: requests are rejected
  // Four times the cores: the workers still wait on the disk, nothing changes.
  const auto bigger =
      run_report("scenarios/slow-database.json", {"--set", "/hosts/server1/cores=16"});
  EXPECT_NEAR(bigger["summary"]["availability"].get<double>(), availability, 0.01);
  EXPECT_EQ(bigger["bottleneck"]["name"], "app");
}

TEST(ScenarioLimits, NearSaturationTheHostCpuIsTheBottleneck) {
  // 360 requests/s of single-server.json's mix need 0.9 x 4 cores (see the scenario's comment).
  const auto report = run_report("scenarios/near-saturation.json");
  EXPECT_EQ(report["bottleneck"]["name"], "server1");
  EXPECT_EQ(report["bottleneck"]["resource"], "cpu");
  EXPECT_NEAR(report["hosts"]["server1"]["cpu_utilization"].get<double>(), 0.9, 0.02);
  EXPECT_EQ(report["summary"]["failed"], 0);
  EXPECT_FALSE(report.contains("timeline"));  // busy throughout: a steady state, not an event
}

TEST(ScenarioLimits, TrafficSpikeTimelineShowsBuildUpErrorsAndRecovery) {
  // The 5x spike runs from 25m to 27m on the scenario clock (1500 s to 1620 s, the warm-up
  // included, as every report time); the time series has 15 s rows.
  const auto report = run_report("scenarios/traffic-spike.json");
  ASSERT_TRUE(report.contains("timeline"));
  const auto& t = report["timeline"];
  EXPECT_EQ(t["queues_build_at_s"], 1500.0);  // in the spike's first row, not before
  EXPECT_EQ(t["errors_start_at_s"], 1500.0);
  const double errors_end = t["errors_end_at_s"];
  EXPECT_GE(errors_end, 1620.0);  // errors last as long as the spike
  EXPECT_LE(errors_end, 1680.0);  // and the queues drain within a few rows after it
  EXPECT_GT(t["peak_error_rate"].get<double>(), 0.2);  // 750/s offered, about 390/s served
  ASSERT_FALSE(t["recovered_at_s"].is_null());
  EXPECT_GE(t["recovered_at_s"].get<double>(), errors_end);
  EXPECT_LE(t["recovery_s"].get<double>(), 60.0);

  // Without the spike nothing builds up and the report has no timeline.
  const auto calm = run_report("scenarios/traffic-spike.json",
                               {"--set", "/workload/arrivals/profile/1/factor=1"});
  EXPECT_FALSE(calm.contains("timeline"));
  EXPECT_EQ(calm["summary"]["failed"], 0);
}

TEST(ScenarioLimits, MoreWorkersThanMemoryAllowsMakeTheBoxWorse) {
  // 5 GiB buffer pool + 64 MiB Nginx + 80 MiB per busy PHP-FPM worker on an 8 GiB host: up to
  // 38 busy workers fit. 32 never overflow; 64 pile up once swapping slows them down.
  const auto fits = run_report("scenarios/memory-pressure.json");
  const auto swaps =
      run_report("scenarios/memory-pressure.json", {"--set", "/components/app/workers=64"});
  const auto& fits_memory = fits["hosts"]["server1"]["memory"];
  EXPECT_EQ(fits_memory["bytes"], 8LL << 30);
  EXPECT_EQ(fits_memory["over_share"], 0.0);
  EXPECT_LE(fits_memory["peak_demand_bytes"].get<double>(),
            (5LL << 30) + (64LL << 20) + 32 * (80LL << 20));
  EXPECT_EQ(fits["summary"]["failed"], 0);

  EXPECT_GT(swaps["hosts"]["server1"]["memory"]["over_share"].get<double>(), 0.5);
  EXPECT_LT(swaps["summary"]["availability"].get<double>(), 0.8);
  EXPECT_GT(swaps["summary"]["latency_s"]["p99"].get<double>(),
            5 * fits["summary"]["latency_s"]["p99"].get<double>());

  // Under "oom_kill" the kernel kills MySQL, the largest process, again and again.
  const auto killed =
      run_report("scenarios/memory-pressure.json", {"--set", "/components/app/workers=64", "--set",
                                                    "/hosts/server1/memory_pressure=\"oom_kill\""});
  EXPECT_GT(killed["hosts"]["server1"]["memory"]["oom_kills"].get<double>(), 0.0);
  EXPECT_LT(killed["components"]["db"]["availability"].get<double>(), 1.0);
  EXPECT_EQ(killed["summary"]["failures_by_origin"]["oom_kill"], killed["summary"]["failed"]);
}

// distributed.json for 30 measured minutes with one fault.
nlohmann::json distributed_with(const std::string& fault, std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"--duration", "30m", "--set", "/faults=[" + fault + "]"};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_report("scenarios/distributed.json", args);
}

TEST(ScenarioLimits, AFailedBackendCostsOnlyTheHealthCheckWindow) {
  // app1 (Nginx + PHP-FPM) fails at 20m for 5 minutes. Checks every 2 s, 3 failures to mark it
  // down: it keeps receiving half of the 150 requests/s for 4 to 6 s, 300 to 450 requests,
  // with a Poisson allowance of 4 sd (85) either side. Afterwards app2 serves everything.
  const auto report =
      distributed_with(R"({"kind": "crash", "target": "app1", "at": "20m", "duration": "5m"})");
  const double failed = report["summary"]["failed"];
  EXPECT_GT(failed, 300.0 - 85.0);
  EXPECT_LT(failed, 450.0 + 85.0);
  EXPECT_EQ(report["summary"]["failures_by_origin"]["crash"], failed);
  EXPECT_NEAR(report["hosts"]["app1"]["availability"].get<double>(), 25.0 / 30.0, 1e-9);
  // app2 carries its half all along and everything for the 295 s app1 is out of the pool: on
  // average 75 x (1 + 295/1800) requests/s over the 30 minutes, Poisson sd 0.2.
  EXPECT_NEAR(report["components"]["web@app2"]["throughput_rps"].get<double>(),
              75.0 * (1.0 + 295.0 / 1800.0), 0.8);
}

TEST(ScenarioLimits, FailoverFromALaggingPrimaryLosesTheWritesOfTheLag) {
  // db1, the primary, fails at 20m; a replica is promoted 30 s later. Writes (checkout, 15/s with
  // 4 queries each) fail meanwhile: 15 x 30 = 450 requests; reads keep going to the replica.
  // The writes acknowledged in the last second (replication_lag 1s) never reached the replica:
  // 60 on average over 10 replications, sd of the mean about 8 (4 writes per request).
  const auto report = distributed_with(
      R"({"kind": "crash", "target": "db1", "at": "20m", "duration": "10m"})",
      {"--set", "/components/db/failover=\"30s\"", "--replications", "10", "--threads", "2"});
  EXPECT_NEAR(report["summary"]["failed"].get<double>(), 450.0, 4 * std::sqrt(450.0));
  EXPECT_NEAR(report["summary"]["lost_writes"].get<double>(), 60.0, 32.0);
  EXPECT_NEAR(report["components"]["db@db1"]["availability"].get<double>(), 2.0 / 3.0, 1e-9);
}

}  // namespace
}  // namespace stacksim::testing
