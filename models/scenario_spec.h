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
};

enum class ComponentKind { kStation, kDns, kWeb, kApp, kDb };

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
inline constexpr int kNginxWorkerProcesses = 1;
inline constexpr int kNginxWorkerConnections = 512;
inline constexpr int kNginxListenBacklog = 511;
inline constexpr int kPhpFpmMaxChildren = 5;
inline constexpr int kPhpFpmListenBacklog = 511;
inline constexpr int kMysqlMaxConnections = 151;
inline constexpr int kLinuxSomaxconn = 4096;

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
};

// Stack kinds hold their slot while the rest of the path runs; stations pass the request on.
[[nodiscard]] inline bool holds_slot_during_calls(ComponentKind kind) {
  return kind == ComponentKind::kWeb || kind == ComponentKind::kApp;
}

struct RequestClassSpec {
  std::string name;
  double weight = 1.0;
  std::vector<std::string> path;  // component names, in order
};

struct WorkloadSpec {
  enum class Process { kPoisson, kClosed };
  Process process = Process::kPoisson;
  double rate_per_s = 1.0;  // kPoisson
  int users = 1;            // kClosed
  sim::Distribution think;  // kClosed: time between a response and the user's next request
  std::vector<RequestClassSpec> mix;
  // Name the browsers resolve through the scenario's dns component before connecting
  // (e.g. "www.foobar.com"); empty = no name resolution.
  std::string hostname;
  // Distinct browsers, each with its own DNS cache; requests pick one uniformly. Closed
  // workloads use one browser per user and ignore this.
  int clients = 1000;
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

struct FaultSpec {
  enum class Kind { kCrash, kMaintenance };
  Kind kind = Kind::kCrash;
  std::string target;  // host or component name
  // kCrash
  sim::Distribution mtbf;
  sim::Distribution mttr;
  // kMaintenance
  sim::Time start_ns = 0;
  sim::Time every_ns = 0;  // 0 = once
  sim::Time duration_ns = 0;
};

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

  [[nodiscard]] const ComponentSpec* find_component(const std::string& name) const;
  [[nodiscard]] const HostSpec* find_host(const std::string& name) const;
};

}  // namespace stacksim::models
