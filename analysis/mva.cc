#include "analysis/mva.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "analysis/input_check.h"

namespace stacksim::analysis {
namespace {

using internal::must_be;
using internal::non_negative_finite;

std::string check(const ClosedNetwork& network, int users) {
  if (users < 0) {
    return "the number of users must be non-negative (got " + std::to_string(users) + ")";
  }
  if (network.stations.empty()) return "a closed network needs at least one station";
  if (!non_negative_finite(network.think_time_s)) {
    return must_be("think_time_s", "non-negative and finite", network.think_time_s);
  }
  double total_s = network.think_time_s;
  for (std::size_t k = 0; k < network.stations.size(); ++k) {
    const ClosedStation& station = network.stations[k];
    const std::string where = "stations[" + std::to_string(k) + "] (" + station.name + ")";
    if (!non_negative_finite(station.demand_s)) {
      return must_be(where + " demand_s", "non-negative and finite", station.demand_s);
    }
    if (station.kind == StationKind::kQueue && station.servers < 1) {
      return where + " must have at least one server (got " + std::to_string(station.servers) + ")";
    }
    total_s += station.demand_s;
  }
  if (total_s == 0.0) return "the demands and the think time are all zero";
  return {};
}

}  // namespace

Result<std::vector<MvaPoint>> solve_mva(const ClosedNetwork& network, int users) {
  if (std::string error = check(network, users); !error.empty()) {
    return Result<std::vector<MvaPoint>>::failure(std::move(error));
  }
  const std::size_t stations = network.stations.size();
  // For each multi-server station, P(j requests there | one user fewer) for j below its number
  // of servers: as much of its queue-length distribution as exact MVA needs.
  std::vector<std::vector<double>> marginals(stations);
  for (std::size_t k = 0; k < stations; ++k) {
    const ClosedStation& station = network.stations[k];
    if (station.kind == StationKind::kQueue && station.servers > 1) {
      // Queue lengths above `users` have probability 0, so there is no need to track them.
      marginals[k].assign(std::min(station.servers, users + 1), 0.0);
      marginals[k][0] = 1.0;
    }
  }

  std::vector<MvaPoint> points;
  points.reserve(users);
  std::vector<double> queue_length(stations, 0.0);  // with one user fewer
  for (int n = 1; n <= users; ++n) {
    MvaPoint point;
    point.users = n;
    point.residence_s.resize(stations);
    for (std::size_t k = 0; k < stations; ++k) {
      const ClosedStation& station = network.stations[k];
      const double d = station.demand_s;
      double r = d;  // a delay station, or an idle server at once
      if (station.kind == StationKind::kQueue) {
        if (station.servers == 1) {
          r = d * (1.0 + queue_length[k]);
        } else {
          // Arrival theorem with load-dependent rate min(j, c) / D: an arrival that finds j < c
          // requests is served at once; the term below adds the servers it finds idle.
          const int c = station.servers;
          const std::vector<double>& p = marginals[k];
          double idle = 0.0;
          for (int j = 0; j + 1 < c && j < static_cast<int>(p.size()); ++j) {
            idle += (c - 1 - j) * p[j];
          }
          r = d / c * (1.0 + queue_length[k] + idle);
        }
      }
      point.residence_s[k] = r;
      point.response_s += r;
    }
    point.throughput_per_s = n / (network.think_time_s + point.response_s);
    const double x = point.throughput_per_s;

    point.queue_length.resize(stations);
    point.utilization.resize(stations);
    for (std::size_t k = 0; k < stations; ++k) {
      const ClosedStation& station = network.stations[k];
      const double busy = x * station.demand_s;  // mean busy servers (utilization law)
      point.queue_length[k] = x * point.residence_s[k];
      const bool multi = station.kind == StationKind::kQueue && station.servers > 1;
      point.utilization[k] = multi ? busy / station.servers : busy;
      if (!multi) continue;
      // P(j | n) = X D / j * P(j - 1 | n - 1) for 0 < j < c, and P(0 | n) from the utilization
      // law, sum_j min(j, c) P(j | n) = X D. The subtraction can cancel at saturation, where
      // P(0 | n) is tiny; it is clamped at 0 so that rounding cannot make it negative.
      const int c = station.servers;
      std::vector<double>& p = marginals[k];
      double weighted = busy;
      for (int j = static_cast<int>(p.size()) - 1; j >= 1; --j) {
        p[j] = busy / j * p[j - 1];
        weighted += (c - j) * p[j];
      }
      p[0] = std::max(0.0, 1.0 - weighted / c);
    }
    queue_length = point.queue_length;
    points.push_back(std::move(point));
  }
  return points;
}

}  // namespace stacksim::analysis
