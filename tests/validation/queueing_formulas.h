#pragma once

#include <cmath>

// Closed forms of textbook queueing theory, the references the validation suite checks the
// simulator against (Kleinrock, Queueing Systems I; Lazowska et al., Quantitative System
// Performance, for MVA).
namespace stacksim::testing {

// Erlang B: probability that an arrival finds all c servers busy in M/M/c/c, offered load a.
inline double erlang_b(int c, double a) {
  double b = 1.0;
  for (int k = 1; k <= c; ++k) b = a * b / (k + a * b);
  return b;
}

// Erlang C: probability of waiting in M/M/c with offered load a < c.
inline double erlang_c(int c, double a) {
  const double b = erlang_b(c, a);
  const double rho = a / c;
  return b / (1.0 - rho + rho * b);
}

// Mean response time of M/M/c with arrival rate lambda and mean service time s.
inline double mmc_response(int c, double lambda, double s) {
  const double a = lambda * s;
  return s + erlang_c(c, a) * s / (c - a);
}

// Blocking probability of M/M/c/K (c servers, K places in all) from the birth-death chain.
inline double mmck_blocking(int c, int k, double lambda, double s) {
  double p = 1.0, sum = 1.0;
  for (int n = 1; n <= k; ++n) {
    p *= lambda * s / std::min(n, c);
    sum += p;
  }
  return p / sum;
}

// Exact MVA for one queueing station (single server) and a think time: N users, service s,
// think z. Returns {throughput, response}.
struct MvaResult {
  double throughput;
  double response;
};
inline MvaResult mva_single_station(int users, double s, double z) {
  double queue = 0.0, response = 0.0, throughput = 0.0;
  for (int n = 1; n <= users; ++n) {
    response = s * (1.0 + queue);
    throughput = n / (response + z);
    queue = throughput * response;
  }
  return {throughput, response};
}

}  // namespace stacksim::testing
