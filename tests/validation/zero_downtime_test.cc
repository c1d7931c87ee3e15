// Deploy modes through a real scenario file (scenarios/rolling-deploy.json: HAProxy in front of
// three Nginx backends at 50 requests/s, one deploy, each backend down 30 s) and the real
// `stacksim run`: what each maintenance mode costs. No statistics here: a drained rolling
// deploy and a reload lose nothing by construction, and the others lose a bounded amount.
#include <gtest/gtest.h>

#include "tests/support/stacksim_process.h"

namespace stacksim::testing {
namespace {

std::uint64_t failed(const nlohmann::json& report) {
  return report["summary"]["failed"].get<std::uint64_t>();
}

TEST(ZeroDowntime, DrainedRollingDeployLosesNothing) {
  const auto report = run_report("scenarios/rolling-deploy.json");
  EXPECT_EQ(failed(report), 0u);
  // Every backend really was down in turn: three maintenance windows of 30 s.
  EXPECT_LT(report["components"]["web@web1"]["availability"].get<double>(), 1.0);
  EXPECT_LT(report["components"]["web@web3"]["availability"].get<double>(), 1.0);
}

TEST(ZeroDowntime, RollingWithoutDrainLosesTheHealthChecksDetectionWindowPerBackend) {
  // HAProxy sends each stopped backend its third of 50 requests/s until 3 failed checks, 2 s
  // apart, mark it down: 4-6 s, so 67-100 requests per backend, three backends.
  const auto report =
      run_report("scenarios/rolling-deploy.json", {"--set", "/faults/0/drain=false"});
  EXPECT_GT(failed(report), 3u * 50u);
  EXPECT_LT(failed(report), 3u * 120u);
}

TEST(ZeroDowntime, ReloadLosesNothingAndStopsNothing) {
  const auto report =
      run_report("scenarios/rolling-deploy.json", {"--set", "/faults/0/mode=reload"});
  EXPECT_EQ(failed(report), 0u);
  EXPECT_EQ(report["components"]["web@web1"]["availability"].get<double>(), 1.0);
}

TEST(ZeroDowntime, GracefulFinishesWhatRestartKills) {
  // Both take all three down for the window; a restart also fails the requests in flight.
  const auto restart =
      run_report("scenarios/rolling-deploy.json", {"--set", "/faults/0/mode=restart"});
  const auto graceful =
      run_report("scenarios/rolling-deploy.json", {"--set", "/faults/0/mode=graceful"});
  EXPECT_GT(failed(graceful), 30u * 40u);  // the window's requests: 30 s x 50/s, less those
                                           // caught by keep-alive timing
  EXPECT_GT(failed(restart), failed(graceful));
}

}  // namespace
}  // namespace stacksim::testing
