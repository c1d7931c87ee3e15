// `stacksim analyze`: the product-form view beside the simulation, as users and scripts see it.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <string>

#include "tests/support/files.h"
#include "tests/support/stacksim_process.h"

namespace stacksim::testing {
namespace {

bool any_departure(const nlohmann::json& report, const std::string& text) {
  for (const auto& d : report["departures"]) {
    if (d.get<std::string>().find(text) != std::string::npos) return true;
  }
  return false;
}

TEST(AnalyzeCli, MmcTheoryIsErlangCAndTheSimulationAgrees) {
  const auto report = run_json({"analyze", "scenarios/mmc.json", "--duration", "2000d"});
  ASSERT_TRUE(report.contains("stations")) << report.dump();
  EXPECT_EQ(report["schema_version"], 1);
  EXPECT_EQ(report["scenario"]["name"], "mmc");
  EXPECT_EQ(report["scenario"]["sha256"].get<std::string>().size(), 64u);
  // The header of every report, as `run` writes it.
  EXPECT_EQ(report["scenario"]["file"], "scenarios/mmc.json");
  for (const char* key : {"schema_version", "tool_version", "scenario", "seed", "duration_s",
                          "warmup_s", "replications"}) {
    EXPECT_TRUE(report.contains(key)) << key;
  }
  EXPECT_DOUBLE_EQ(report["duration_s"].get<double>(), 2000.0 * 86400.0);
  EXPECT_EQ(report["replications"], 1);
  EXPECT_EQ(report["model"], "jackson");
  ASSERT_EQ(report["stations"].size(), 1u);
  const auto& station = report["stations"][0];
  EXPECT_EQ(station["name"], "servers");
  EXPECT_EQ(station["servers"], 4);
  const double theory_min = station["response_s"].get<double>() / 60.0;
  EXPECT_NEAR(theory_min, 24.7572, 24.7572 * 1e-3);
  ASSERT_TRUE(station["simulated"].is_object());
  const double simulated_min = station["simulated"]["response_s"].get<double>() / 60.0;
  EXPECT_NEAR(simulated_min, theory_min, theory_min * 0.05);
  EXPECT_NEAR(station["simulated"]["utilization"].get<double>(), 0.875, 0.875 * 0.05);
  EXPECT_NEAR(report["system"]["latency_s"].get<double>() / 60.0, 24.7572, 24.7572 * 1e-3);
  EXPECT_NEAR(report["system"]["simulated"]["latency_s"].get<double>() / 60.0, theory_min,
              theory_min * 0.05);
}

TEST(AnalyzeCli, NoSimulateGivesTheoryOnly) {
  const auto report = run_json({"analyze", "scenarios/mmc.json", "--no-simulate"});
  ASSERT_TRUE(report.contains("stations")) << report.dump();
  EXPECT_NEAR(report["stations"][0]["response_s"].get<double>() / 60.0, 24.7572, 24.7572 * 1e-3);
  EXPECT_TRUE(report["stations"][0]["simulated"].is_null());
  EXPECT_TRUE(report["system"]["simulated"].is_null());
  EXPECT_TRUE(report["departures"].empty()) << report["departures"].dump();
  EXPECT_EQ(report["replications"], 0);  // nothing simulated
  EXPECT_TRUE(report.contains("seed"));
}

TEST(AnalyzeCli, ClosedScenarioIsSolvedByMva) {
  const auto report = run_json({"analyze", "scenarios/closed-think.json", "--no-simulate"});
  ASSERT_TRUE(report.contains("system")) << report.dump();
  EXPECT_EQ(report["model"], "mva");
  EXPECT_NEAR(report["system"]["throughput_rps"].get<double>(), 18.0027, 1e-3);
  EXPECT_NEAR(report["system"]["latency_s"].get<double>(), 0.11094, 1e-5);
}

TEST(AnalyzeCli, SingleServerListsTheHeldSlotAndTheOtherDepartures) {
  const auto report = run_json({"analyze", "scenarios/single-server.json"});
  ASSERT_TRUE(report.contains("departures")) << report.dump();
  EXPECT_TRUE(any_departure(report,
                            "web holds its slot while calling app, db: product-form "
                            "underestimates its utilization"))
      << report["departures"].dump(2);
  EXPECT_TRUE(any_departure(report, "the simulation is the truth"));
  EXPECT_TRUE(any_departure(report, "slots and cores are separate queues"));
  EXPECT_TRUE(any_departure(report, "finite queue"));
  EXPECT_TRUE(any_departure(report, "DNS"));
  EXPECT_TRUE(any_departure(report, "network round trip"));
  // Every station has its simulated figures; the host's cores have no response.
  for (const auto& station : report["stations"]) {
    ASSERT_TRUE(station["simulated"].is_object()) << station["name"];
    if (station["kind"] == "cpu") {
      EXPECT_TRUE(station["simulated"]["response_s"].is_null());
    }
  }
  EXPECT_TRUE(report["system"]["simulated"]["throughput_rps"].is_number());
}

TEST(AnalyzeCli, TextReportSetsTheoryBesideTheSimulation) {
  const auto result =
      run_stacksim({"analyze", "scenarios/tandem.json", "--duration", "10m", "--warmup", "1m"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("open network, Jackson"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("response theory"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("mean latency"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("Departures from theory"), std::string::npos) << result.out;
}

TEST(AnalyzeCli, JsonGoesToAFile) {
  const TempDir dir;
  const std::string path = (dir / "analysis.json").string();
  const auto result =
      run_stacksim({"analyze", "scenarios/mm1.json", "--no-simulate", "--json", path});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("Product-form view of mm1"), std::string::npos) << result.out;
  std::ifstream in(path);
  const auto report = nlohmann::json::parse(in);
  EXPECT_EQ(report["scenario"]["name"], "mm1");
  EXPECT_NEAR(report["stations"][0]["response_s"].get<double>(), 0.010, 1e-9);  // M/M/1, rho 0.9
}

TEST(AnalyzeCli, ReplicationsAndThreadsDoNotChangeTheReport) {
  auto with_threads = [](const std::string& threads) {
    return run_json({"analyze", "scenarios/tandem.json", "--duration", "5m", "--warmup", "30s",
                     "--replications", "3", "--threads", threads})
        .dump();
  };
  EXPECT_EQ(with_threads("1"), with_threads("3"));
}

TEST(AnalyzeCli, ErrorsExitLikeRun) {
  EXPECT_EQ(run_stacksim({"analyze", "scenarios/no-such-file.json"}).exit_code, 66);
  EXPECT_EQ(run_stacksim({"analyze", "scenarios/mmc.json", "--no-simulate", "--set",
                          "/components/servers/servers=0"})
                .exit_code,
            65);
  EXPECT_EQ(run_stacksim({"analyze", "scenarios/mmc.json", "--bogus"}).exit_code, 64);
  EXPECT_EQ(run_stacksim({"analyze", "scenarios/mmc.json", "--no-simulate", "--json",
                          "/no/such/dir/out.json"})
                .exit_code,
            73);
}

}  // namespace
}  // namespace stacksim::testing
