#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "models/component.h"
#include "models/dns_resolution.h"
#include "models/downtime_log.h"
#include "models/error_cause.h"
#include "models/fault_injector.h"
#include "models/host.h"
#include "models/lb_backend.h"
#include "models/request.h"
#include "models/rolling_deploy.h"
#include "models/run_result.h"
#include "models/scenario_spec.h"
#include "models/target_health.h"
#include "sim/binomial.h"
#include "sim/duration_mean.h"
#include "sim/log_histogram.h"
#include "sim/random_stream.h"
#include "sim/ring_queue.h"
#include "sim/simulation.h"
#include "sim/time_weighted.h"

namespace stacksim::models {

// The simulated world of one replication: the workload's clients with their timeouts and
// retries, DNS, TCP connection set-up, hosts and components, the faults that hit them, and the
// statistics of the measured period.
//
// A request walks its class's path. A station serves it and passes it on; a stack component
// (web, app) holds its slot while it calls the rest of the path `calls` times, as real workers
// do. Every attempt ends in one place (attempt_failed or complete), and every request in one of
// complete() or fail_request(). Events name a request and its attempt; a fault or timeout that
// ends an attempt early leaves its pending events stale, and they are skipped when they fire.
//
// The implementation is split by concern: stack_model.cc (requests), stack_model_station.cc (the
// lean path of a class that visits one station and nothing else), stack_model_faults.cc
// (faults and availability), stack_model_results.cc (statistics and results).
class StackModel final : public sim::EventHandler, public FaultListener, public RollingDeployStack {
 public:
  // `spec` must be valid (as the scenario loader guarantees) and outlive the model.
  StackModel(const ScenarioSpec& spec, sim::Simulation& simulation, std::uint64_t replication);

  // Schedules the first arrivals, the faults, the end of the warm-up and the time series.
  void start();
  void handle(std::uint32_t type, std::uint32_t arg) override;
  void fault_began(int fault_index, sim::Time duration_ns) override;
  void fault_ended(int fault_index) override;
  // The results of the measured period up to now().
  [[nodiscard]] RunResult finish(bool interrupted) const;

  // RollingDeployStack (stack_model_routing.cc).
  void set_draining(int component, bool draining) override;
  [[nodiscard]] bool behind_load_balancer(int component) const override;
  [[nodiscard]] bool holds_requests(int component) const override;
  [[nodiscard]] bool in_rotation(int component) const override;
  void set_stopped(int component, bool stopped) override;
  void wake_deploy_after(int deploy, sim::Time delay_ns) override;

 private:
  // Request events, in [kFirstRequestEvent, kHealthCheck), carry the attempt number in bits
  // 8..15 of the type.
  enum EventType : std::uint32_t {
    kOpenArrival,
    kUserThinkDone,
    kWarmupEnd,
    kIntervalEnd,
    kFirstRequestEvent,
    kArriveAtServer = kFirstRequestEvent,
    kSynRetransmit,
    kCpuDone,
    kOwnCpuBurstDone,  // a burst with a core to itself on the request's host may be done
    kLatencyDone,
    kDiskDone,
    kResponseDelivered,
    kRetry,
    kAttemptTimeout,
    kDnsGiveUp,
  };
  // Events of the stack itself, not of a request: arg is a group or an instance index.
  enum StackEventType : std::uint32_t {
    kHealthCheck = 64,  // an lb group probes its backends
    kFailover,          // a db group promotes a replica if its primary is still down
    kRollingStep,       // arg = index into deploys_
    kOomKill,           // arg = host index: the OOM killer picks a process if still short
    kOomRestart,        // an instance killed by the OOM killer comes back
    kTraceArrival,      // arg = index into the trace
    kCpuCompletion,     // arg = host index: the host's earliest shared CPU burst may be done
  };

  // A component as named in the scenario, with its instances (one per host it runs on).
  struct Group {
    std::vector<int> instances;  // component indices
    int primary = 0;             // db: index into `instances` of the instance taking writes
    bool failover_pending = false;
    // db: when the primary acknowledged its recent writes (within the replication lag), and how
    // many of them a failover now under way will lose.
    sim::RingQueue<sim::Time> recent_writes;
    std::uint64_t writes_at_risk = 0;
    std::uint32_t next = 0;  // round-robin position
    // Per host: the first instance placed on it, or -1 (built once; no scan per request).
    std::vector<int> instance_on_host;
    // lb: the instances it may send to, one pool per group that follows it on some path, as its
    // health checks see them.
    using Backend = LbBackend;
    struct BackendPool {
      int group = 0;
      std::vector<Backend> members;
      // The components of the members in service (healthy and not draining), in member order:
      // changed only when a health check or a drain changes a member's state, so picking a
      // backend never counts them.
      std::vector<int> healthy;
      std::uint32_t next = 0;  // round-robin position
    };
    std::vector<BackendPool> backend_pools;
  };

  // A request class as the model walks it: group indices, DNS first when names resolve.
  struct ClassPlan {
    std::vector<int> path;
    std::vector<int> caller;  // per position: the holding position that called it, or -1
    // Per position called by a load balancer: the index of its pool in the balancer's
    // backend_pools; -1 elsewhere.
    std::vector<int> backend_pool;
    int entry = 0;        // first position after DNS
    bool tcp = false;     // entry is a web server or lb: connections and a listen backlog
    bool writes = false;  // database calls go to the primary
    double weight = 1.0;
    // The station instance when the class's whole path is that one station, served on the lean
    // path (stack_model_station.cc); -1 when the class takes the general path.
    int lone_station = -1;
  };

  struct ClassStats {
    std::uint64_t offered = 0, completed = 0, failed = 0;
    sim::DurationMean latency;
  };

  // stack_model.cc: the life of a request.
  [[nodiscard]] std::uint32_t pick_client();
  // The class of the mix a draw in [0, total weight) picks: how many cumulative weights are at
  // most `pick` (what std::upper_bound finds). A usual mix's few weights are counted without a
  // branch: the draw is random, and a binary search's branches would go wrong half the time.
  [[nodiscard]] std::uint32_t class_at(double pick) const;
  void start_request(std::uint32_t client);
  void start_attempt(std::uint32_t r);
  void handle_request_event(std::uint32_t base, std::uint32_t attempt, std::uint32_t r);
  void schedule_for(std::uint32_t r, sim::Time delay, EventType type);
  void go_to_entry(std::uint32_t r);
  void reach_server(std::uint32_t r);
  void arrive(std::uint32_t r, int pos);
  void refuse_unavailable(std::uint32_t r, int pos);
  void begin_work(std::uint32_t r);
  void after_cpu(std::uint32_t r);
  void after_latency(std::uint32_t r);
  void finish_local_work(std::uint32_t r);
  void leave(std::uint32_t r, int pos);
  void release_slot(int component_index);
  // Keeps a completion event armed for the host's next CPU completion.
  void arm_cpu(int host_index);
  void complete_cpu_bursts(int host_index);
  void complete_own_cpu_burst(std::uint32_t r);
  void return_to_caller(std::uint32_t r, int pos);
  void dns_answered(std::uint32_t r);
  void drop_syn(std::uint32_t r);
  void respond(std::uint32_t r);
  void deliver_response(std::uint32_t r);
  void complete(std::uint32_t r);
  void release_everything(std::uint32_t r);
  // Ends the current attempt: retries after a backoff, or fails the request.
  void attempt_failed(std::uint32_t r, ErrorCause cause);
  // Remembers which fault made `component_index` unavailable to this attempt.
  void note_fault_seen(std::uint32_t r, int component_index);
  void fail_request(std::uint32_t r, ErrorCause cause);
  void time_out(std::uint32_t r);
  void drop_orphan(std::uint32_t r);
  void end_request(std::uint32_t r);
  void schedule_next_arrival();
  void count_failure_origin(const char* origin);
  void free_if_unreferenced(std::uint32_t r);
  [[nodiscard]] sim::Time backoff_before_retry(int retry);
  // A draw of `d`, stretched by the component's slowdown and its host's swapping.
  [[nodiscard]] sim::Time scaled(const sim::Distribution& d, sim::RandomStream& rng,
                                 const TargetHealth& health, int host_index);

  // stack_model_station.cc: the lean path of a class whose path is one station and nothing
  // else, with no network, host, latency or disk in the way (see lone_station_of).
  [[nodiscard]] int lone_station_of(const ClassPlan& plan) const;
  void visit_lone_station(std::uint32_t r, Request& req, int index);
  void serve_at_lone_station(std::uint32_t r, Request& req, Component& station, int index);
  void leave_lone_station(std::uint32_t r, Request& req);

  // stack_model_faults.cc: faults and availability.
  // The checks every request makes at every step, defined here so that they inline.
  [[nodiscard]] bool component_available(int component_index) const {
    if (!component_health_[component_index].self_available()) return false;
    const int host = components_[component_index].host_index();
    return host < 0 || host_health_[host].self_available();
  }
  [[nodiscard]] bool component_hard_down(int component_index) const {
    if (component_health_[component_index].hard_down > 0) return true;
    const int host = components_[component_index].host_index();
    return host >= 0 && host_health_[host].hard_down > 0;
  }
  [[nodiscard]] bool host_reachable(int host_index) const {
    return host_index < 0 || host_health_[host_index].partitioned == 0;
  }
  [[nodiscard]] bool network_is_clear(int host_index) const {
    if (host_index < 0) return true;
    const TargetHealth& h = host_health_[host_index];
    return h.partitioned == 0 && h.loss == 0.0;
  }
  [[nodiscard]] double packet_loss(int host_index) const {
    return host_index < 0 ? 0.0 : host_health_[host_index].loss;
  }
  [[nodiscard]] sim::Time added_latency(int host_index) const {
    return host_index < 0 ? 0 : host_health_[host_index].added_latency_ns;
  }
  [[nodiscard]] double hit_ratio(int component_index) const;
  [[nodiscard]] const char* failure_origin(const Request& req, ErrorCause cause) const;
  void apply_fault(int fault_index, int sign);
  void abort_requests_at_component(int component_index);
  void refresh_availability();
  void record_availability(TargetHealth& health, const std::string& name, bool available);
  void set_hard_down(int component_index, int sign, const char* origin);
  [[nodiscard]] double rate_factor(sim::Time t) const;

  // stack_model_results.cc: statistics.
  void begin_measuring();
  void close_interval();
  void schedule_interval_end();  // the end of the interval that starts now

  // stack_model_routing.cc: instances, load balancing, failover, rolling work, memory.
  void build_groups();
  // The component instance for position `pos` of request r's path: defined here for the common
  // case, a component with one instance, so that it inlines; route_among_instances otherwise.
  [[nodiscard]] int route(std::uint32_t r, int pos) {
    const std::vector<int>& instances =
        groups_[plans_[requests_[r].class_index].path[pos]].instances;
    return instances.size() == 1 ? instances.front() : route_among_instances(r, pos);
  }
  [[nodiscard]] int route_among_instances(std::uint32_t r, int pos);
  // A backend from the pool `pool` of the balancer `lb_group`, or -1 when none is healthy.
  [[nodiscard]] int pick_backend(int lb_group, int pool);
  [[nodiscard]] int entry_host(const Request& req) const;
  void run_health_checks(int lb_group);
  static void list_in_service(Group::BackendPool& pool);
  void check_failover();
  void promote_replica(int db_group);
  void note_write(int component_index);
  // Drops the writes older than `lag`: the replicas have them.
  void forget_replicated_writes(Group& group, sim::Time lag);
  void update_memory(int host_index);
  void oom_kill(int host_index);
  void oom_restart(int component_index);

  [[nodiscard]] Component& component_at(const Request& req) { return components_[req.at[req.pos]]; }

  const ScenarioSpec& spec_;
  sim::Simulation& sim_;
  std::uint64_t replication_ = 0;
  std::vector<Host> hosts_;
  std::vector<std::uint32_t> cpu_done_;  // scratch: the bursts one completion event ends
  std::vector<Component> components_;
  std::vector<TargetHealth> host_health_;
  std::vector<TargetHealth> component_health_;
  std::vector<Group> groups_;
  std::vector<int> group_of_component_;
  std::vector<ClassPlan> plans_;
  // Per component instance with a buffer pool: the reads of a query that miss it.
  std::vector<sim::Binomial> buffer_pool_misses_;
  std::vector<double> cumulative_weights_;
  RequestPool requests_;
  FaultInjector faults_;
  // Per fault: the component instances or the host it targets.
  std::vector<std::vector<int>> fault_components_;
  std::vector<int> fault_host_;
  std::vector<RollingDeploy> deploys_;  // one per rolling maintenance fault
  std::vector<int> deploy_of_fault_;    // index into deploys_, or -1
  // Memory, per host: the instances on it that use memory (none when the host's memory is not
  // modelled, and then nothing else here changes), and their demand over time.
  struct HostMemory {
    std::vector<int> components;
    sim::TimeWeighted demand_bytes;
    sim::TimeWeighted over;       // 1 while the demand exceeds the host's memory
    std::int64_t peak_bytes = 0;  // since the warm-up ended
    std::uint64_t oom_kills = 0;  // since the warm-up ended
    double slowdown = 1.0;        // swapping: multiplies CPU work on the host
    bool kill_pending = false;    // an OOM kill is scheduled
  };
  std::vector<HostMemory> host_memory_;
  [[nodiscard]] double host_memory_slowdown(int host_index) const {
    return host_index < 0 ? 1.0 : host_memory_[host_index].slowdown;
  }

  sim::RandomStream arrivals_rng_;
  sim::RandomStream mix_rng_;
  sim::RandomStream clients_rng_;
  sim::RandomStream think_rng_;
  sim::RandomStream network_rng_;
  sim::RandomStream retry_rng_;
  double mean_interarrival_ns_ = 0.0;

  bool resolves_names_ = false;
  int dns_index_ = -1;
  DnsAnswer dns_answer_;
  std::vector<sim::Time> dns_cache_expiry_ns_;  // per client
  std::vector<int> dns_cache_host_;             // per client: host of the cached address
  std::vector<int> address_hosts_;              // hosts of the A records, in answer order
  std::uint32_t dns_rotation_ = 0;              // resolvers rotate the A records (cyclic)
  sim::RandomStream lb_rng_;
  sim::RandomStream thinning_rng_;
  double max_rate_factor_ = 1.0;

  // Measured-period statistics.
  bool measuring_ = false;
  sim::Time measure_start_ns_ = 0;
  sim::Time measure_end_ns_ = 0;
  std::uint64_t offered_ = 0, completed_ = 0, failed_ = 0;
  std::uint64_t attempts_ = 0, first_attempt_completed_ = 0, lost_writes_ = 0;
  std::array<std::uint64_t, kErrorCauseCount> errors_{};
  std::array<std::uint64_t, kErrorCauseCount> attempt_errors_{};
  // Failed requests by origin: a handful of fixed names, counted without building strings.
  std::vector<std::pair<const char*, std::uint64_t>> failures_by_origin_;
  sim::TimeWeighted in_system_;
  double in_system_at_start_ = 0.0;
  // Per component, when measuring began: requests waiting for a slot, busy slots.
  std::vector<std::pair<double, double>> component_levels_at_start_;
  sim::TimeWeighted service_up_;  // weighted share of classes whose path is available
  sim::LogHistogram latency_ns_;  // of the closed intervals; row_latency_ns_ holds the open one
  std::vector<ClassStats> class_stats_;
  DowntimeLog downtime_;
  // The weighted share of classes with a path (service_up_'s level), and how often it fell from
  // 1 during the measured span.
  double service_level_ = 1.0;
  std::uint64_t service_outages_ = 0;

  // Time series: the row being built and the totals at its start.
  sim::Time interval_ns_ = 0;
  sim::Time interval_start_ns_ = 0;
  std::uint64_t row_offered_ = 0, row_completed_ = 0, row_failed_ = 0;
  sim::LogHistogram row_latency_ns_;
  std::vector<double> row_busy_area_, row_waiting_area_, row_host_area_;
  std::vector<double> row_component_up_area_, row_host_up_area_;
  std::vector<IntervalRow> series_;
};

}  // namespace stacksim::models
