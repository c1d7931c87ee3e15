// Which tasks a shard runs (every task in exactly one shard), and the --shard I/N syntax.
#include "shards/shard.h"

#include <gtest/gtest.h>

#include <set>
#include <utility>

namespace stacksim::shards {
namespace {

TEST(Shard, ParsesIndexOverCount) {
  const auto shard = parse_shard("2/8");
  ASSERT_TRUE(shard);
  EXPECT_EQ(shard->index, 2);
  EXPECT_EQ(shard->count, 8);
  EXPECT_EQ(to_string(*shard), "2/8");
  EXPECT_TRUE(parse_shard("1/1"));
  for (const char* bad :
       {"0/3", "4/3", "3", "/3", "1/", "a/3", "1/3x", "+1/3", "-1/3", "1/0", "1/100001", ""}) {
    EXPECT_FALSE(parse_shard(bad)) << bad;
  }
}

// Every (point, replication) of the experiment, in exactly one of its `count` shards.
void expect_partition(std::size_t points, int replications, int count) {
  std::set<std::pair<std::size_t, std::uint64_t>> seen;
  for (int index = 1; index <= count; ++index) {
    for (const auto& task : shard_tasks(points, replications, Shard{index, count})) {
      EXPECT_TRUE(seen.insert({task.scenario, task.replication}).second)
          << "task " << task.scenario << "/" << task.replication << " twice";
    }
  }
  EXPECT_EQ(seen.size(), points * static_cast<std::size_t>(replications));
}

TEST(Shard, EveryTaskIsInExactlyOneShard) {
  expect_partition(9, 3, 4);
  expect_partition(4, 1, 4);
  expect_partition(2, 5, 3);
  expect_partition(1, 7, 7);
  expect_partition(1, 2, 5);  // fewer tasks than shards: some shards are empty
}

TEST(Shard, DealsWholePointsWhenThereAreEnough) {
  const auto tasks = shard_tasks(7, 2, Shard{2, 3});  // points 1 and 4, both replications
  ASSERT_EQ(tasks.size(), 4u);
  EXPECT_EQ(tasks[0].scenario, 1u);
  EXPECT_EQ(tasks[0].replication, 0u);
  EXPECT_EQ(tasks[1].scenario, 1u);
  EXPECT_EQ(tasks[1].replication, 1u);
  EXPECT_EQ(tasks[2].scenario, 4u);
  EXPECT_EQ(tasks[3].scenario, 4u);
}

TEST(Shard, SplitsReplicationsWhenPointsAreFewerThanShards) {
  // 2 points x 3 replications in 4 shards: tasks 0..5 dealt out in turn, shard 2 gets 1 and 5.
  const auto tasks = shard_tasks(2, 3, Shard{2, 4});
  ASSERT_EQ(tasks.size(), 2u);
  EXPECT_EQ(tasks[0].scenario, 0u);
  EXPECT_EQ(tasks[0].replication, 1u);
  EXPECT_EQ(tasks[1].scenario, 1u);
  EXPECT_EQ(tasks[1].replication, 2u);
  EXPECT_TRUE(shard_tasks(1, 2, Shard{3, 3}).empty());
}

}  // namespace
}  // namespace stacksim::shards
