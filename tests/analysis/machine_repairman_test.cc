#include "analysis/machine_repairman.h"

#include <gtest/gtest.h>

#include <cmath>

namespace stacksim::analysis {
namespace {

TEST(MachineRepairman, TwoMachinesOneCrewByHand) {
  // lambda = 1, mu = 2: p1/p0 = 2 x 1 / 2 = 1, p2/p1 = 1 x 1 / 2 = 0.5, so p = (0.4, 0.4, 0.2).
  const auto solved = machine_repairman(2, 1, 1.0, 2.0);
  ASSERT_TRUE(solved.ok());
  const auto& m = solved.value();
  ASSERT_EQ(m.down_probability.size(), 3U);
  EXPECT_NEAR(m.down_probability[0], 0.4, 1e-12);
  EXPECT_NEAR(m.down_probability[1], 0.4, 1e-12);
  EXPECT_NEAR(m.down_probability[2], 0.2, 1e-12);
  EXPECT_NEAR(m.mean_down, 0.8, 1e-12);
  EXPECT_NEAR(m.unit_availability, 0.6, 1e-12);
}

TEST(MachineRepairman, AsManyCrewsAsMachinesIsTheIndependentCase) {
  const auto solved = machine_repairman(5, 5, 1.0 / 10.0, 1.0 / 2.0);
  ASSERT_TRUE(solved.ok());
  EXPECT_NEAR(solved.value().unit_availability, 10.0 / 12.0, 1e-12);
  EXPECT_NEAR(solved.value().all_up, std::pow(10.0 / 12.0, 5), 1e-12);
}

TEST(MachineRepairman, FewerCrewsMeanLessAvailability) {
  const double one = machine_repairman(4, 1, 0.1, 0.5).value().unit_availability;
  const double two = machine_repairman(4, 2, 0.1, 0.5).value().unit_availability;
  EXPECT_LT(one, two);
  EXPECT_LT(two, 0.5 / 0.6);
}

TEST(MachineRepairman, RefusesBadInput) {
  EXPECT_FALSE(machine_repairman(0, 1, 1.0, 1.0).ok());
  EXPECT_FALSE(machine_repairman(2, 0, 1.0, 1.0).ok());
  EXPECT_FALSE(machine_repairman(2, 1, -1.0, 1.0).ok());
  EXPECT_FALSE(machine_repairman(2, 1, 1.0, 0.0).ok());
}

}  // namespace
}  // namespace stacksim::analysis
