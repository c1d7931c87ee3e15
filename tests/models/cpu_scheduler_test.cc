#include <gtest/gtest.h>

#include <map>
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

// A scheduler with the ids its submits returned, by request, as a host's owner keeps them.
struct Bursts {
  CpuScheduler& cpu;
  std::map<std::uint32_t, CpuScheduler::JobId> job;

  sim::Time submit(sim::Time now, std::uint32_t request, sim::Time demand) {
    const CpuScheduler::Submitted s = cpu.submit(now, {request, demand});
    job[request] = s.job;
    return s.own_end_ns;
  }
  bool complete_own(sim::Time now, std::uint32_t request) {
    return cpu.complete_own(now, request, job.at(request));
  }
  void cancel(sim::Time now, std::uint32_t request) { cpu.cancel(now, request, job.at(request)); }
};

TEST(ProcessorSharingCpu, TwoBurstsOnOneCoreEachRunAtHalfSpeed) {
  ProcessorSharingCpu cpu(1);
  Bursts b{cpu, {}};
  EXPECT_EQ(b.submit(0, 7, 100), 100);  // alone: a core of its own
  EXPECT_EQ(cpu.next_completion_ns(), sim::kTimeInfinity);
  // 50 done; the rest of both now runs at half speed, and 7's own end no longer holds.
  EXPECT_EQ(b.submit(50, 8, 100), sim::kTimeInfinity);
  EXPECT_EQ(cpu.running(), 1);
  EXPECT_EQ(cpu.waiting(), 1);
  EXPECT_FALSE(b.complete_own(100, 7));      // its own event is stale
  EXPECT_EQ(cpu.next_completion_ns(), 150);  // request 7's last 50 at rate 1/2
  EXPECT_TRUE(complete(cpu, 149).empty());
  EXPECT_EQ(complete(cpu, 150), std::vector<std::uint32_t>{7});
  EXPECT_EQ(cpu.next_completion_ns(), 200);  // 8 had 50 done at 150; 50 more at full speed
  EXPECT_EQ(complete(cpu, 200), std::vector<std::uint32_t>{8});
  EXPECT_EQ(cpu.next_completion_ns(), sim::kTimeInfinity);
}

TEST(ProcessorSharingCpu, BurstsWithinTheCoresEndOnTheirOwnAtFullSpeed) {
  ProcessorSharingCpu cpu(4);
  Bursts b{cpu, {}};
  for (std::uint32_t r = 0; r < 4; ++r) EXPECT_EQ(b.submit(0, r, 100 + r), 100 + r);
  EXPECT_EQ(cpu.running(), 4);
  EXPECT_EQ(cpu.waiting(), 0);
  EXPECT_EQ(cpu.next_completion_ns(), sim::kTimeInfinity);  // no shared completion
  EXPECT_FALSE(b.complete_own(100, 1));                     // not its end
  EXPECT_FALSE(cpu.complete_own(100, 1, b.job.at(0)));      // not its burst
  EXPECT_TRUE(b.complete_own(100, 0));
  EXPECT_FALSE(b.complete_own(100, 0));  // done already
  EXPECT_EQ(cpu.running(), 3);
  EXPECT_TRUE(b.complete_own(101, 1));
}

TEST(ProcessorSharingCpu, AStaleEventDoesNotEndTheBurstThatReusedItsSlot) {
  // Request 1's own burst passes to the heap and is cancelled there under the id of its own days;
  // its slot goes to request 3's burst, which ends at the very time 1's own event was set for.
  ProcessorSharingCpu cpu(1);
  Bursts b{cpu, {}};
  EXPECT_EQ(b.submit(0, 1, 100), 100);
  EXPECT_EQ(b.submit(0, 2, 10), sim::kTimeInfinity);  // both share the core from here
  b.cancel(0, 1);                                     // found in the heap by its request
  EXPECT_EQ(complete(cpu, 10), std::vector<std::uint32_t>{2});
  const CpuScheduler::JobId stale = b.job.at(1);
  EXPECT_EQ(b.submit(10, 3, 90), 100);
  EXPECT_EQ(b.job.at(3), stale);  // the same slot
  EXPECT_FALSE(cpu.complete_own(100, 1, stale));
  EXPECT_EQ(cpu.running(), 1);
  EXPECT_TRUE(b.complete_own(100, 3));
}

TEST(ProcessorSharingCpu, OwnBurstsJoinTheSharedOnesWithWhatIsLeftOfTheirDemand) {
  ProcessorSharingCpu cpu(2);
  Bursts b{cpu, {}};
  EXPECT_EQ(b.submit(0, 1, 500), 500);
  EXPECT_EQ(b.submit(0, 2, 100), 100);
  EXPECT_TRUE(b.complete_own(100, 2));
  EXPECT_EQ(b.submit(100, 3, 300), 400);
  // A third burst on two cores: 1 and 3 have 300 and 200 left, and all three run at 2/3.
  EXPECT_EQ(b.submit(200, 4, 200), sim::kTimeInfinity);
  EXPECT_EQ(cpu.waiting(), 1);
  EXPECT_FALSE(b.complete_own(500, 1));
  EXPECT_FALSE(b.complete_own(400, 3));
  EXPECT_EQ(cpu.next_completion_ns(), 500);  // 3 and 4, 200 each at 2/3
  EXPECT_EQ(complete(cpu, 500), (std::vector<std::uint32_t>{3, 4}));
  EXPECT_EQ(cpu.next_completion_ns(), 600);  // 1's last 100 at full speed
  // With a core free again, a new burst ends on its own, beside 1 in the heap.
  EXPECT_EQ(b.submit(500, 5, 50), 550);
  EXPECT_EQ(cpu.next_completion_ns(), 600);
  EXPECT_TRUE(b.complete_own(550, 5));
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
  Bursts b{cpu, {}};
  (void)b.submit(0, 1, 1000);
  (void)b.submit(0, 2, 1000);
  b.cancel(500, 1);  // 2 had 250 done; 750 left at full speed
  EXPECT_EQ(cpu.next_completion_ns(), 1250);
  EXPECT_EQ(complete(cpu, 1250), std::vector<std::uint32_t>{2});
}

TEST(ProcessorSharingCpu, CancellingAnOwnBurstFreesItsCore) {
  ProcessorSharingCpu cpu(2);
  Bursts b{cpu, {}};
  (void)b.submit(0, 1, 1000);
  (void)b.submit(0, 2, 1000);
  b.cancel(10, 1);
  EXPECT_FALSE(b.complete_own(1000, 1));
  EXPECT_EQ(cpu.running(), 1);
  EXPECT_EQ(b.submit(20, 3, 100), 120);  // a core to itself, in 1's slot
  EXPECT_TRUE(b.complete_own(1000, 2));
  EXPECT_TRUE(b.complete_own(120, 3));
}

TEST(ProcessorSharingCpu, OwnBurstsEndInAnyOrderAndEachStillFindsItsOwn) {
  // Four own bursts on four cores, ended last-submitted, first, middle, then the one left: the
  // bursts that stay must each still be found under their ids, and every slot comes back.
  ProcessorSharingCpu cpu(4);
  Bursts b{cpu, {}};
  for (std::uint32_t request = 1; request <= 4; ++request) {
    EXPECT_EQ(b.submit(0, request, 100 * request), 100 * request);
  }
  EXPECT_TRUE(b.complete_own(400, 4));   // the last in the list
  EXPECT_FALSE(b.complete_own(400, 4));  // already gone
  EXPECT_TRUE(b.complete_own(100, 1));   // the first: the last moves into its place
  EXPECT_TRUE(b.complete_own(200, 2));
  EXPECT_EQ(cpu.running(), 1);
  EXPECT_TRUE(b.complete_own(300, 3));  // the one left
  EXPECT_EQ(cpu.running(), 0);
  for (std::uint32_t request = 5; request <= 8; ++request) {  // all four cores free again
    EXPECT_EQ(b.submit(500, request, 10), 510);
  }
  EXPECT_EQ(cpu.waiting(), 0);
}

TEST(ProcessorSharingCpu, CancellingBurstsAnywhereInTheHeapKeepsTheOthersInOrder) {
  ProcessorSharingCpu cpu(6);  // all at full speed, but seven bursts: in the heap
  Bursts b{cpu, {}};
  const std::vector<sim::Time> demands = {600, 100, 500, 200, 400, 300, 700};
  for (std::uint32_t r = 0; r < demands.size(); ++r) (void)b.submit(0, r, demands[r] * 7 / 6);
  b.cancel(0, 1);  // the earliest, at the heap's top
  b.cancel(0, 6);  // the latest
  b.cancel(0, 3);
  EXPECT_EQ(cpu.running(), 4);
  EXPECT_EQ(cpu.next_completion_ns(), 350);
  EXPECT_EQ(b.submit(0, 9, 250), 250);  // a core of its own: not in the heap
  EXPECT_TRUE(b.complete_own(250, 9));
  EXPECT_EQ(complete(cpu, 350), (std::vector<std::uint32_t>{5}));
  b.cancel(350, 2);
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
  cpu.cancel(10, 2, b);  // queued: just leaves
  EXPECT_EQ(cpu.waiting(), 1);
  cpu.cancel(20, 1, a);  // running: 3 starts at 20
  EXPECT_EQ(cpu.next_completion_ns(), 120);
  EXPECT_EQ(complete(cpu, 120), std::vector<std::uint32_t>{3});
}

}  // namespace
}  // namespace stacksim::models
