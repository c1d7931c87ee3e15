#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "models/component.h"
#include "models/dns_resolution.h"
#include "models/error_cause.h"
#include "models/fault_injector.h"
#include "models/host.h"
#include "models/request.h"
#include "models/run_result.h"
#include "models/scenario_spec.h"
#include "models/target_health.h"
#include "sim/log_histogram.h"
#include "sim/random_stream.h"
#include "sim/simulation.h"
#include "sim/tally.h"
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
// The implementation is split by concern: stack_model.cc (requests), stack_model_faults.cc
// (faults and availability), stack_model_results.cc (statistics and results).
class StackModel final : public sim::EventHandler, public FaultListener {
 public:
  // `spec` must be valid (as the scenario loader guarantees) and outlive the model.
  StackModel(const ScenarioSpec& spec, sim::Simulation& simulation, std::uint64_t replication);

  // Schedules the first arrivals, the faults, the end of the warm-up and the time series.
  void start();
  void handle(std::uint32_t type, std::uint32_t arg) override;
  void fault_began(int fault_index) override;
  void fault_ended(int fault_index) override;
  // The results of the measured period up to now().
  [[nodiscard]] RunResult finish(bool interrupted) const;

 private:
  // Request events carry the attempt number in bits 8..15 of the type.
  enum EventType : std::uint32_t {
    kOpenArrival,
    kUserThinkDone,
    kWarmupEnd,
    kIntervalEnd,
    kFirstRequestEvent,
    kArriveAtServer = kFirstRequestEvent,
    kSynRetransmit,
    kCpuDone,
    kLatencyDone,
    kDiskDone,
    kResponseDelivered,
    kRetry,
    kAttemptTimeout,
    kDnsGiveUp,
  };

  // A request class as the model walks it: component indices, DNS first when names resolve.
  struct ClassPlan {
    std::vector<int> path;
    std::vector<int> caller;  // per position: the holding position that called it, or -1
    int entry = 0;            // first position after DNS
    int entry_host = -1;      // host of the entry component (where clients connect), or -1
    bool tcp = false;         // entry is a web server: connections and a listen backlog
    double weight = 1.0;
  };

  struct ClassStats {
    std::uint64_t offered = 0, completed = 0, failed = 0;
    sim::Tally latency_s;
  };

  // stack_model.cc: the life of a request.
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
  void pass_core_on(int host_index);
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
  void free_if_unreferenced(std::uint32_t r);
  [[nodiscard]] sim::Time backoff_before_retry(int retry);
  [[nodiscard]] sim::Time scaled(const sim::Distribution& d, sim::RandomStream& rng,
                                 const TargetHealth& health);

  // stack_model_faults.cc: faults and availability.
  [[nodiscard]] bool component_available(int component_index) const;
  [[nodiscard]] bool component_hard_down(int component_index) const;
  [[nodiscard]] bool host_reachable(int host_index) const;
  [[nodiscard]] bool network_is_clear(int host_index) const;
  [[nodiscard]] double packet_loss(int host_index) const;
  [[nodiscard]] sim::Time added_latency(int host_index) const;
  [[nodiscard]] double hit_ratio(int component_index) const;
  [[nodiscard]] const char* failure_origin(const Request& req, ErrorCause cause) const;
  void apply_fault(int fault_index, int sign);
  void abort_requests_at_component(int component_index);
  void refresh_availability();
  void record_availability(TargetHealth& health, const std::string& name, bool available);
  [[nodiscard]] TargetHealth& fault_target_health(int fault_index);

  // stack_model_results.cc: statistics.
  void begin_measuring();
  void close_interval();

  [[nodiscard]] Component& component_at(const Request& req) {
    return components_[plans_[req.class_index].path[req.pos]];
  }

  const ScenarioSpec& spec_;
  sim::Simulation& sim_;
  std::vector<Host> hosts_;
  std::vector<Component> components_;
  std::vector<TargetHealth> host_health_;
  std::vector<TargetHealth> component_health_;
  std::vector<ClassPlan> plans_;
  std::vector<double> cumulative_weights_;
  RequestPool requests_;
  FaultInjector faults_;
  // Per fault: the component or host it targets (-1 when the other kind).
  std::vector<int> fault_component_;
  std::vector<int> fault_host_;

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
  sim::Time half_rtt_ns_ = 0;

  // Measured-period statistics.
  bool measuring_ = false;
  sim::Time measure_start_ns_ = 0;
  sim::Time measure_end_ns_ = 0;
  std::uint64_t offered_ = 0, completed_ = 0, failed_ = 0;
  std::uint64_t attempts_ = 0, first_attempt_completed_ = 0;
  std::array<std::uint64_t, kErrorCauseCount> errors_{};
  std::array<std::uint64_t, kErrorCauseCount> attempt_errors_{};
  std::map<std::string, std::uint64_t> failures_by_origin_;
  sim::TimeWeighted in_system_;
  sim::TimeWeighted service_up_;  // weighted share of classes whose path is available
  sim::LogHistogram latency_ns_;
  std::vector<ClassStats> class_stats_;
  std::vector<DowntimeWindow> downtime_;

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
