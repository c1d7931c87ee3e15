#include "findings/downtime_summary.h"

namespace stacksim::findings {

double DowntimeTotals::total_s(const std::string& target) const {
  const auto found = seconds.find(target);
  if (found == seconds.end()) return 0.0;
  double total = 0.0;
  for (const auto& [cause, s] : found->second) total += s;
  return total;
}

DowntimeTotals downtime_totals(const std::vector<models::RunResult>& replications) {
  DowntimeTotals totals;
  for (const models::RunResult& r : replications) {
    totals.truncated = totals.truncated || r.downtime.size() >= models::kMaxDowntimeWindows;
    for (const models::DowntimeWindow& w : r.downtime) {
      totals.seconds[w.target][w.cause] += w.end_s - w.start_s;
    }
  }
  const double n = static_cast<double>(replications.size());
  for (auto& [target, causes] : totals.seconds) {
    for (auto& [cause, s] : causes) s /= n;
  }
  return totals;
}

}  // namespace stacksim::findings
