#include "analysis/usl_fit.h"

#include <Eigen/Dense>
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "analysis/input_check.h"

namespace stacksim::analysis {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// The parameters in the order (lambda, sigma, kappa).
using Params = Eigen::Vector3d;
using FreeMask = std::array<bool, 3>;

struct Data {
  const std::vector<double>& n;
  const std::vector<double>& x;
};

double denominator(const Params& p, double n) {
  return 1.0 + p(1) * (n - 1.0) + p(2) * n * (n - 1.0);
}

// The sum of squared residuals; +inf where the law is undefined (lambda or a denominator not
// positive), which keeps the search away from there.
double sse(const Params& p, const Data& data) {
  if (!(p(0) > 0.0)) return kInfinity;
  double sum = 0.0;
  for (std::size_t i = 0; i < data.n.size(); ++i) {
    const double d = denominator(p, data.n[i]);
    if (!(d > 0.0)) return kInfinity;
    const double r = data.x[i] - p(0) * data.n[i] / d;
    sum += r * r;
  }
  return sum;
}

// Linear least squares on N / X(N) = (1 + sigma (N - 1) + kappa N (N - 1)) / lambda, which is
// linear in (1 / lambda, sigma / lambda, kappa / lambda); clamped to sigma, kappa >= 0. A rough
// start only: it weighs the points unevenly.
Params linearized_start(const Data& data) {
  const Eigen::Index m = static_cast<Eigen::Index>(data.n.size());
  Eigen::MatrixXd a(m, 3);
  Eigen::VectorXd y(m);
  double best_per_unit = 0.0;
  for (Eigen::Index i = 0; i < m; ++i) {
    const double n = data.n[i];
    a.row(i) << 1.0, n - 1.0, n * (n - 1.0);
    y(i) = n / data.x[i];
    best_per_unit = std::max(best_per_unit, data.x[i] / n);
  }
  const Eigen::Vector3d c = a.colPivHouseholderQr().solve(y);
  if (!(c(0) > 0.0) || !c.allFinite()) return Params(best_per_unit, 0.0, 0.0);
  const double lambda = 1.0 / c(0);
  return Params(lambda, std::max(0.0, c(1) * lambda), std::max(0.0, c(2) * lambda));
}

// Levenberg-Marquardt (Marquardt's scaling by the diagonal of J^T J) on the free parameters, the
// others held at their value in `p`. Returns the parameters where it stopped.
Params levenberg_marquardt(Params p, const FreeMask& free, const Data& data) {
  constexpr int kMaxIterations = 500;
  constexpr double kStepTolerance = 1e-13;
  const Eigen::Index m = static_cast<Eigen::Index>(data.n.size());
  double damping = 1e-3;
  double current = sse(p, data);
  for (int iteration = 0; iteration < kMaxIterations; ++iteration) {
    Eigen::MatrixXd jacobian = Eigen::MatrixXd::Zero(m, 3);  // of the model, d X / d p
    Eigen::VectorXd residual(m);
    for (Eigen::Index i = 0; i < m; ++i) {
      const double n = data.n[i];
      const double d = denominator(p, n);
      const double model = p(0) * n / d;
      residual(i) = data.x[i] - model;
      if (free[0]) jacobian(i, 0) = n / d;
      if (free[1]) jacobian(i, 1) = -model * (n - 1.0) / d;
      if (free[2]) jacobian(i, 2) = -model * n * (n - 1.0) / d;
    }
    Eigen::Matrix3d normal = jacobian.transpose() * jacobian;
    const Eigen::Vector3d gradient = jacobian.transpose() * residual;
    for (int j = 0; j < 3; ++j) {
      if (!free[j]) normal(j, j) = 1.0;  // its row and column are zero: a zero step for it
    }
    const Eigen::Vector3d scale = normal.diagonal();

    bool improved = false;
    Eigen::Vector3d step = Eigen::Vector3d::Zero();
    while (damping < 1e20) {
      Eigen::Matrix3d damped = normal;
      damped.diagonal() += damping * scale;
      step = damped.ldlt().solve(gradient);
      const double candidate = sse(p + step, data);
      if (candidate < current) {
        p += step;
        current = candidate;
        damping = std::max(damping / 10.0, 1e-12);
        improved = true;
        break;
      }
      damping *= 10.0;
    }
    if (!improved) break;
    const bool small_step =
        (step.cwiseAbs().array() <= kStepTolerance * (p.cwiseAbs().array() + kStepTolerance)).all();
    if (small_step || current == 0.0) break;
  }
  return p;
}

std::string check(const std::vector<double>& n, const std::vector<double>& throughput) {
  if (n.size() != throughput.size()) {
    return "n and throughput differ in length (" + std::to_string(n.size()) + " and " +
           std::to_string(throughput.size()) + ")";
  }
  for (std::size_t i = 0; i < n.size(); ++i) {
    if (!internal::positive_finite(n[i])) {
      return internal::must_be("n[" + std::to_string(i) + "]", "positive and finite", n[i]);
    }
    if (!internal::positive_finite(throughput[i])) {
      return internal::must_be("throughput[" + std::to_string(i) + "]", "positive and finite",
                               throughput[i]);
    }
  }
  if (std::set<double>(n.begin(), n.end()).size() < 3) {
    return "fitting the USL needs at least 3 distinct values of n";
  }
  return {};
}

}  // namespace

Result<UslFit> fit_usl(const std::vector<double>& n, const std::vector<double>& throughput) {
  if (std::string error = check(n, throughput); !error.empty()) {
    return Result<UslFit>::failure(std::move(error));
  }
  const Data data{n, throughput};
  const Params start = linearized_start(data);

  // The constrained optimum is the unconstrained optimum of one face of {sigma, kappa >= 0}: the
  // interior, sigma = 0, kappa = 0, or both. Fit on each and keep the best feasible fit; the
  // face with both at 0 (lambda alone) is always feasible.
  Params best = start;
  double best_sse = kInfinity;
  for (const FreeMask free : {FreeMask{true, true, true}, FreeMask{true, false, true},
                              FreeMask{true, true, false}, FreeMask{true, false, false}}) {
    Params p = start;
    if (!free[1]) p(1) = 0.0;
    if (!free[2]) p(2) = 0.0;
    p = levenberg_marquardt(p, free, data);
    if (p(1) < 0.0 || p(2) < 0.0) continue;
    const double fit_sse = sse(p, data);
    if (fit_sse < best_sse) {
      best = p;
      best_sse = fit_sse;
    }
  }

  UslFit fit;
  fit.lambda = best(0);
  fit.sigma = best(1);
  fit.kappa = best(2);
  if (fit.kappa <= 0.0) {
    fit.peak_n = kInfinity;
  } else if (fit.sigma >= 1.0) {
    fit.peak_n = 1.0;
  } else {
    fit.peak_n = std::sqrt((1.0 - fit.sigma) / fit.kappa);
  }
  double mean = 0.0;
  for (const double x : throughput) mean += x;
  mean /= static_cast<double>(throughput.size());
  double total = 0.0;
  for (const double x : throughput) total += (x - mean) * (x - mean);
  fit.r_squared = total > 0.0 ? 1.0 - best_sse / total : (best_sse == 0.0 ? 1.0 : 0.0);
  return fit;
}

double usl_throughput(const UslFit& fit, double n) {
  return fit.lambda * n / (1.0 + fit.sigma * (n - 1.0) + fit.kappa * n * (n - 1.0));
}

}  // namespace stacksim::analysis
