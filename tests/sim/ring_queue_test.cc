#include "sim/ring_queue.h"

#include <gtest/gtest.h>

#include <vector>

namespace stacksim::sim {
namespace {

std::vector<int> drain(RingQueue<int>& q) {
  std::vector<int> out;
  while (!q.empty()) out.push_back(q.pop());
  return out;
}

TEST(RingQueue, FirstInFirstOutAcrossGrowthAndWrapAround) {
  RingQueue<int> q;
  for (int i = 0; i < 10; ++i) q.push(i);
  for (int i = 0; i < 8; ++i) EXPECT_EQ(q.pop(), i);  // the head moves to 8 of 16
  for (int i = 10; i < 40; ++i) q.push(i);            // wraps, then grows past 16
  EXPECT_EQ(q.size(), 32u);
  EXPECT_EQ(q.front(), 8);
  std::vector<int> expected;
  for (int i = 8; i < 40; ++i) expected.push_back(i);
  EXPECT_EQ(drain(q), expected);
}

TEST(RingQueue, PushingItsOwnFrontSurvivesGrowth) {
  RingQueue<int> q;
  for (int i = 0; i < 16; ++i) q.push(i);  // full: the next push grows the buffer
  q.push(q.front());
  EXPECT_EQ(q.size(), 17u);
  for (int i = 0; i < 16; ++i) q.pop();
  EXPECT_EQ(q.pop(), 0);
}

TEST(RingQueue, RemoveFirstIfTakesOnlyTheFirstMatchAndKeepsOrder) {
  RingQueue<int> q;
  for (int i = 0; i < 14; ++i) q.push(-1);
  for (int i = 0; i < 14; ++i) q.pop();  // the head at 14 of 16: what follows wraps around
  for (const int v : {1, 2, 3, 2, 4}) q.push(v);
  EXPECT_TRUE(q.remove_first_if([](int v) { return v == 2; }));
  EXPECT_FALSE(q.remove_first_if([](int v) { return v == 7; }));
  EXPECT_EQ(drain(q), (std::vector<int>{1, 3, 2, 4}));
  EXPECT_FALSE(q.remove_first_if([](int) { return true; }));  // empty
}

}  // namespace
}  // namespace stacksim::sim
