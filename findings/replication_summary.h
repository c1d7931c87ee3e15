#pragma once

#include <map>
#include <string>
#include <vector>

#include "models/run_result.h"

namespace stacksim::findings {

// A 95% confidence interval for a mean over replications (Student t); half_width is 0 with a
// single replication.
struct Interval {
  double mean = 0.0;
  double half_width = 0.0;
  [[nodiscard]] double low() const { return mean - half_width; }
  [[nodiscard]] double high() const { return mean + half_width; }
};

// Mean and 95% interval of values, one per replication.
[[nodiscard]] Interval mean_interval(const std::vector<double>& values);

// The summary metrics of the contract, each the mean over replications, with its interval.
// Latencies are in seconds. All zero when there are no replications.
struct SummaryStats {
  Interval offered, completed, failed, availability, throughput_rps, mean_in_system;
  Interval latency_mean_s, latency_p50_s, latency_p90_s, latency_p95_s, latency_p99_s,
      latency_p999_s, latency_max_s;
  std::map<std::string, double> errors;  // cause -> mean count

  // Availability as time: the weighted share of measured time every class could be served.
  Interval availability_by_time;
  // Client attempts (first tries and retries) and their ratio to offered requests.
  Interval attempts, retry_amplification;
  // Shares of offered requests: succeeded at their first attempt (first_attempt_completed /
  // offered), and succeeded in the end, retries included (completed / offered). Both are 1 in a
  // replication that offered nothing, as availability is.
  Interval first_attempt_success, final_success;
  std::map<std::string, double> attempt_errors;      // cause -> mean count of failed attempts
  std::map<std::string, double> failures_by_origin;  // origin -> mean count of failed requests
  // Writes acknowledged by a database primary but lost when a lagging replica was promoted.
  Interval lost_writes;
  // Some replication was stopped early; measured_s is the mean measured time, how far the
  // measurement got on average.
  bool interrupted = false;
  double measured_s = 0.0;
};

[[nodiscard]] SummaryStats summarize(const std::vector<models::RunResult>& replications);

// A component's results averaged over replications: the fields of ComponentResult, its integer
// counts rounded, and the unrounded means of those counts, fractional with several replications.
struct ComponentStats : models::ComponentResult {
  double mean_visits = 0.0;
  double mean_rejected = 0.0;
};

// Per-component and per-host results averaged field by field over replications (names and
// static fields from the first replication; other replications are matched by name, and one
// lacking an item is left out of that item's means). Integer counts are rounded.
[[nodiscard]] std::vector<ComponentStats> mean_components(
    const std::vector<models::RunResult>& replications);
[[nodiscard]] std::vector<models::HostResult> mean_hosts(
    const std::vector<models::RunResult>& replications);

// Per-class results averaged over replications (names from the first replication); counts may
// be fractional.
struct ClassStats {
  std::string name;
  double offered = 0.0;
  double completed = 0.0;
  double failed = 0.0;
  double mean_latency_s = 0.0;
};
[[nodiscard]] std::vector<ClassStats> mean_classes(
    const std::vector<models::RunResult>& replications);

}  // namespace stacksim::findings
