#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "sim/log_histogram.h"

// What one replication measured, after its warm-up. Times are on the scenario clock: 0 is the
// start of the simulation, the warm-up included. This is everything the reports read; they
// never look at the engine or the models.
namespace stacksim::models {

struct ComponentResult {
  std::string name;
  std::string kind;  // "station", "web", ...
  std::string host;  // empty when not placed
  int servers = 0;
  double utilization = 0.0;        // time-average busy servers / servers
  double mean_queue_length = 0.0;  // time-average number waiting for a slot
  double mean_wait_s = 0.0;        // mean wait for a slot, over visits that got one
  double mean_response_s = 0.0;    // mean time from arrival to leaving, over completed visits
  double throughput_rps = 0.0;     // completed visits per simulated second
  std::uint64_t visits = 0;        // completed visits
  std::uint64_t rejected = 0;      // arrivals turned away by a full waiting room
  double availability = 1.0;       // fraction of measured time the component was up
  // Change over the measured period of the requests waiting for a slot and of the busy slots:
  // where a backlog builds up. `arrivals` = visits + rejected + both changes (visits that failed
  // while there are not counted).
  double waiting_growth = 0.0;
  double busy_growth = 0.0;
  double arrivals = 0.0;
};

struct HostResult {
  std::string name;
  int cores = 0;
  double cpu_utilization = 0.0;        // time-average busy cores / cores
  double mean_cpu_queue_length = 0.0;  // time-average CPU bursts waiting for a core
  double availability = 1.0;
  // Memory, when the scenario models it on this host (memory_bytes > 0): what the components on
  // it asked for, on average and at the peak, the share of time the demand exceeded the host's
  // memory (swapping, or an OOM kill under way), and the processes the OOM killer took.
  std::int64_t memory_bytes = 0;
  double mean_memory_demand_bytes = 0.0;
  std::int64_t peak_memory_demand_bytes = 0;
  double memory_over_share = 0.0;
  std::uint64_t oom_kills = 0;
};

struct ClassResult {
  std::string name;
  std::uint64_t offered = 0;
  std::uint64_t completed = 0;
  std::uint64_t failed = 0;
  double mean_latency_s = 0.0;
};

// One row of the time series: the interval [start_s, end_s) of the measured span, on the
// scenario clock (seconds since the simulation started, warm-up included).
struct IntervalRow {
  double start_s = 0.0;
  double end_s = 0.0;
  std::uint64_t offered = 0;
  std::uint64_t completed = 0;
  std::uint64_t failed = 0;
  double latency_p50_s = 0.0;
  double latency_p99_s = 0.0;
  std::vector<double> component_utilization;   // indexed like RunResult::components
  std::vector<double> component_queue_length;  // indexed like RunResult::components
  std::vector<double> host_cpu_utilization;    // indexed like RunResult::hosts
  std::vector<double> component_up;            // fraction of the interval each component was up
  std::vector<double> host_up;                 // fraction of the interval each host was up
  double in_system = 0.0;                      // requests in the system at the interval's end

  // The share of the requests ended in the interval that failed; 0 when none ended.
  [[nodiscard]] double error_rate() const {
    const auto ended = completed + failed;
    return ended ? static_cast<double>(failed) / static_cast<double>(ended) : 0.0;
  }
};

// A stretch of the measured span during which a host or component was unavailable, on the
// scenario clock, clipped to the measured span.
struct DowntimeWindow {
  std::string target;
  std::string cause;  // the fault kind: "crash", "maintenance", "dns_outage", ...
  double start_s = 0.0;
  double end_s = 0.0;  // the end of the measured span when still down then
};

inline constexpr std::size_t kMaxDowntimeWindows = 10000;

struct RunResult {
  std::uint64_t offered = 0;
  std::uint64_t completed = 0;
  std::uint64_t failed = 0;
  std::map<std::string, std::uint64_t> errors;  // cause -> count of failed requests
  // Client attempts (first tries and retries), the requests offered after the warm-up that
  // succeeded at their first try, and why attempts failed (retried or not).
  std::uint64_t attempts = 0;
  std::uint64_t first_attempt_completed = 0;
  std::map<std::string, std::uint64_t> attempt_errors;
  // Failed requests by what made them fail: "crash", "process_crash", "maintenance",
  // "dns_outage", "network", or "overload" when no fault was involved.
  std::map<std::string, std::uint64_t> failures_by_origin;
  // Share of measured time during which every component a request class needs was up, weighted
  // by the classes' weights.
  double availability_by_time = 1.0;
  // Writes the primary had acknowledged in the last `replication_lag` before it failed, lost
  // when a replica that had not received them was promoted.
  std::uint64_t lost_writes = 0;
  // Times the service went from fully up (every class had a path) to not, a disturbance already
  // under way when the measured span began counting once.
  std::uint64_t service_outages = 0;
  std::vector<DowntimeWindow> downtime;  // in order of start; at most kMaxDowntimeWindows
  // More windows than kMaxDowntimeWindows fell in the measured span; `downtime` lists the first.
  bool downtime_truncated = false;
  // Target -> cause -> seconds of the measured span it was down: exact, whatever the cap.
  std::map<std::string, std::map<std::string, double>> downtime_by_target;
  // The measured span is [measured_from_s, measured_from_s + measured_s) on the scenario clock:
  // it starts when the warm-up ends.
  double measured_from_s = 0.0;
  double measured_s = 0.0;  // measured (post-warm-up) simulated time
  double mean_in_system = 0.0;
  sim::LogHistogram latency_ns;  // completed requests only
  std::vector<ComponentResult> components;
  std::vector<HostResult> hosts;
  std::vector<ClassResult> classes;
  std::vector<IntervalRow> series;
  std::uint64_t events = 0;  // engine events processed, warm-up included
  bool interrupted = false;  // stopped early; measured_s says how far it got
  // Stopped early because kMaxRequestsHeld requests were held at once (an unbounded backlog);
  // measured_s says how far it got (0 when that happened in the warm-up).
  bool backlog_limit_reached = false;
  double stopped_at_s = 0.0;  // scenario clock when it stopped (backlog_limit_reached)
  // Requests in the system when the measured period began and when it ended.
  double in_system_at_start = 0.0;
  double in_system_at_end = 0.0;

  // Requests offered in the measured period that had neither completed nor failed at its end.
  [[nodiscard]] std::uint64_t unfinished() const {
    return offered > completed + failed ? offered - completed - failed : 0;
  }

  [[nodiscard]] double availability() const {
    const auto ended = completed + failed;
    return ended ? static_cast<double>(completed) / static_cast<double>(ended) : 1.0;
  }
  [[nodiscard]] double retry_amplification() const {
    return offered ? static_cast<double>(attempts) / static_cast<double>(offered) : 1.0;
  }
  [[nodiscard]] double throughput_rps() const {
    return measured_s > 0 ? static_cast<double>(completed) / measured_s : 0.0;
  }
};

}  // namespace stacksim::models
