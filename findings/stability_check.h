#pragma once

#include <string>
#include <vector>

#include "models/run_result.h"

// Whether a run's backlog was bounded: an open workload offered more than a component can
// serve makes the requests in the system grow without end, and the averages of such a run
// describe only how long it ran.
namespace stacksim::findings {

struct StabilityCheck {
  bool unstable = false;
  // The run was stopped when it held models::kMaxRequestsHeld requests (any replication).
  bool stopped = false;
  double stopped_at_s = 0.0;  // scenario clock, first stopped replication
  // Where the backlog built up (the component whose waiting room grew most, else whose busy
  // slots did), and its offered load relative to what it served: arrivals / completed visits,
  // which for a saturated component is its utilization rho = lambda / capacity.
  std::string component;
  double rho = 0.0;
  double backlog_growth_per_s = 0.0;  // requests in the system, per measured second
  // Means over replications: requests offered after the warm-up and not ended at its end, and
  // the availability when they count as not served.
  double unfinished = 0.0;
  double availability_with_unfinished = 1.0;
};

// The backlog rule, per replication: unstable when the run was stopped at the request limit, or
// when over the measured period the requests in the system grew by at least 100 and by at least
// 5% of the requests offered, and still grew in its second half (by at least a quarter of the
// whole growth). A stable system's backlog ends about where it began, whatever the run length;
// an unstable one's grows with it. The run is unstable when any replication is; the component
// and rho are those of the first unstable replication.
[[nodiscard]] StabilityCheck check_stability(const std::vector<models::RunResult>& replications);

}  // namespace stacksim::findings
