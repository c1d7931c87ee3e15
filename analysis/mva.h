#pragma once

#include <string>
#include <vector>

#include "analysis/result.h"
#include "analysis/station_kind.h"

namespace stacksim::analysis {

// A station of a closed product-form network.
struct ClosedStation {
  std::string name;
  double demand_s = 0.0;  // service demand per request: visits x mean service time per visit
  StationKind kind = StationKind::kQueue;
  int servers = 1;  // kQueue only: identical servers sharing one queue (M/M/c); ignored for kDelay
};

// N users cycle between thinking (think_time_s on average) and one request through the stations.
struct ClosedNetwork {
  std::vector<ClosedStation> stations;
  double think_time_s = 0.0;
};

// The network's steady state with `users` users; vectors are aligned with the stations.
struct MvaPoint {
  int users = 0;
  double throughput_per_s = 0.0;
  double response_s = 0.0;           // sum of the residence times; the think time is not in it
  std::vector<double> residence_s;   // time a request spends at the station, over all its visits
  std::vector<double> queue_length;  // mean requests at the station, waiting or in service
  // Busy fraction of each server, X D / c. For a delay station, X D: the mean requests there.
  std::vector<double> utilization;
};

// Exact mean value analysis (Reiser & Lavenberg) of a single-class closed network, for 1, 2, ...,
// `users` users: element n - 1 is the solution with n users (empty for 0 users). A multi-server
// station is solved exactly as a load-dependent one, through the marginal probabilities of its
// queue length (Menasce & Almeida), in O(users x servers) time. Fails, naming the culprit, when
// `users` is negative, there is no station, a demand or the think time is negative or not finite,
// or a queueing station has fewer than one server.
[[nodiscard]] Result<std::vector<MvaPoint>> solve_mva(const ClosedNetwork& network, int users);

}  // namespace stacksim::analysis
