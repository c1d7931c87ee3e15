#pragma once

#include <string>
#include <vector>

#include "analysis/result.h"
#include "analysis/station_kind.h"

namespace stacksim::analysis {

// A station of an open product-form (Jackson) network.
struct OpenStation {
  std::string name;
  double visits = 1.0;     // mean visits per request
  double service_s = 0.0;  // mean service time per visit
  StationKind kind = StationKind::kQueue;
  int servers = 1;  // kQueue only: identical servers sharing one queue (M/M/c); ignored for kDelay
};

// Requests arrive as a Poisson stream and visit the stations (in any order and routing that
// gives these mean visit counts) before leaving.
struct OpenNetwork {
  double arrival_rate_per_s = 0.0;
  std::vector<OpenStation> stations;
};

struct OpenStationResult {
  // Busy fraction of each server, lambda V S / c; for a delay station, lambda V S (the mean
  // requests there). The station is stable when it is below 1 (always for a delay station).
  double utilization = 0.0;
  bool stable = true;
  double wait_probability = 0.0;  // Erlang C: P(an arrival waits); 0 at a delay station
  // The rest are +inf at an unstable station.
  double waiting_s = 0.0;     // mean wait in the queue per visit
  double response_s = 0.0;    // mean wait plus service per visit
  double residence_s = 0.0;   // per request, over all its visits: V x response_s
  double queue_length = 0.0;  // mean requests at the station, waiting or in service
};

struct OpenNetworkSolution {
  std::vector<OpenStationResult> stations;  // aligned with the network's stations
  bool stable = true;                       // every station is
  double response_s = 0.0;                  // sum of the residence times; +inf if unstable
  double requests_in_system = 0.0;          // sum of the queue lengths; +inf if unstable
};

// Solves each station as an independent M/M/c (or M/M/inf) queue fed at lambda x visits, as
// Jackson's theorem allows. An unstable station (utilization >= 1) is reported in the solution,
// not as an error. Fails, naming the culprit, when there is no station, the arrival rate, a visit
// count or a service time is negative or not finite, or a queueing station has fewer than one
// server.
[[nodiscard]] Result<OpenNetworkSolution> solve_open_network(const OpenNetwork& network);

}  // namespace stacksim::analysis
