#pragma once

#include <optional>
#include <string>
#include <vector>

#include "findings/downtime_summary.h"
#include "findings/replication_summary.h"
#include "models/run_result.h"

namespace stacksim::findings {

// What limits a run: the one resource that, more than any other, turned requests away, held
// them waiting or took the service down. Not simply the busiest thing: a box that swaps, a pool
// of PHP-FPM children that turns requests away or a host that is down limits the run whatever
// the utilization of its CPU. The evidence says why, in numbers.
struct Bottleneck {
  // The host or component; empty when the run has none.
  std::string name;
  // One of "cpu" (a host's cores), "memory" (a host's memory), "workers" (PHP-FPM children),
  // "connections" (Nginx worker_connections, MySQL max_connections, HAProxy maxconn), "backlog"
  // (a web server's or load balancer's accept queue), "servers" (a station's or resolver's
  // slots) or "down" (a failed host or component).
  std::string resource;
  // Which rule picked it, in the order they are tried: "memory" (a host's memory demand exceeded
  // it at least kMemoryOverShare of the time, or the OOM killer ran), "down" (most failed
  // requests failed because of faults, and this target was down longest), "rejections" (it
  // turned away the most requests; its host's cores when they were kCpuSaturatedShare busy or
  // more, as its slots were then full of requests waiting for a core), "waiting" (requests spent
  // the largest share of their latency, at least kWaitingShare, waiting for it), "busiest"
  // (nothing limits yet: the most utilized).
  std::string because;
  // The evidence. utilization: busy share of the resource (cores, slots; memory: mean demand /
  // memory; down: share of the measured time down). rejected: requests it turned away (mean
  // over replications; for a host's cpu picked by "rejections", those its component turned
  // away). wait_share: the share of the mean latency of completed requests spent
  // waiting for it (unset when nothing completed). down_s: seconds down in the measured span.
  // memory_over_share: share of time the host's memory demand exceeded its memory.
  double utilization = 0.0;
  double rejected = 0.0;
  std::optional<double> wait_share;
  double down_s = 0.0;
  double memory_over_share = 0.0;
  double oom_kills = 0.0;
};

inline constexpr double kMemoryOverShare = 0.01;
inline constexpr double kWaitingShare = 0.05;
inline constexpr double kCpuSaturatedShare = 0.9;

// The resource a component's slots stand for, by its kind: "workers" for app, "connections" for
// web, db and lb, "servers" for station and dns.
[[nodiscard]] const char* slot_resource(const std::string& kind);

// The bottleneck of a run from its averaged results (summarize, mean_components, mean_hosts,
// downtime_totals).
[[nodiscard]] Bottleneck find_bottleneck(const SummaryStats& summary,
                                         const std::vector<ComponentStats>& components,
                                         const std::vector<models::HostResult>& hosts,
                                         const DowntimeTotals& downtime);

// The same from the replications.
[[nodiscard]] Bottleneck find_bottleneck(const std::vector<models::RunResult>& replications);

}  // namespace stacksim::findings
