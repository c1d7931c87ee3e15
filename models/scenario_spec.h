#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/distribution.h"
#include "sim/time.h"

// Plain description of a scenario, built by the scenario loader (from JSON) or directly by code
// and tests. Models are constructed from these structs only; they never see JSON. Defaults here
// are the documented defaults of the real software each component stands for.
namespace stacksim::models {

struct HostSpec {
  std::string name;
  int cores = 1;
  std::int64_t memory_bytes = 0;  // 0 = not modelled
  std::string ip;                 // address that DNS A records point at; may be empty
  // What happens when the components on the host need more memory than it has.
  enum class MemoryPressure {
    kSwap,     // everything on the host slows down by `swap_slowdown`
    kOomKill,  // the kernel kills the largest process; its supervisor restarts it
  };
  MemoryPressure memory_pressure = MemoryPressure::kSwap;
  double swap_slowdown = 10.0;
  sim::Time oom_restart_ns = 100'000'000;  // systemd RestartSec= default, 100 ms
  // How the cores are shared. Linux's default scheduler (CFS) time-slices the runnable
  // processes fairly, which processor sharing models; FCFS gives each burst a core to itself
  // until it is done, as a textbook M/G/c station does.
  enum class CpuScheduler { kProcessorSharing, kFcfs };
  CpuScheduler cpu_scheduler = CpuScheduler::kProcessorSharing;
};

enum class ComponentKind { kStation, kDns, kWeb, kApp, kDb, kLb };

// How a load balancer picks a backend (HAProxy's roundrobin, leastconn and random).
enum class BalancePolicy { kRoundRobin, kLeastConnections, kRandom };

[[nodiscard]] const char* to_string(ComponentKind kind);

struct DnsRecordSpec {
  enum class Type { kA, kCname };
  std::string name;  // e.g. "www.foobar.com"
  Type type = Type::kA;
  std::string value;  // CNAME target name or A record address
  sim::Time ttl_ns = 300 * sim::kNanosPerSecond;
};

// Defaults cited where they come from:
//  - Nginx: worker_processes 1 and worker_connections 512 (ngx_event.c; the shipped nginx.conf
//    says 1024), listen backlog 511 (NGX_LISTEN_BACKLOG on Linux).
//  - PHP-FPM as the application server: pm.max_children 5 and listen.backlog 511 (www.conf).
//  - MySQL: max_connections 151 (MySQL 8.0 reference manual, server system variables).
//  - Linux: net.core.somaxconn 4096 since 5.4 caps every listen backlog.
//  - HAProxy: maxconn 2000, its long-standing default (HAProxy configuration manual, maxconn;
//    the limit of a frontend without its own maxconn before newer versions made it follow the
//    global maxconn).
inline constexpr int kNginxWorkerProcesses = 1;
inline constexpr int kNginxWorkerConnections = 512;
inline constexpr int kNginxListenBacklog = 511;
inline constexpr int kPhpFpmMaxChildren = 5;
inline constexpr int kPhpFpmListenBacklog = 511;
inline constexpr int kMysqlMaxConnections = 151;
inline constexpr int kLinuxSomaxconn = 4096;
inline constexpr int kHaproxyMaxconn = 2000;
// The lookup time of a dns component whose scenario gives none: 20 ms, a round figure for a
// resolver's answer, not the documented default of any software.
inline constexpr sim::Time kDnsLookupNs = 20'000'000;

struct ComponentSpec {
  std::string name;
  ComponentKind kind = ComponentKind::kStation;
  std::string host;  // empty = not placed on a host (its CPU work then never queues for cores)

  // Concurrency slots: station servers, Nginx worker_processes x worker_connections, app
  // workers, MySQL max_connections, DNS resolver concurrency.
  int servers = 1;
  // Waiting room for a free slot: nullopt = unbounded, 0 = none (loss system). For web and app
  // this is the listen backlog (already capped at somaxconn by the loader).
  std::optional<std::int64_t> queue_capacity;

  // CPU demand of one visit; queued for the host's cores when the component is on a host.
  // A station's `service` lands here.
  sim::Distribution cpu;
  // Off-CPU time of one visit (I/O, waiting on something not modelled); never uses cores.
  // A DNS resolver's lookup latency lands here.
  sim::Distribution latency;

  // Stack kinds hold their slot while calling the rest of the path; `calls` is how many times
  // one visit calls it (the app's queries per request). Stations never hold.
  int calls = 1;

  // MySQL: each query reads `reads_per_query` pages; each misses the buffer pool with
  // probability 1 - buffer_pool_hit_ratio and then costs one `disk_read` (off-CPU).
  int reads_per_query = 0;
  double buffer_pool_hit_ratio = 1.0;
  sim::Distribution disk_read;

  // DNS: the zone this resolver answers for.
  std::vector<DnsRecordSpec> records;

  // Several instances: one per host listed here (then `host` is empty). A path that names the
  // component reaches one instance: the one a load balancer in front picks, the one on the
  // caller's own host, the one DNS pointed the browser at, or else the next in turn.
  std::vector<std::string> instance_hosts;

  // Load balancer (kind lb): policy and active health checks. HAProxy defaults: inter 2s,
  // fall 3, rise 2.
  BalancePolicy policy = BalancePolicy::kRoundRobin;
  sim::Time health_check_interval_ns = 2 * sim::kNanosPerSecond;
  int health_check_fall = 3;
  int health_check_rise = 2;

  // Database with several instances: the one on `primary_host` takes the writes, the others
  // are read replicas `replication_lag_ns` behind. When the primary fails, a replica is promoted
  // `failover_ns` later (detection plus promotion); 0 = no automatic failover.
  std::string primary_host;
  sim::Time replication_lag_ns = 0;
  sim::Time failover_ns = 0;

  // Memory: resident set of the component, plus so much per busy slot (a PHP-FPM child, a
  // MySQL connection thread); the buffer pool goes in memory_base_bytes.
  std::int64_t memory_base_bytes = 0;
  std::int64_t memory_per_busy_slot_bytes = 0;
};

// Stack kinds hold their slot while the rest of the path runs; stations pass the request on.
[[nodiscard]] inline bool holds_slot_during_calls(ComponentKind kind) {
  return kind == ComponentKind::kWeb || kind == ComponentKind::kApp || kind == ComponentKind::kLb;
}

// Client behaviour on errors and slow answers.
struct ClientSpec {
  sim::Time timeout_ns = 0;  // per attempt; 0 = wait forever
  int max_retries = 0;       // attempts after the first
  // Backoff before retry k (k = 1, 2, ...): min(max, initial * multiplier^(k-1)), then jitter.
  sim::Time backoff_initial_ns = 100'000'000;
  double backoff_multiplier = 2.0;
  sim::Time backoff_max_ns = 10 * sim::kNanosPerSecond;
  // "Exponential Backoff and Jitter" (AWS Architecture Blog): full = uniform(0, b), equal =
  // b/2 + uniform(0, b/2), none = b.
  enum class Jitter { kNone, kFull, kEqual };
  Jitter jitter = Jitter::kFull;
  // The stub resolver's per-attempt timeout and attempts (resolv.conf(5): timeout:5, attempts:2).
  sim::Time dns_timeout_ns = 5 * sim::kNanosPerSecond;
  int dns_attempts = 2;
};

struct RequestClassSpec {
  std::string name;
  double weight = 1.0;
  std::vector<std::string> path;  // component names, in order
  bool writes = false;            // its database queries go to the primary, not a replica
};

// A point of an arrival-rate profile: from `at_ns` on, the rate is `factor` times the
// workload's rate (steps), or moves linearly towards the next point's factor (ramps).
struct RatePoint {
  sim::Time at_ns = 0;
  double factor = 1.0;
};

struct RateProfile {
  std::vector<RatePoint> points;  // sorted by time; empty = constant rate
  bool linear = false;            // ramps between points instead of steps
  sim::Time repeat_ns = 0;        // the profile repeats with this period (a daily curve: 24h)
};

struct WorkloadSpec {
  enum class Process {
    kPoisson,  // rate_per_s, shaped by `profile`
    kClosed,   // users with think time
    kTrace,    // replays recorded arrival times
  };
  Process process = Process::kPoisson;
  double rate_per_s = 1.0;          // kPoisson
  RateProfile profile;              // kPoisson
  std::vector<sim::Time> trace_ns;  // kTrace: arrival times, sorted
  int users = 1;                    // kClosed
  sim::Distribution think;          // kClosed: time between a response and the user's next request
  std::vector<RequestClassSpec> mix;
  // Name the browsers resolve through the scenario's dns component before connecting
  // (e.g. "www.foobar.com"); empty = no name resolution.
  std::string hostname;
  // Distinct browsers, each with its own DNS cache; requests pick one uniformly. Closed
  // workloads use one browser per user and ignore this.
  int clients = 1000;
  ClientSpec client;
};

// Client-side TCP/HTTP behaviour. Applies to requests whose path starts at a web component.
struct NetworkSpec {
  sim::Time rtt_ns = 0;          // client <-> server round trip
  double keepalive_share = 0.0;  // share of requests that reuse an open connection
  // Linux: first SYN retransmission after 1 s (TCP_TIMEOUT_INIT, RFC 6298), doubling each
  // time, net.ipv4.tcp_syn_retries = 6 retransmissions before connect() fails.
  sim::Time syn_initial_timeout_ns = 1 * sim::kNanosPerSecond;
  int syn_retries = 6;
};

// One window of a scheduled fault, in simulated time from the start of the run (warm-up
// included).
struct FaultWindow {
  sim::Time start_ns = 0;
  sim::Time duration_ns = 0;
};

// A fault is a schedule of down/up (or slow/normal) transitions for one target. Random ones draw
// time to failure and time to repair; scheduled ones list their windows, or repeat one window
// every `every_ns` from `start_ns` until the run ends.
struct FaultSpec {
  enum class Kind {
    kCrash,         // host or component fails; repaired after mttr (hardware, long)
    kProcessCrash,  // component process dies; the supervisor restarts it after restart_delay
    kMaintenance,   // planned downtime of a host or component
    kDnsOutage,     // the resolver (a dns component) fails or times out
    kNetwork,       // added latency, packet loss or a partition between clients and a host
    kSlowdown,      // a component's CPU and latency draws multiplied by `factor`
    kColdRestart,   // a db restarts (down for the window), then its buffer pool warms up again
  };
  // How a maintenance window stops its target.
  enum class Mode {
    kRestart,   // hard stop: connections refused, requests in flight fail
    kGraceful,  // stop accepting, finish what was accepted, then go down for the window
    kRolling,   // one instance at a time, each down for the window (rolling_deploy.h)
    kReload,    // nginx -s reload: new workers take over, old ones finish; nothing stops
  };
  // What clients see while a resolver is out.
  enum class DnsOutageMode {
    kFail,     // SERVFAIL at once
    kTimeout,  // no answer: the stub resolver waits client.dns_timeout per attempt
  };

  Kind kind = Kind::kCrash;
  std::string target;  // host or component name (kDnsOutage: a dns component; kNetwork: a host)

  // Random failures (kCrash with both set, kProcessCrash with mtbf).
  std::optional<sim::Distribution> mtbf;
  std::optional<sim::Distribution> mttr;
  // kProcessCrash: systemd's RestartSec= default is 100 ms (systemd.service(5)).
  sim::Distribution restart_delay = sim::Distribution::deterministic(100'000'000);

  // Scheduled windows: an explicit list, or one window repeated.
  std::vector<FaultWindow> windows;
  sim::Time start_ns = 0;
  sim::Time every_ns = 0;  // 0 = once
  sim::Time duration_ns = 0;

  Mode mode = Mode::kRestart;  // kMaintenance
  bool drain = true;           // kRolling: drain each instance at its load balancers first
  DnsOutageMode dns_mode = DnsOutageMode::kFail;  // kDnsOutage
  sim::Time added_latency_ns = 0;                 // kNetwork: added to the round trip
  double loss = 0.0;                              // kNetwork: probability a packet is lost
  bool partition = false;                         // kNetwork: nothing gets through
  double factor = 1.0;                            // kSlowdown
  double initial_hit_ratio = 0.0;                 // kColdRestart: hit ratio just after start
  sim::Time warm_up_ns = 0;                       // kColdRestart: time to get back to normal

  [[nodiscard]] bool is_random() const { return mtbf.has_value(); }
};

// Service level objectives checked by the report; absent fields are not checked.
struct SloSpec {
  std::optional<double> availability;  // e.g. 0.999
  std::optional<sim::Time> latency_p99_ns;
  std::optional<sim::Time> latency_p95_ns;
  std::optional<sim::Time> latency_p50_ns;
};

// The fault kind as scenarios write it: "crash", "process_crash", "maintenance", ...
[[nodiscard]] const char* to_string(FaultSpec::Kind kind);

struct ScenarioSpec {
  std::string name;
  std::string description;
  std::uint64_t seed = 1;
  sim::Time duration_ns = 3600 * sim::kNanosPerSecond;
  sim::Time warmup_ns = 0;
  // Width of one row of the time series; 0 = duration / 60.
  sim::Time report_interval_ns = 0;
  std::vector<HostSpec> hosts;
  std::vector<ComponentSpec> components;
  WorkloadSpec workload;
  NetworkSpec network;
  std::vector<FaultSpec> faults;
  // How many random crashes can be under repair at once, like the engineers on site; the
  // others wait for a crew. 0 = unlimited.
  int repair_crews = 0;
  std::optional<SloSpec> slo;

  [[nodiscard]] const ComponentSpec* find_component(const std::string& name) const;
  [[nodiscard]] const HostSpec* find_host(const std::string& name) const;
  // Positions in `components` and `hosts`; -1 when there is none of that name.
  [[nodiscard]] int component_index(const std::string& name) const;
  [[nodiscard]] int host_index(const std::string& name) const;
  // The dns component the workload's hostname is resolved through (the last of kind dns; the
  // loader allows one), or null when the workload resolves no name or there is none.
  [[nodiscard]] const ComponentSpec* resolver() const;
};

}  // namespace stacksim::models
