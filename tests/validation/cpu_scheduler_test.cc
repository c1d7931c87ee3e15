// The host CPU's scheduling policies against queueing theory, through a real scenario file
// (scenarios/md1-cpu.json: Poisson arrivals, each needing exactly 1 ms of the host's one core,
// rho = 0.8) and the real `stacksim run`. Tolerances are about four standard deviations of the
// estimate over 20 seeds (tests/validation/tolerance_study.py), stated beside each check.
#include <gtest/gtest.h>

#include <cmath>

#include "tests/support/stacksim_process.h"

namespace stacksim::testing {
namespace {

constexpr double kServiceS = 0.001;
constexpr double kRho = 0.8;

double relative_error(double measured, double expected) {
  return std::abs(measured - expected) / expected;
}

TEST(CpuScheduler, ProcessorSharingIsInsensitiveToTheServiceDistribution) {
  // M/D/1-PS: R = S / (1 - rho) = 5 ms, the M/M/1 value, although the service is fixed.
  const auto report = run_report("scenarios/md1-cpu.json");
  const double expected = kServiceS / (1.0 - kRho);
  EXPECT_LT(relative_error(report["summary"]["latency_s"]["mean"], expected), 0.02);  // sd 0.47%
  EXPECT_NEAR(report["hosts"]["box"]["cpu_utilization"].get<double>(), kRho, 0.005);
}

TEST(CpuScheduler, FcfsGivesPollaczekKhinchine) {
  // M/D/1-FCFS: R = S + rho S / (2 (1 - rho)) = 3 ms.
  const auto report =
      run_report("scenarios/md1-cpu.json", {"--set", "/hosts/box/cpu_scheduler=fcfs"});
  const double expected = kServiceS + kRho * kServiceS / (2.0 * (1.0 - kRho));
  EXPECT_LT(relative_error(report["summary"]["latency_s"]["mean"], expected), 0.016);  // sd 0.39%
}

}  // namespace
}  // namespace stacksim::testing
