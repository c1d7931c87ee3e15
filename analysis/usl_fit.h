#pragma once

#include <vector>

#include "analysis/result.h"

namespace stacksim::analysis {

// Gunther's Universal Scalability Law: X(N) = lambda N / (1 + sigma (N - 1) + kappa N (N - 1)),
// the throughput at concurrency (users, threads, nodes) N.
struct UslFit {
  double lambda = 0.0;  // throughput of one (X(1) without contention), in the data's units
  double sigma = 0.0;   // contention (serialized fraction), >= 0
  double kappa = 0.0;   // coherency (crosstalk) cost, >= 0
  // The N of peak throughput, sqrt((1 - sigma) / kappa); +inf when kappa = 0 (throughput rises
  // towards lambda / sigma), 1 when sigma >= 1 and kappa > 0 (throughput never rises).
  double peak_n = 0.0;
  double r_squared = 0.0;  // 1 - SSE / SST of the fitted throughput; 1 for a perfect fit
};

// Fits the USL to measured points (n[i], throughput[i]) by least squares on the throughput,
// subject to sigma, kappa >= 0: a linear least-squares start on N / X(N) (a quadratic in N),
// then Levenberg-Marquardt on each face of the constraint set, keeping the best feasible fit.
// Fails when the vectors differ in length, hold fewer than three distinct values of n, or hold
// a value that is not positive and finite.
[[nodiscard]] Result<UslFit> fit_usl(const std::vector<double>& n,
                                     const std::vector<double>& throughput);

// The throughput the fitted law predicts at concurrency n.
[[nodiscard]] double usl_throughput(const UslFit& fit, double n);

}  // namespace stacksim::analysis
