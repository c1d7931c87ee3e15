#include "analysis/open_network.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "analysis/erlang.h"

namespace stacksim::analysis {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

OpenStation queue(const std::string& name, double service_s, int servers = 1, double visits = 1.0) {
  return {name, visits, service_s, StationKind::kQueue, servers};
}

TEST(OpenNetworkTest, ThreeStationTandem) {
  // 100/s through web (1 x 5 ms), app (2 x 15 ms), db (1 x 8 ms).
  const auto solution = solve_open_network(
      {100.0, {queue("web", 0.005), queue("app", 0.015, 2), queue("db", 0.008)}});
  ASSERT_TRUE(solution.ok()) << solution.error();
  ASSERT_EQ(solution->stations.size(), 3u);
  const auto& web = solution->stations[0];
  const auto& app = solution->stations[1];
  const auto& db = solution->stations[2];
  EXPECT_DOUBLE_EQ(web.utilization, 0.5);
  EXPECT_DOUBLE_EQ(app.utilization, 0.75);
  EXPECT_DOUBLE_EQ(db.utilization, 0.8);
  // M/M/1: S / (1 - rho). M/M/2: C = 2 rho^2 / (1 + rho) = 9/14, wait C S / (c - a).
  EXPECT_NEAR(web.response_s, 0.010, 1e-12);
  EXPECT_NEAR(app.wait_probability, 9.0 / 14.0, 1e-12);
  EXPECT_NEAR(app.waiting_s, 9.0 / 14.0 * 0.015 / 0.5, 1e-12);
  EXPECT_NEAR(app.response_s, 0.0342857142857, 1e-12);
  EXPECT_NEAR(db.response_s, 0.040, 1e-12);
  EXPECT_NEAR(app.queue_length, 100.0 * app.response_s, 1e-12);  // Little
  EXPECT_TRUE(solution->stable);
  EXPECT_NEAR(solution->response_s * 1e3, 84.2857, 1e-4);
  EXPECT_NEAR(solution->requests_in_system, 100.0 * solution->response_s, 1e-12);
}

TEST(OpenNetworkTest, VisitsScaleTheLoadAndTheResidence) {
  // Three db queries per request, 4 ms each, at 50 requests/s: rho = 0.6.
  const auto solution = solve_open_network({50.0, {queue("db", 0.004, 1, 3.0)}});
  ASSERT_TRUE(solution.ok()) << solution.error();
  const auto& db = solution->stations[0];
  EXPECT_NEAR(db.utilization, 0.6, 1e-15);
  EXPECT_NEAR(db.response_s, 0.004 / 0.4, 1e-15);
  EXPECT_NEAR(db.residence_s, 3.0 * 0.004 / 0.4, 1e-15);
  EXPECT_NEAR(db.queue_length, 150.0 * db.response_s, 1e-12);
  EXPECT_DOUBLE_EQ(solution->response_s, db.residence_s);
}

TEST(OpenNetworkTest, MultiServerStationMatchesMmc) {
  // The M/M/4 example in seconds: 0.35 per minute, 10 minutes of service.
  const auto solution = solve_open_network({0.35 / 60.0, {queue("pool", 600.0, 4)}});
  ASSERT_TRUE(solution.ok()) << solution.error();
  EXPECT_NEAR(solution->stations[0].response_s / 60.0, 24.7572, 1e-4);
  EXPECT_NEAR(solution->stations[0].response_s, mmc_response_s(4, 0.35 / 60.0, 600.0), 1e-9);
}

TEST(OpenNetworkTest, DelayStationNeverWaits) {
  const auto solution =
      solve_open_network({200.0, {OpenStation{"wan", 2.0, 0.030, StationKind::kDelay, 1}}});
  ASSERT_TRUE(solution.ok()) << solution.error();
  const auto& wan = solution->stations[0];
  EXPECT_TRUE(wan.stable);
  EXPECT_DOUBLE_EQ(wan.utilization, 200.0 * 2.0 * 0.030);  // 12 requests there on average
  EXPECT_EQ(wan.wait_probability, 0.0);
  EXPECT_EQ(wan.waiting_s, 0.0);
  EXPECT_DOUBLE_EQ(wan.response_s, 0.030);
  EXPECT_DOUBLE_EQ(wan.residence_s, 0.060);
  EXPECT_DOUBLE_EQ(wan.queue_length, 12.0);
}

TEST(OpenNetworkTest, UnstableStationIsReportedNotFatal) {
  const auto solution =
      solve_open_network({100.0, {queue("web", 0.005), queue("db", 0.010), queue("app", 0.02, 2)}});
  ASSERT_TRUE(solution.ok()) << solution.error();
  EXPECT_FALSE(solution->stable);
  const auto& web = solution->stations[0];
  const auto& db = solution->stations[1];   // rho = 1 exactly
  const auto& app = solution->stations[2];  // rho = 1 exactly, two servers
  EXPECT_TRUE(web.stable);
  EXPECT_NEAR(web.response_s, 0.010, 1e-12);
  for (const auto* station : {&db, &app}) {
    EXPECT_FALSE(station->stable);
    EXPECT_DOUBLE_EQ(station->utilization, 1.0);
    EXPECT_EQ(station->wait_probability, 1.0);
    EXPECT_EQ(station->response_s, kInfinity);
    EXPECT_EQ(station->residence_s, kInfinity);
    EXPECT_EQ(station->queue_length, kInfinity);
  }
  EXPECT_EQ(solution->response_s, kInfinity);
  EXPECT_EQ(solution->requests_in_system, kInfinity);

  const auto overloaded = solve_open_network({1000.0, {queue("db", 0.010)}});
  ASSERT_TRUE(overloaded.ok());
  EXPECT_DOUBLE_EQ(overloaded->stations[0].utilization, 10.0);
  EXPECT_FALSE(overloaded->stations[0].stable);
}

TEST(OpenNetworkTest, NoTrafficMeansServiceTimesOnly) {
  const auto solution = solve_open_network({0.0, {queue("web", 0.005, 1, 2.0)}});
  ASSERT_TRUE(solution.ok()) << solution.error();
  EXPECT_EQ(solution->stations[0].utilization, 0.0);
  EXPECT_EQ(solution->stations[0].queue_length, 0.0);
  EXPECT_DOUBLE_EQ(solution->response_s, 0.010);
}

void expect_error(const OpenNetwork& network, const std::string& fragment) {
  const auto solution = solve_open_network(network);
  ASSERT_FALSE(solution.ok()) << "expected an error mentioning " << fragment;
  EXPECT_NE(solution.error().find(fragment), std::string::npos) << solution.error();
}

TEST(OpenNetworkTest, RejectsInvalidNetworks) {
  expect_error({1.0, {}}, "at least one station");
  expect_error({-1.0, {queue("web", 0.1)}}, "arrival_rate_per_s must be non-negative");
  expect_error({kInfinity, {queue("web", 0.1)}}, "arrival_rate_per_s");
  expect_error({1.0, {queue("web", 0.1), queue("db", 0.1, 1, -2.0)}},
               "stations[1] (db) visits must be non-negative and finite (got -2)");
  expect_error({1.0, {queue("web", std::nan(""))}}, "stations[0] (web) service_s");
  expect_error({1.0, {queue("web", 0.1, 0)}}, "stations[0] (web) must have at least one server");
}

}  // namespace
}  // namespace stacksim::analysis
