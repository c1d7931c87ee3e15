#pragma once

#include <string>

#include "findings/stability_check.h"

namespace stacksim::reports {

// The "Unstable" line of the text summary: which component's offered load exceeded its
// capacity and by how much (rho), how fast the backlog grew, the requests left unfinished and
// the availability counting them, and where the run was stopped. Empty for a stable run.
[[nodiscard]] std::string stability_text(const findings::StabilityCheck& check);

}  // namespace stacksim::reports
