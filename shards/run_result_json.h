#pragma once

#include <nlohmann/json.hpp>

#include "models/run_result.h"

// A replication's results saved as JSON and read back exactly: every field of RunResult, with
// doubles written so that reading them gives the same bits (non-finite values as the strings
// "nan", "inf" and "-inf") and the latency histogram as its non-empty buckets. This is what a
// shard's partial report carries, so that merging shards reports what one process would have.
namespace stacksim::shards {

[[nodiscard]] nlohmann::ordered_json run_result_json(const models::RunResult& result);

// The RunResult that run_result_json wrote. Throws std::runtime_error naming the JSON pointer
// (relative to `j`) of the first key that is missing or has the wrong type.
[[nodiscard]] models::RunResult run_result_from_json(const nlohmann::json& j);

}  // namespace stacksim::shards
