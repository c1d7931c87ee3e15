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
  EXPECT_EQ(cpu.submit(0, {7, 100}).own_end_ns, 100);  // alone: a core of its own
  EXPECT_EQ(cpu.next_completion_ns(), sim::kTimeInfinity);
  // 50 done; the rest of both now runs at half speed, and 7's own end no longer holds.
  EXPECT_EQ(cpu.submit(50, {8, 100}).own_end_ns, sim::kTimeInfinity);
  EXPECT_EQ(cpu.running(), 1);
  EXPECT_EQ(cpu.waiting(), 1);
  EXPECT_FALSE(cpu.complete_own(100, 7));    // its own event is stale
  EXPECT_EQ(cpu.next_completion_ns(), 150);  // request 7's last 50 at rate 1/2
  EXPECT_TRUE(complete(cpu, 149).empty());
  EXPECT_EQ(complete(cpu, 150), std::vector<std::uint32_t>{7});
  EXPECT_EQ(cpu.next_completion_ns(), 200);  // 8 had 50 done at 150; 50 more at full speed
  EXPECT_EQ(complete(cpu, 200), std::vector<std::uint32_t>{8});
  EXPECT_EQ(cpu.next_completion_ns(), sim::kTimeInfinity);
}

TEST(ProcessorSharingCpu, BurstsWithinTheCoresEndOnTheirOwnAtFullSpeed) {
  ProcessorSharingCpu cpu(4);
  for (std::uint32_t r = 0; r < 4; ++r) EXPECT_EQ(cpu.submit(0, {r, 100 + r}).own_end_ns, 100 + r);
  EXPECT_EQ(cpu.running(), 4);
  EXPECT_EQ(cpu.waiting(), 0);
  EXPECT_EQ(cpu.next_completion_ns(), sim::kTimeInfinity);  // no shared completion
  EXPECT_FALSE(cpu.complete_own(100, 1));                   // not its end
  EXPECT_TRUE(cpu.complete_own(100, 0));
  EXPECT_FALSE(cpu.complete_own(100, 0));  // done already
  EXPECT_EQ(cpu.running(), 3);
  EXPECT_TRUE(cpu.complete_own(101, 1));
}

TEST(ProcessorSharingCpu, OwnBurstsJoinTheSharedOnesWithWhatIsLeftOfTheirDemand) {
  ProcessorSharingCpu cpu(2);
  EXPECT_EQ(cpu.submit(0, {1, 500}).own_end_ns, 500);
  EXPECT_EQ(cpu.submit(0, {2, 100}).own_end_ns, 100);
  EXPECT_TRUE(cpu.complete_own(100, 2));
  EXPECT_EQ(cpu.submit(100, {3, 300}).own_end_ns, 400);
  // A third burst on two cores: 1 and 3 have 300 and 200 left, and all three run at 2/3.
  EXPECT_EQ(cpu.submit(200, {4, 200}).own_end_ns, sim::kTimeInfinity);
  EXPECT_EQ(cpu.waiting(), 1);
  EXPECT_FALSE(cpu.complete_own(500, 1));
  EXPECT_FALSE(cpu.complete_own(400, 3));
  EXPECT_EQ(cpu.next_completion_ns(), 500);  // 3 and 4, 200 each at 2/3
  EXPECT_EQ(complete(cpu, 500), (std::vector<std::uint32_t>{3, 4}));
  EXPECT_EQ(cpu.next_completion_ns(), 600);  // 1's last 100 at full speed
  // With a core free again, a new burst ends on its own, beside 1 in the heap.
  EXPECT_EQ(cpu.submit(500, {5, 50}).own_end_ns, 550);
  EXPECT_EQ(cpu.next_completion_ns(), 600);
  EXPECT_TRUE(cpu.complete_own(550, 5));
  EXPECT_EQ(complete(cpu, 600), std::vector<std::uint32_t>{1});
  EXPECT_EQ(cpu.running(), 0);
}

TEST(ProcessorSharingCpu, EqualBurstsFinishTogetherInSubmissionOrder) {
  ProcessorSharingCpu cpu(1);
  for (std::uint32_t r = 0; r < 3; ++r) (void)cpu.submit(0, {r, 1000});
  EXPECT_EQ(cpu.next_completion_ns(), 3000);
  EXPECT_EQ(complete(cpu, 3000), (std::vector<std::uint32_t>{0, 1, 2}));
}

TEST(ProcessorSharingCpu, CancelledBurstGivesItsShareBack) {
  ProcessorSharingCpu cpu(1);
  const auto a = cpu.submit(0, {1, 1000}).job;
  (void)cpu.submit(0, {2, 1000});
  cpu.cancel(500, a);  // 2 had 250 done; 750 left at full speed
  EXPECT_EQ(cpu.next_completion_ns(), 1250);
  EXPECT_EQ(complete(cpu, 1250), std::vector<std::uint32_t>{2});
}

TEST(ProcessorSharingCpu, CancellingAnOwnBurstFreesItsCore) {
  ProcessorSharingCpu cpu(2);
  const auto a = cpu.submit(0, {1, 1000}).job;
  (void)cpu.submit(0, {2, 1000});
  cpu.cancel(10, a);
  EXPECT_FALSE(cpu.complete_own(1000, a));
  EXPECT_EQ(cpu.running(), 1);
  EXPECT_EQ(cpu.submit(20, {3, 100}).own_end_ns, 120);  // still a core to itself
  EXPECT_TRUE(cpu.complete_own(1000, 2));
}

TEST(ProcessorSharingCpu, CancellingBurstsAnywhereInTheHeapKeepsTheOthersInOrder) {
  ProcessorSharingCpu cpu(6);  // all at full speed, but seven bursts: in the heap
  const std::vector<sim::Time> demands = {600, 100, 500, 200, 400, 300, 700};
  std::vector<CpuScheduler::JobId> ids;
  for (std::uint32_t r = 0; r < demands.size(); ++r) {
    ids.push_back(cpu.submit(0, {r, demands[r] * 7 / 6}).job);
  }
  cpu.cancel(0, ids[1]);  // the earliest, at the heap's top
  cpu.cancel(0, ids[6]);  // the latest
  cpu.cancel(0, ids[3]);
  EXPECT_EQ(cpu.running(), 4);
  EXPECT_EQ(cpu.next_completion_ns(), 350);
  const auto again = cpu.submit(0, {9, 250}).job;  // a core of its own: not in the heap
  EXPECT_TRUE(cpu.complete_own(250, again));
  EXPECT_EQ(complete(cpu, 350), (std::vector<std::uint32_t>{5}));
  cpu.cancel(350, ids[2]);
  EXPECT_EQ(complete(cpu, 1000), (std::vector<std::uint32_t>{4, 0}));
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
  const auto a = cpu.submit(0, {1, 100}).job;
  const auto b = cpu.submit(0, {2, 100}).job;
  (void)cpu.submit(0, {3, 100});
  cpu.cancel(10, b);  // queued: just leaves
  EXPECT_EQ(cpu.waiting(), 1);
  cpu.cancel(20, a);  // running: 3 starts at 20
  EXPECT_EQ(cpu.next_completion_ns(), 120);
  EXPECT_EQ(complete(cpu, 120), std::vector<std::uint32_t>{3});
}

}  // namespace
}  // namespace stacksim::models
