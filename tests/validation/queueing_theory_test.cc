// Simulation against queueing theory, through the real scenario files and the real
// `stacksim run` command. Seeds are fixed, so these never flake. Each tolerance is about four
// standard deviations of the estimate at the run length used, as measured over 20 seeds by
// tests/validation/tolerance_study.py (the sd is stated beside each check): a modelling error
// larger than that fails the test.
#include <gtest/gtest.h>

#include "tests/support/stacksim_process.h"
#include "tests/validation/queueing_formulas.h"

namespace stacksim::testing {
namespace {

double relative_error(double measured, double expected) {
  return std::abs(measured - expected) / expected;
}

TEST(QueueingTheory, MM1MatchesTheClosedForm) {
  // rho = 0.8: R = S / (1 - rho) = 5 ms, L = rho / (1 - rho) = 4.
  const auto report = run_report("scenarios/mm1.json", {"--set", "/workload/arrivals/rate=800"});
  const auto& summary = report["summary"];
  EXPECT_LT(relative_error(summary["latency_s"]["mean"], 0.005), 0.025);  // sd 0.55%
  EXPECT_LT(relative_error(summary["mean_in_system"], 4.0), 0.025);       // sd 0.60%
  EXPECT_NEAR(report["components"]["server"]["utilization"].get<double>(), 0.8, 0.005);
  // Exponential response time: p99 = R ln(100).
  EXPECT_LT(relative_error(summary["latency_s"]["p99"], 0.005 * std::log(100.0)),
            0.045);  // sd 1.1%
}

TEST(QueueingTheory, MMcMatchesErlangC) {
  // The published example: lambda = 0.35/min, S = 10 min, c = 4 gives R = 24.7572 min.
  const double expected_min = mmc_response(4, 0.35, 10.0);
  ASSERT_NEAR(expected_min, 24.7572, 1e-4);
  const auto report = run_report("scenarios/mmc.json");
  const double measured_min = report["summary"]["latency_s"]["mean"].get<double>() / 60.0;
  EXPECT_LT(relative_error(measured_min, expected_min), 0.025);  // sd 0.6% over 8000 days
  EXPECT_NEAR(report["components"]["servers"]["utilization"].get<double>(), 0.875, 0.01);
}

TEST(QueueingTheory, MD1MatchesPollaczekKhinchine) {
  // W = rho S / (2 (1 - rho)) = 2 ms at rho = 0.8, S = 1 ms.
  const auto report = run_report("scenarios/md1.json");
  const auto& server = report["components"]["server"];
  EXPECT_LT(relative_error(server["mean_wait_s"], 0.002), 0.025);  // sd 0.59%
  EXPECT_LT(relative_error(report["summary"]["latency_s"]["mean"], 0.003), 0.02);
}

TEST(QueueingTheory, LossSystemMatchesErlangB) {
  const double expected = erlang_b(10, 8.0);  // 0.12166
  const auto report = run_report("scenarios/erlang-b.json");
  const auto& summary = report["summary"];
  const double blocked =
      summary["errors"]["rejected"].get<double>() / summary["offered"].get<double>();
  EXPECT_NEAR(blocked, expected, 0.003);  // sd 0.00074
  EXPECT_EQ(report["components"]["trunk"]["rejected"], summary["errors"]["rejected"]);
}

TEST(QueueingTheory, FiniteWaitingRoomMatchesTheBirthDeathChain) {
  const double expected = mmck_blocking(2, 5, 180.0, 0.010);  // 0.14108
  const auto report = run_report("scenarios/mmck.json");
  const auto& summary = report["summary"];
  const double blocked =
      summary["errors"]["rejected"].get<double>() / summary["offered"].get<double>();
  EXPECT_NEAR(blocked, expected, 0.003);  // sd 0.00068
}

TEST(QueueingTheory, TandemMatchesJacksonNetwork) {
  const double parse = mmc_response(1, 100.0, 0.005);
  const double render = mmc_response(2, 100.0, 0.015);
  const double store = mmc_response(1, 100.0, 0.008);
  const auto report = run_report("scenarios/tandem.json");
  const auto& components = report["components"];
  EXPECT_LT(relative_error(components["parse"]["mean_response_s"], parse), 0.03);
  EXPECT_LT(relative_error(components["render"]["mean_response_s"], render), 0.03);
  EXPECT_LT(relative_error(components["store"]["mean_response_s"], store), 0.03);
  EXPECT_LT(relative_error(report["summary"]["latency_s"]["mean"], parse + render + store),
            0.02);  // sd 0.48%
}

TEST(QueueingTheory, ClosedSystemMatchesExactMva) {
  const MvaResult mva = mva_single_station(20, 0.040, 1.0);  // X = 18.0027/s, R = 110.94 ms
  const auto report = run_report("scenarios/closed-think.json");
  const auto& summary = report["summary"];
  EXPECT_LT(relative_error(summary["throughput_rps"], mva.throughput), 0.005);   // sd 0.11%
  EXPECT_LT(relative_error(summary["latency_s"]["mean"], mva.response), 0.015);  // sd 0.35%
}

TEST(QueueingTheory, LittlesLawHoldsOnTheWholeStack) {
  // L = X R over the whole single-server stack: DNS, TCP set-up, Nginx, PHP-FPM and MySQL.
  const auto report = run_report("scenarios/single-server.json");
  const auto& summary = report["summary"];
  ASSERT_EQ(summary["failed"], 0);
  const double x = summary["throughput_rps"];
  const double r = summary["latency_s"]["mean"];
  EXPECT_LT(relative_error(summary["mean_in_system"], x * r), 0.01);
}

}  // namespace
}  // namespace stacksim::testing
