// Shared repair crews against the machine-repairman CTMC, through a real scenario file
// (scenarios/repair-crews.json: four hosts, MTBF 10 h, MTTR 2 h, one crew) and the real
// `stacksim run`. Tolerances are about four standard deviations of the estimate over 20 seeds
// (tests/validation/tolerance_study.py), stated beside each check.
#include <gtest/gtest.h>

#include "analysis/machine_repairman.h"
#include "tests/support/stacksim_process.h"

namespace stacksim::testing {
namespace {

double mean_host_availability(const nlohmann::json& report) {
  double sum = 0.0;
  for (const char* host : {"web1", "web2", "web3", "web4"}) {
    sum += report["hosts"][host]["availability"].get<double>();
  }
  return sum / 4.0;
}

TEST(RepairCrews, OneCrewMatchesTheMachineRepairmanChain) {
  const auto chain = analysis::machine_repairman(4, 1, 1.0 / 10.0, 1.0 / 2.0).value();
  ASSERT_NEAR(chain.unit_availability, 0.7521, 1e-4);
  const auto report = run_report("scenarios/repair-crews.json");
  EXPECT_NEAR(mean_host_availability(report), chain.unit_availability, 0.014);  // sd 0.0035
  // The site is down only while all four are.
  EXPECT_NEAR(report["summary"]["availability_by_time"].get<double>(),
              1.0 - chain.down_probability[4], 0.0065);  // sd 0.0016
  // The report's own cross-check solves the same chain, and says so.
  const auto& check = report["availability_check"];
  EXPECT_NEAR(check["predicted"].get<double>(), 1.0 - chain.down_probability[4], 1e-9);
  EXPECT_EQ(check["exact"], true);
  EXPECT_NE(check["note"].get<std::string>().find("1 repair crew for 4 crash targets"),
            std::string::npos)
      << check["note"];
}

TEST(RepairCrews, CrewsForHostsWithDifferentRatesMakeTheCrossCheckApproximate) {
  const auto report = run_report("scenarios/repair-crews.json",
                                 {"--duration", "200h", "--set", "/report/interval=1h", "--set",
                                  R"(/faults/0/mttr={"dist": "exponential", "mean": "4h"})"});
  const auto& check = report["availability_check"];
  EXPECT_EQ(check["exact"], false);
  EXPECT_NE(check["note"].get<std::string>().find("approximates first come, first served"),
            std::string::npos)
      << check["note"];
}

TEST(RepairCrews, ACrewPerHostIsTheIndependentCase) {
  const auto chain = analysis::machine_repairman(4, 4, 1.0 / 10.0, 1.0 / 2.0).value();
  ASSERT_NEAR(chain.unit_availability, 10.0 / 12.0, 1e-12);
  const auto report = run_report("scenarios/repair-crews.json", {"--set", "/repair_crews=4"});
  EXPECT_NEAR(mean_host_availability(report), chain.unit_availability, 0.0075);  // sd 0.0019
}

}  // namespace
}  // namespace stacksim::testing
