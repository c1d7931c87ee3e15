#pragma once

#include <CLI/CLI.hpp>

// Checks of command-line values that CLI11's own validators word badly or let through.
namespace stacksim::cli {

// An integer of at least 1 (--replications, --threads): "must be at least 1, got 0".
[[nodiscard]] CLI::Validator at_least_one();

// A seed: a non-negative integer. CLI11 would read "-1" into an unsigned as 2^64 - 1, a seed the
// scenario file itself refuses.
[[nodiscard]] CLI::Validator non_negative_seed();

}  // namespace stacksim::cli
