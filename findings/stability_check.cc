#include "findings/stability_check.h"

#include <limits>

namespace stacksim::findings {
namespace {

constexpr double kMinGrowth = 100.0;
constexpr double kMinGrowthShare = 0.05;
constexpr double kMinSecondHalfShare = 0.25;

bool grew_without_bound(const models::RunResult& r) {
  if (r.backlog_limit_reached) return true;
  const double growth = r.in_system_at_end - r.in_system_at_start;
  if (growth < kMinGrowth || growth < kMinGrowthShare * static_cast<double>(r.offered)) {
    return false;
  }
  if (r.series.size() < 2) return true;
  const double middle = r.series[r.series.size() / 2 - 1].in_system;
  return r.in_system_at_end - middle >= kMinSecondHalfShare * growth;
}

// The component whose waiting room grew most; else the one whose busy slots did.
const models::ComponentResult* backlog_component(const models::RunResult& r) {
  const models::ComponentResult* best = nullptr;
  for (const auto& c : r.components) {
    if (c.waiting_growth >= 1.0 && (best == nullptr || c.waiting_growth > best->waiting_growth)) {
      best = &c;
    }
  }
  if (best != nullptr) return best;
  for (const auto& c : r.components) {
    if (c.busy_growth >= 1.0 && (best == nullptr || c.busy_growth > best->busy_growth)) best = &c;
  }
  return best;
}

}  // namespace

StabilityCheck check_stability(const std::vector<models::RunResult>& replications) {
  StabilityCheck check;
  if (replications.empty()) return check;
  double with_unfinished = 0.0;
  for (const models::RunResult& r : replications) {
    const auto unfinished = static_cast<double>(r.unfinished());
    check.unfinished += unfinished;
    const double ended = static_cast<double>(r.completed + r.failed) + unfinished;
    with_unfinished += ended > 0 ? static_cast<double>(r.completed) / ended : 1.0;
    if (r.backlog_limit_reached && !check.stopped) {
      check.stopped = true;
      check.stopped_at_s = r.stopped_at_s;
    }
    if (check.unstable || !grew_without_bound(r)) continue;
    check.unstable = true;
    if (r.measured_s > 0) {
      check.backlog_growth_per_s = (r.in_system_at_end - r.in_system_at_start) / r.measured_s;
    }
    if (const models::ComponentResult* c = backlog_component(r)) {
      check.component = c->name;
      check.rho = c->visits > 0 ? c->arrivals / static_cast<double>(c->visits)
                                : std::numeric_limits<double>::infinity();
    }
  }
  const auto n = static_cast<double>(replications.size());
  check.unfinished /= n;
  check.availability_with_unfinished = with_unfinished / n;
  return check;
}

}  // namespace stacksim::findings
