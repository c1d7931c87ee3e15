#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/experiment.h"

// Sharding an experiment: which of its points x replications one of N independent processes
// runs. A task's results depend only on its scenario and replication, so the shards of an
// experiment together measure exactly what one process would.
namespace stacksim::shards {

// Shard `index` of `count` (1 <= index <= count), as `--shard I/N` writes it.
struct Shard {
  int index = 1;
  int count = 1;
};

// The most shards an experiment may be split into.
inline constexpr int kMaxShards = 100'000;

// "I/N" with integers 1 <= I <= N <= kMaxShards -> the shard; nullopt for anything else.
[[nodiscard]] std::optional<Shard> parse_shard(std::string_view text);

// "I/N".
[[nodiscard]] std::string to_string(const Shard& shard);

// The tasks of `shard` in an experiment of `points` points x `replications` replications, in
// point-then-replication order. With at least as many points as shards, whole points are dealt
// out in turn (point p to shard p mod N + 1), so that every shard gets points from all over the
// grid; with fewer points than shards, the point x replication tasks are dealt out in turn
// instead, so a point's replications may be split across shards. Every task belongs to exactly
// one shard; a shard may have none when there are fewer tasks than shards.
[[nodiscard]] std::vector<models::ExperimentTask> shard_tasks(std::size_t points, int replications,
                                                              const Shard& shard);

}  // namespace stacksim::shards
