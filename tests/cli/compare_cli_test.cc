// `stacksim compare` through the real binary: scenario inputs and saved reports compared alike.
#include <gtest/gtest.h>

#include "tests/support/files.h"
#include "tests/support/stacksim_process.h"

namespace stacksim::testing {
namespace {

TEST(CompareCli, ScenarioAndItsSavedReportAreTheSameRun) {
  const TempDir dir;
  const std::string saved = (dir / "mm1.json").string();
  const auto run =
      run_stacksim({"run", "scenarios/mm1.json", "--quiet", "--duration", "60s", "--json", saved});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const nlohmann::json out = run_json(
      {"compare", "scenarios/mm1.json", saved, "--duration", "60s", "--labels", "fresh,saved"});
  ASSERT_EQ(out["runs"].size(), 2u);
  EXPECT_EQ(out["runs"][0]["label"], "fresh");
  EXPECT_EQ(out["runs"][0]["simulated"], true);
  EXPECT_EQ(out["runs"][1]["simulated"], false);
  // The same scenario, seed and duration: every difference is zero.
  ASSERT_EQ(out["differences"].size(), 1u);
  const auto& d = out["differences"][0];
  EXPECT_EQ(d["baseline"], "fresh");
  EXPECT_EQ(d["metrics"]["latency_p99_s"]["difference"], 0.0);
  EXPECT_EQ(d["metrics"]["throughput_rps"]["relative"], 0.0);
  EXPECT_EQ(d["bottleneck_changed"], false);
  EXPECT_EQ(out["runs"][1]["report"]["summary"], out["runs"][0]["report"]["summary"]);
}

TEST(CompareCli, TwoDesignsDiffer) {
  const nlohmann::json out = run_json({"compare", "scenarios/single-server.json",
                                       "scenarios/near-saturation.json", "--duration", "5m"});
  ASSERT_EQ(out["runs"].size(), 2u);
  EXPECT_EQ(out["runs"][0]["label"], out["runs"][0]["report"]["scenario"]["name"]);
  const auto& p99 = out["differences"][0]["metrics"]["latency_p99_s"];
  // near-saturation runs the same box at 360 req/s instead of 150: a longer tail.
  EXPECT_GT(p99["value"].get<double>(), p99["baseline"].get<double>());
  EXPECT_GT(out["differences"][0]["metrics"]["throughput_rps"]["relative"].get<double>(), 1.0);
}

TEST(CompareCli, TextTableHasOneColumnPerRun) {
  const auto result = run_stacksim({"compare", "scenarios/mm1.json", "scenarios/md1.json",
                                    "--duration", "60s", "--labels", "M/M/1,M/D/1"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("Metric"), std::string::npos);
  EXPECT_NE(result.out.find("M/M/1"), std::string::npos);
  EXPECT_NE(result.out.find("M/D/1 against M/M/1:"), std::string::npos);
}

TEST(CompareCli, BadInputs) {
  EXPECT_EQ(run_stacksim({"compare", "scenarios/mm1.json"}).exit_code, 64);
  EXPECT_EQ(run_stacksim({"compare", "scenarios/mm1.json", "scenarios/md1.json", "--labels", "a"})
                .exit_code,
            64);
  EXPECT_EQ(run_stacksim({"compare", "scenarios/mm1.json", "no-such-file.json"}).exit_code, 66);
  const TempDir dir;
  const std::string broken = (dir / "broken.json").string();
  std::ofstream(broken) << R"({"schema_version": 1, "summary": {}, "components": {}})";
  const auto result = run_stacksim({"compare", "scenarios/mm1.json", broken, "--duration", "10s"});
  EXPECT_EQ(result.exit_code, 65);
  EXPECT_NE(result.err.find("/duration_s: missing"), std::string::npos) << result.err;
}

TEST(CompareCli, TakesTheSameScenarioOverridesAsRun) {
  // A negative seed is refused as by run, not taken as 2^64 - 1.
  const auto negative =
      run_stacksim({"compare", "scenarios/mm1.json", "scenarios/md1.json", "--seed", "-1"});
  EXPECT_EQ(negative.exit_code, 64);
  EXPECT_NE(negative.err.find("--seed: must be an integer from 0"), std::string::npos)
      << negative.err;
  // --force and --allow-outside-files reach every scenario input.
  const auto forced =
      run_stacksim({"compare", "scenarios/mm1.json", "scenarios/md1.json", "--duration", "5s",
                    "--force", "--allow-outside-files", "--quiet"});
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
}

}  // namespace
}  // namespace stacksim::testing
