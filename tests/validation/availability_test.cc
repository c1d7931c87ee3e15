// Faults and availability against their closed forms, through the real scenario files and the
// real `stacksim run` command. Seeds are fixed; tolerances are about four standard deviations
// of the estimate over 20 seeds (tests/validation/tolerance_study.py), stated beside each check.
#include <gtest/gtest.h>

#include "tests/support/stacksim_process.h"

namespace stacksim::testing {
namespace {

double count(const nlohmann::json& errors, const char* cause) {
  return errors.contains(cause) ? errors[cause].get<double>() : 0.0;
}

TEST(Availability, ExponentialFailuresGiveMtbfOverMtbfPlusMttrAndSeriesMultiply) {
  const auto report = run_report("scenarios/availability-series.json");
  const double host = 10.0 / 10.5;
  const double both = host * 4.0 / 4.2;
  EXPECT_NEAR(report["hosts"]["box"]["availability"].get<double>(), host, 0.0045);  // sd 0.0011
  EXPECT_NEAR(report["components"]["db"]["availability"].get<double>(), both, 0.0045);
  // Requests that arrive while the host is down are not all lost: browsers retransmit their SYN
  // for about two minutes and some get through once the host is back. So by requests the
  // availability is a little higher than by time, never lower.
  // The CTMC of the two targets' up/down states agrees with the closed form, and the
  // simulated time-based availability with both.
  const auto& check = report["availability_check"];
  EXPECT_EQ(check["method"], "ctmc");
  EXPECT_EQ(check["exact"], true);
  EXPECT_NEAR(check["predicted"].get<double>(), both, 1e-9);
  EXPECT_NEAR(check["simulated"].get<double>(), both, 0.0045);
  EXPECT_NEAR(report["summary"]["availability_by_time"].get<double>(), both, 0.0045);
  const double by_requests = report["summary"]["availability"];
  EXPECT_GE(by_requests, both - 0.0045);
  EXPECT_LE(by_requests, both + 0.006);
}

TEST(Availability, TwoBackendsBehindABalancerAreDownOnlyWhenBothAre) {
  // distributed.json's two application hosts each crash (MTBF 10 h, MTTR 2 h, exponential);
  // every class reaches web and app on either. The service is down only while both hosts are:
  // 1 - (2 / 12)^2 = 1 - (1/6)^2 = 0.972222 (the CTMC of the two hosts). The balancer's health
  // checks take a few seconds to notice, which the chain leaves out (about 1e-4 here).
  const auto report = run_report(
      "scenarios/distributed.json",
      {"--duration", "20000h", "--warmup", "0s", "--set", "/report/interval=1h", "--set",
       "/workload/arrivals/rate=0.01", "--set",

       R"(/faults=[{"kind": "crash", "target": "app1", "mtbf": {"dist": "exponential", "mean": "10h"}, "mttr": {"dist": "exponential", "mean": "2h"}}, {"kind": "crash", "target": "app2", "mtbf": {"dist": "exponential", "mean": "10h"}, "mttr": {"dist": "exponential", "mean": "2h"}}])"});
  const double both_down = (2.0 / 12.0) * (2.0 / 12.0);
  const auto& check = report["availability_check"];
  EXPECT_EQ(check["exact"], true);
  EXPECT_NEAR(check["predicted"].get<double>(), 1.0 - both_down, 1e-9);
  EXPECT_NEAR(report["summary"]["availability_by_time"].get<double>(), 1.0 - both_down,
              0.007);  // sd 0.00175 over 20 seeds
  // Each host alone is down 1/6 of the time.
  EXPECT_NEAR(report["hosts"]["app1"]["availability"].get<double>(), 5.0 / 6.0, 0.02);
}

TEST(Availability, MaintenanceTakesItsTargetDownForDurationOverEvery) {
  // 7 nightly windows of 90 s in 7 days; 2 requests/s keep the run short.
  const std::vector<std::string> args = {"--set", "/workload/arrivals/rate=2"};
  const auto restart = run_report("scenarios/maintenance-restart.json", args);
  EXPECT_NEAR(restart["components"]["web"]["availability"].get<double>(), 1.0 - 630.0 / 604800.0,
              1e-9);
  EXPECT_DOUBLE_EQ(restart["components"]["app"]["availability"].get<double>(), 1.0);
  // The requests that arrive in the windows fail: 2/s x 630 s = 1260, Poisson sd 35.
  const double failed = restart["summary"]["failed"];
  EXPECT_NEAR(failed, 1260.0, 150.0);
  EXPECT_EQ(count(restart["summary"]["errors"], "component_down"), failed);

  std::vector<std::string> graceful_args = args;
  graceful_args.insert(graceful_args.end(), {"--set", "/faults/0/mode=graceful"});
  const auto graceful = run_report("scenarios/maintenance-restart.json", graceful_args);
  // Graceful refuses the same arrivals (same random streams) but loses none it had accepted.
  EXPECT_LT(graceful["summary"]["failed"].get<double>(), failed);
  EXPECT_EQ(graceful["components"]["web"]["availability"],
            restart["components"]["web"]["availability"]);
}

TEST(Availability, DnsOutageShorterThanTheTtlCostsCachedClientsAlmostNothing) {
  // 2-minute outage, 100 requests/s: 12,000 requests fall in it.
  const auto long_ttl = run_report("scenarios/dns-outage.json");
  EXPECT_LT(count(long_ttl["summary"]["errors"], "dns_failure"), 0.05 * 12000);
  EXPECT_NEAR(long_ttl["components"]["dns"]["availability"].get<double>(), 1.0 - 2.0 / 120.0, 1e-9);

  const auto short_ttl =
      run_report("scenarios/dns-outage.json", {"--set", "/components/dns/records/0/ttl=\"30s\""});
  // Every cached answer runs out during the outage: most requests in it fail.
  EXPECT_GT(count(short_ttl["summary"]["errors"], "dns_failure"), 0.8 * 12000);
  EXPECT_LT(count(short_ttl["summary"]["errors"], "dns_failure"), 12000 * 1.05);
}

TEST(Availability, RetriesTurnABriefSlowdownIntoSustainedOverload) {
  const auto storm = run_report("scenarios/retry-storm.json");
  const auto calm =
      run_report("scenarios/retry-storm.json", {"--set", "/workload/client/retries=0"});
  // Without retries the one-minute slowdown costs about two minutes of a 30-minute run.
  EXPECT_GT(calm["summary"]["availability"].get<double>(), 0.9);
  // With them, the retried attempts keep the app saturated long after the slowdown: the
  // attempts per request climb towards 1 + retries and most requests fail.
  EXPECT_LT(storm["summary"]["availability"].get<double>(), 0.5);
  const double attempts = storm["summary"]["attempts"];
  const double offered = storm["summary"]["offered"];
  EXPECT_GT(attempts / offered, 2.5);
  EXPECT_EQ(calm["summary"]["attempts"], calm["summary"]["offered"]);
}

}  // namespace
}  // namespace stacksim::testing
