// An open workload offered more than a component can serve: the backlog grows without end. The
// run says so (summary.unstable, the component and its rho), counts the requests left in the
// system instead of dropping them from view, and stops at the request limit instead of running
// out of memory. A run with nothing measured says so rather than "availability 100%".
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/support/files.h"
#include "tests/support/stacksim_process.h"

namespace stacksim::testing {
namespace {

// One exponential server (mean 1 ms, so capacity 1000/s), unbounded queue, Poisson arrivals.
std::string single_server(double rate, const std::string& duration) {
  return R"({"name": "overload", "seed": 7, "duration": ")" + duration + R"(",
      "components": {"server": {"kind": "station", "servers": 1,
          "service": {"dist": "exponential", "mean": "1ms"}}},
      "workload": {"arrivals": {"process": "poisson", "rate": )" +
         std::to_string(rate) + R"(},
          "mix": [{"name": "r", "weight": 1, "path": ["server"]}]}})";
}

std::string write(const TempDir& dir, const std::string& text) {
  std::ofstream(dir / "s.json") << text;
  return (dir / "s.json").string();
}

TEST(Overload, RhoTwoIsReportedUnstableWithItsBacklog) {
  const TempDir dir("overload");
  const auto path = write(dir, single_server(2000, "5m"));
  const auto report = run_report(path);
  const auto& summary = report["summary"];
  EXPECT_TRUE(summary["unstable"].get<bool>());
  // Half the 600,000 requests offered are still queued at the end: (2000 - 1000)/s x 300 s,
  // within a few percent (the Poisson counts' sd is about 0.2%).
  const double offered = summary["offered"].get<double>();
  const double unfinished = summary["unfinished"].get<double>();
  EXPECT_NEAR(offered, 600'000, 6'000);
  EXPECT_NEAR(unfinished, 300'000, 9'000);
  EXPECT_NEAR(summary["completed"].get<double>() + summary["failed"].get<double>() + unfinished,
              offered, 1.0);
  EXPECT_EQ(report["backlog"]["component"], "server");
  EXPECT_NEAR(report["backlog"]["rho"].get<double>(), 2.0, 0.05);
  EXPECT_NEAR(report["backlog"]["availability_with_unfinished"].get<double>(), 0.5, 0.02);
  EXPECT_FALSE(report["backlog"]["stopped"].get<bool>());

  const auto text = run_stacksim({"run", path});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("Unstable   offered load exceeds capacity at server: \u03c1 \u2248 2.0"),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("  unfinished "), std::string::npos) << text.out;
}

TEST(Overload, UnboundedBacklogStopsAtTheRequestLimitWithExitZero) {
  const TempDir dir("overload-limit");
  // 20,000/s into a 1,000/s server grows the backlog by 19,000/s: 1,000,000 requests after about
  // 53 s of a run asked to last 10 hours.
  const auto path = write(dir, single_server(20000, "10h"));
  const auto report = run_report(path);
  EXPECT_TRUE(report["summary"]["unstable"].get<bool>());
  EXPECT_TRUE(report["backlog"]["stopped"].get<bool>());
  EXPECT_EQ(report["backlog"]["request_limit"], 1000000);
  EXPECT_NEAR(report["backlog"]["stopped_at_s"].get<double>(), 1e6 / 19000, 3.0);
  EXPECT_NEAR(report["backlog"]["rho"].get<double>(), 20.0, 1.0);
  EXPECT_GT(report["summary"]["unfinished"].get<double>(), 900'000);
}

TEST(Overload, StableRunsAreNotFlagged) {
  for (const char* scenario : {"scenarios/mm1.json", "scenarios/single-server.json"}) {
    const auto report = run_report(scenario, {"--duration", "2m"});
    EXPECT_FALSE(report["summary"]["unstable"].get<bool>()) << scenario;
    EXPECT_FALSE(report.contains("backlog")) << scenario;
    EXPECT_LT(report["summary"]["unfinished"].get<double>(), 100) << scenario;
  }
}

TEST(Overload, NoRequestMeasuredSaysSo) {
  const TempDir dir("no-requests");
  const auto path = write(dir, single_server(0.001, "10s"));
  const auto text = run_stacksim({"run", path});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("no requests measured"), std::string::npos) << text.out;
  EXPECT_EQ(text.out.find("availability 100%"), std::string::npos) << text.out;
}

}  // namespace
}  // namespace stacksim::testing
