#include <gtest/gtest.h>

#include <vector>

#include "models/fcfs_cpu.h"
#include "models/processor_sharing_cpu.h"

namespace stacksim::models {
namespace {

std::vector<std::uint32_t> complete(CpuScheduler& cpu, sim::Time now) {
  std::vector<std::uint32_t> done;
  cpu.complete_due(now, done);
  return done;
}

TEST(ProcessorSharingCpu, TwoBurstsOnOneCoreEachRunAtHalfSpeed) {
  ProcessorSharingCpu cpu(1);
  (void)cpu.submit(0, {7, 100});
  EXPECT_EQ(cpu.next_completion_ns(), 100);
  (void)cpu.submit(50, {8, 100});  // 50 done; the rest of both now runs at half speed
  EXPECT_EQ(cpu.running(), 1);
  EXPECT_EQ(cpu.waiting(), 1);
  EXPECT_EQ(cpu.next_completion_ns(), 150);  // request 7's last 50 at rate 1/2
  EXPECT_TRUE(complete(cpu, 149).empty());
  EXPECT_EQ(complete(cpu, 150), std::vector<std::uint32_t>{7});
  EXPECT_EQ(cpu.next_completion_ns(), 200);  // 8 had 50 done at 150; 50 more at full speed
  EXPECT_EQ(complete(cpu, 200), std::vector<std::uint32_t>{8});
  EXPECT_EQ(cpu.next_completion_ns(), sim::kTimeInfinity);
}

TEST(ProcessorSharingCpu, BurstsWithinTheCoresRunAtFullSpeed) {
  ProcessorSharingCpu cpu(4);
  for (std::uint32_t r = 0; r < 4; ++r) (void)cpu.submit(0, {r, 100 + r});
  EXPECT_EQ(cpu.running(), 4);
  EXPECT_EQ(cpu.waiting(), 0);
  EXPECT_EQ(cpu.next_completion_ns(), 100);
  EXPECT_EQ(complete(cpu, 101), (std::vector<std::uint32_t>{0, 1}));
}

TEST(ProcessorSharingCpu, EqualBurstsFinishTogetherInSubmissionOrder) {
  ProcessorSharingCpu cpu(1);
  for (std::uint32_t r = 0; r < 3; ++r) (void)cpu.submit(0, {r, 1000});
  EXPECT_EQ(cpu.next_completion_ns(), 3000);
  EXPECT_EQ(complete(cpu, 3000), (std::vector<std::uint32_t>{0, 1, 2}));
}

TEST(ProcessorSharingCpu, CancelledBurstGivesItsShareBack) {
  ProcessorSharingCpu cpu(1);
  const auto a = cpu.submit(0, {1, 1000});
  (void)cpu.submit(0, {2, 1000});
  cpu.cancel(500, a);  // 2 had 250 done; 750 left at full speed
  EXPECT_EQ(cpu.next_completion_ns(), 1250);
  EXPECT_EQ(complete(cpu, 1250), std::vector<std::uint32_t>{2});
}

TEST(ProcessorSharingCpu, CancellingBurstsAnywhereInTheHeapKeepsTheOthersInOrder) {
  ProcessorSharingCpu cpu(8);  // all at full speed: each completes at its demand
  const std::vector<sim::Time> demands = {600, 100, 500, 200, 400, 300, 700};
  std::vector<CpuScheduler::JobId> ids;
  for (std::uint32_t r = 0; r < demands.size(); ++r) ids.push_back(cpu.submit(0, {r, demands[r]}));
  cpu.cancel(0, ids[1]);  // the earliest, at the heap's top
  cpu.cancel(0, ids[6]);  // the latest
  cpu.cancel(0, ids[3]);
  EXPECT_EQ(cpu.running(), 4);
  EXPECT_EQ(cpu.next_completion_ns(), 300);
  const auto again = cpu.submit(0, {9, 250});  // a new burst
  EXPECT_EQ(complete(cpu, 350), (std::vector<std::uint32_t>{9, 5}));
  cpu.cancel(350, ids[2]);
  EXPECT_EQ(complete(cpu, 1000), (std::vector<std::uint32_t>{4, 0}));
  EXPECT_NE(again, ids[2]);
  EXPECT_EQ(cpu.next_completion_ns(), sim::kTimeInfinity);
}

TEST(FcfsCpu, SecondBurstWaitsForTheCore) {
  FcfsCpu cpu(1);
  (void)cpu.submit(0, {7, 100});
  (void)cpu.submit(50, {8, 100});
  EXPECT_EQ(cpu.running(), 1);
  EXPECT_EQ(cpu.waiting(), 1);
  EXPECT_EQ(cpu.next_completion_ns(), 100);
  EXPECT_EQ(complete(cpu, 100), std::vector<std::uint32_t>{7});
  EXPECT_EQ(cpu.next_completion_ns(), 200);  // 8 got the core at 100
}

TEST(FcfsCpu, CancellingARunningBurstPassesTheCoreOn) {
  FcfsCpu cpu(1);
  const auto a = cpu.submit(0, {1, 100});
  const auto b = cpu.submit(0, {2, 100});
  (void)cpu.submit(0, {3, 100});
  cpu.cancel(10, b);  // queued: just leaves
  EXPECT_EQ(cpu.waiting(), 1);
  cpu.cancel(20, a);  // running: 3 starts at 20
  EXPECT_EQ(cpu.next_completion_ns(), 120);
  EXPECT_EQ(complete(cpu, 120), std::vector<std::uint32_t>{3});
}

}  // namespace
}  // namespace stacksim::models
