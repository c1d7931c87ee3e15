#include "analysis/open_network.h"

#include <limits>
#include <string>
#include <utility>

#include "analysis/erlang.h"
#include "analysis/input_check.h"

namespace stacksim::analysis {
namespace {

using internal::must_be;
using internal::non_negative_finite;

constexpr double kInfinity = std::numeric_limits<double>::infinity();

std::string check(const OpenNetwork& network) {
  if (network.stations.empty()) return "an open network needs at least one station";
  if (!non_negative_finite(network.arrival_rate_per_s)) {
    return must_be("arrival_rate_per_s", "non-negative and finite", network.arrival_rate_per_s);
  }
  for (std::size_t k = 0; k < network.stations.size(); ++k) {
    const OpenStation& station = network.stations[k];
    const std::string where = "stations[" + std::to_string(k) + "] (" + station.name + ")";
    if (!non_negative_finite(station.visits)) {
      return must_be(where + " visits", "non-negative and finite", station.visits);
    }
    if (!non_negative_finite(station.service_s)) {
      return must_be(where + " service_s", "non-negative and finite", station.service_s);
    }
    if (station.kind == StationKind::kQueue && station.servers < 1) {
      return where + " must have at least one server (got " + std::to_string(station.servers) + ")";
    }
  }
  return {};
}

OpenStationResult solve_station(double arrival_rate_per_s, const OpenStation& station) {
  OpenStationResult result;
  const double lambda = arrival_rate_per_s * station.visits;  // arrivals at the station
  const double offered = lambda * station.service_s;          // erlangs
  if (station.kind == StationKind::kDelay) {
    result.utilization = offered;
    result.response_s = station.service_s;
  } else {
    const int c = station.servers;
    result.utilization = offered / c;
    if (result.utilization >= 1.0) {
      result.stable = false;
      result.wait_probability = 1.0;
      result.waiting_s = result.response_s = result.residence_s = result.queue_length = kInfinity;
      return result;
    }
    result.wait_probability = erlang_c(c, offered);
    result.waiting_s =
        offered > 0.0 ? result.wait_probability * station.service_s / (c - offered) : 0.0;
    result.response_s = result.waiting_s + station.service_s;
  }
  result.residence_s = station.visits * result.response_s;
  result.queue_length = lambda * result.response_s;  // Little's law
  return result;
}

}  // namespace

Result<OpenNetworkSolution> solve_open_network(const OpenNetwork& network) {
  if (std::string error = check(network); !error.empty()) {
    return Result<OpenNetworkSolution>::failure(std::move(error));
  }
  OpenNetworkSolution solution;
  for (const OpenStation& station : network.stations) {
    const OpenStationResult& result =
        solution.stations.emplace_back(solve_station(network.arrival_rate_per_s, station));
    solution.stable = solution.stable && result.stable;
    solution.response_s += result.residence_s;
    solution.requests_in_system += result.queue_length;
  }
  return solution;
}

}  // namespace stacksim::analysis
