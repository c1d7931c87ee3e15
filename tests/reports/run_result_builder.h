#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "models/run_result.h"
#include "reports/report_context.h"

// Hand-made RunResult values, and the context of their report, for the reports tests.
namespace stacksim::reports::testing {

// A component with the given name and utilization; the other fields are set from `seed` so that
// every field differs between components and replications.
inline models::ComponentResult component(const std::string& name, const std::string& kind,
                                         const std::string& host, int servers, double utilization,
                                         double seed) {
  models::ComponentResult c;
  c.name = name;
  c.kind = kind;
  c.host = host;
  c.servers = servers;
  c.utilization = utilization;
  c.mean_queue_length = 0.5 * seed;
  c.mean_wait_s = 0.001 * seed;
  c.mean_response_s = 0.01 * seed;
  c.throughput_rps = 10.0 * seed;
  c.visits = static_cast<std::uint64_t>(1000 * seed);
  c.rejected = static_cast<std::uint64_t>(seed);
  c.availability = 1.0 - 0.001 * seed;
  return c;
}

inline models::DowntimeWindow window(const std::string& target, const std::string& cause,
                                     double start_s, double end_s) {
  models::DowntimeWindow w;
  w.target = target;
  w.cause = cause;
  w.start_s = start_s;
  w.end_s = end_s;
  return w;
}

// Adds `w` to the run's windows and its seconds to downtime_by_target, as the model does.
inline void add_downtime(models::RunResult& run, const models::DowntimeWindow& w) {
  run.downtime.push_back(w);
  run.downtime_by_target[w.target][w.cause] += w.end_s - w.start_s;
}

inline models::HostResult host(const std::string& name, int cores, double cpu_utilization,
                               double queue, double availability) {
  models::HostResult h;
  h.name = name;
  h.cores = cores;
  h.cpu_utilization = cpu_utilization;
  h.mean_cpu_queue_length = queue;
  h.availability = availability;
  return h;
}

// Records each millisecond value 1..n (as nanoseconds) once.
inline void record_milliseconds(sim::LogHistogram& histogram, int n) {
  for (int ms = 1; ms <= n; ++ms) histogram.record(std::int64_t{ms} * 1'000'000);
}

// One replication of a three-component stack on host "server1": 1000 completed requests with
// latencies 1..1000 ms, 1010 offered, 10 failed (8 rejected by overload, 2 dns_failure from the
// DNS records), one attempt each, over 100 s, no downtime window; app is the busiest resource.
inline models::RunResult sample_run() {
  models::RunResult r;
  r.offered = 1010;
  r.completed = 1000;
  r.failed = 10;
  r.errors = {{"rejected", 8}, {"dns_failure", 2}};
  r.attempts = 1010;
  r.first_attempt_completed = 1000;
  r.attempt_errors = r.errors;
  r.failures_by_origin = {{"overload", 8}, {"dns_records", 2}};
  r.measured_s = 100.0;
  r.mean_in_system = 3.25;
  record_milliseconds(r.latency_ns, 1000);
  r.components = {component("web", "web", "server1", 512, 0.061, 1.0),
                  component("app", "app", "server1", 16, 0.934, 2.0),
                  component("db", "db", "server1", 8, 0.40, 3.0)};
  r.hosts = {host("server1", 4, 0.61, 0.41, 1.0)};
  r.classes = {{"page", 1010, 1000, 10, 0.5005}};
  r.events = 123456;
  return r;
}

// The context of a report on sample_run(): tool 0.1.0, scenario foobar-single-server from
// scenarios/single-server.json (digest 64 'a's), seed 42, `duration_s` after a 300 s warm-up, one
// replication, 12.34 s of wall time.
inline ReportContext sample_context(double duration_s) {
  ReportContext c;
  c.tool_version = "0.1.0";
  c.scenario_name = "foobar-single-server";
  c.scenario_file = "scenarios/single-server.json";
  c.scenario_sha256 = std::string(64, 'a');
  c.seed = 42;
  c.duration_s = duration_s;
  c.warmup_s = 300.0;
  c.replications = 1;
  c.wall_seconds = 12.34;
  return c;
}

}  // namespace stacksim::reports::testing
