#include "shards/shard.h"

#include <charconv>

namespace stacksim::shards {
namespace {

std::optional<int> parse_count(std::string_view text) {
  int value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || text.empty() || text.front() == '+') return std::nullopt;
  return value;
}

}  // namespace

std::optional<Shard> parse_shard(std::string_view text) {
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const auto index = parse_count(text.substr(0, slash));
  const auto count = parse_count(text.substr(slash + 1));
  if (!index || !count || *index < 1 || *index > *count || *count > kMaxShards) {
    return std::nullopt;
  }
  return Shard{*index, *count};
}

std::string to_string(const Shard& shard) {
  return std::to_string(shard.index) + "/" + std::to_string(shard.count);
}

std::vector<models::ExperimentTask> shard_tasks(std::size_t points, int replications,
                                                const Shard& shard) {
  const auto reps = static_cast<std::size_t>(replications < 1 ? 1 : replications);
  const auto count = static_cast<std::size_t>(shard.count);
  const auto mine = static_cast<std::size_t>(shard.index - 1);
  const bool whole_points = points >= count;
  std::vector<models::ExperimentTask> tasks;
  for (std::size_t point = 0; point < points; ++point) {
    for (std::size_t rep = 0; rep < reps; ++rep) {
      const std::size_t unit = whole_points ? point : point * reps + rep;
      if (unit % count == mine) tasks.push_back({point, rep});
    }
  }
  return tasks;
}

}  // namespace stacksim::shards
