// The scenario keys of the CPU scheduler, repair crews and deploy modes, as `stacksim validate`
// reports their mistakes: the file, the JSON pointer, exit code 65.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/support/stacksim_process.h"

namespace stacksim::testing {
namespace {

void expect_invalid(const std::string& scenario, const std::vector<std::string>& sets,
                    const std::string& pointer) {
  std::vector<std::string> args = {"validate", scenario};
  for (const auto& set : sets) {
    args.push_back("--set");
    args.push_back(set);
  }
  const auto result = run_stacksim(args);
  EXPECT_EQ(result.exit_code, 65) << result.out;
  EXPECT_NE(result.err.find(scenario + ": " + pointer + ":"), std::string::npos) << result.err;
  EXPECT_TRUE(result.out.empty());
}

TEST(DynamicsCli, TheShippedScenariosAreValid) {
  for (const char* s :
       {"scenarios/md1-cpu.json", "scenarios/repair-crews.json", "scenarios/rolling-deploy.json"}) {
    const auto result = run_stacksim({"validate", s});
    EXPECT_EQ(result.exit_code, 0) << s << ": " << result.err;
  }
}

TEST(DynamicsCli, UnknownCpuSchedulerNamesItsPointer) {
  expect_invalid("scenarios/md1-cpu.json", {"/hosts/box/cpu_scheduler=round-robin"},
                 "/hosts/box/cpu_scheduler");
}

TEST(DynamicsCli, RepairCrewsMustBePositive) {
  expect_invalid("scenarios/repair-crews.json", {"/repair_crews=0"}, "/repair_crews");
}

TEST(DynamicsCli, DrainBelongsToRollingMaintenance) {
  expect_invalid("scenarios/rolling-deploy.json",
                 {"/faults/0/mode=restart", "/faults/0/drain=true"}, "/faults/0/drain");
}

TEST(DynamicsCli, ReloadNeedsAServerThatReloads) {
  expect_invalid(
      "scenarios/single-server.json",
      {R"(/faults=[{"kind": "maintenance", "target": "db", "mode": "reload", "at": "10m", "duration": "1m"}])"},
      "/faults/0/mode");
}

}  // namespace
}  // namespace stacksim::testing
