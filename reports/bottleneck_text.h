#pragma once

#include <string>

#include "findings/bottleneck.h"

// The bottleneck (findings::Bottleneck) in words.
namespace stacksim::reports {

// The resource named as a user knows it: "server1 cpu", "app workers (PHP-FPM children)",
// "web backlog (accept queue)", "server1 down", "db connections (MySQL max_connections)";
// empty for no bottleneck.
[[nodiscard]] std::string bottleneck_label(const findings::Bottleneck& bottleneck);

// The label and its evidence, without a trailing newline: "app workers (PHP-FPM children):
// 30,246 requests rejected · 100.0% busy · 61.2% of latency spent waiting for it". Empty for no
// bottleneck.
[[nodiscard]] std::string bottleneck_text(const findings::Bottleneck& bottleneck);

}  // namespace stacksim::reports
