#pragma once

#include <map>
#include <string>
#include <vector>

#include "models/run_result.h"

namespace stacksim::findings {

// How long each host and component was down, split by the fault that took it down.
struct DowntimeTotals {
  // target -> cause -> seconds of measured time down, the mean over replications (a replication
  // without such a window counts 0). Targets and causes in name order. A component that went
  // down with its host has its own windows, named after the host's fault.
  std::map<std::string, std::map<std::string, double>> seconds;
  // Some replication recorded models::kMaxDowntimeWindows windows and dropped the rest: the
  // totals are then lower bounds.
  bool truncated = false;

  // A target's seconds down, all causes together; 0 for a target never down.
  [[nodiscard]] double total_s(const std::string& target) const;
};

[[nodiscard]] DowntimeTotals downtime_totals(const std::vector<models::RunResult>& replications);

}  // namespace stacksim::findings
