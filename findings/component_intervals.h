#pragma once

#include <string>
#include <vector>

#include "findings/replication_summary.h"
#include "models/run_result.h"

namespace stacksim::findings {

// The 95% intervals (Student t over replications, as mean_interval) of each component's and each
// host's measures, for the `confidence` of a report with several replications. Items are those
// of the first replication, in its order; other replications are matched by name, and one
// lacking an item is left out of that item's intervals.
struct ComponentIntervals {
  std::string name;
  Interval utilization, mean_queue_length, mean_wait_s, mean_response_s, throughput_rps, rejected,
      availability;
};
struct HostIntervals {
  std::string name;
  Interval cpu_utilization, mean_cpu_queue_length, availability;
};

[[nodiscard]] std::vector<ComponentIntervals> component_intervals(
    const std::vector<models::RunResult>& replications);
[[nodiscard]] std::vector<HostIntervals> host_intervals(
    const std::vector<models::RunResult>& replications);

}  // namespace stacksim::findings
