#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "models/component.h"
#include "models/dns_resolution.h"
#include "models/error_cause.h"
#include "models/host.h"
#include "models/request.h"
#include "models/run_result.h"
#include "models/scenario_spec.h"
#include "sim/log_histogram.h"
#include "sim/random_stream.h"
#include "sim/simulation.h"
#include "sim/tally.h"
#include "sim/time_weighted.h"

namespace stacksim::models {

// The simulated world of one replication: the workload's clients, DNS, TCP connection set-up,
// hosts and components, and the statistics of the measured period.
//
// A request walks its class's path. A station serves it and passes it on; a stack component
// (web, app) holds its slot while it calls the rest of the path `calls` times, as real workers
// do. Every request ends in exactly one place: complete() or fail().
class StackModel final : public sim::EventHandler {
 public:
  // `spec` must be valid (as the scenario loader guarantees) and outlive the model.
  StackModel(const ScenarioSpec& spec, sim::Simulation& simulation, std::uint64_t replication);

  // Schedules the first arrivals, the end of the warm-up and the time-series boundaries.
  void start();
  void handle(std::uint32_t type, std::uint32_t arg) override;
  // The results of the measured period up to now().
  [[nodiscard]] RunResult finish(bool interrupted) const;

 private:
  enum EventType : std::uint32_t {
    kOpenArrival,
    kUserThinkDone,
    kArriveAtServer,
    kSynRetransmit,
    kCpuDone,
    kLatencyDone,
    kDiskDone,
    kResponseDelivered,
    kWarmupEnd,
    kIntervalEnd,
  };

  // A request class as the model walks it: component indices, DNS first when names resolve.
  struct ClassPlan {
    std::vector<int> path;
    std::vector<int> caller;  // per position: the holding position that called it, or -1
    int entry = 0;            // first position after DNS
    bool tcp = false;         // entry is a web server: connections and a listen backlog
  };

  struct ClassStats {
    std::uint64_t offered = 0, completed = 0, failed = 0;
    sim::Tally latency_s;
  };

  void start_request(std::uint32_t client);
  void go_to_entry(std::uint32_t r);
  void arrive(std::uint32_t r, int pos);
  void begin_work(std::uint32_t r);
  void after_cpu(std::uint32_t r);
  void after_latency(std::uint32_t r);
  void finish_local_work(std::uint32_t r);
  void leave(std::uint32_t r, int pos);
  void hand_slot_over(Component& component);
  void return_to_caller(std::uint32_t r, int pos);
  void dns_answered(std::uint32_t r);
  void drop_syn(std::uint32_t r);
  void respond(std::uint32_t r);
  void complete(std::uint32_t r);
  void fail(std::uint32_t r, ErrorCause cause);
  void end_request(std::uint32_t r);

  void begin_measuring();
  void close_interval();

  [[nodiscard]] Component& component_at(const Request& req) {
    return components_[plans_[req.class_index].path[req.pos]];
  }

  const ScenarioSpec& spec_;
  sim::Simulation& sim_;
  std::vector<Host> hosts_;
  std::vector<Component> components_;
  std::vector<ClassPlan> plans_;
  std::vector<double> cumulative_weights_;
  RequestPool requests_;

  sim::RandomStream arrivals_rng_;
  sim::RandomStream mix_rng_;
  sim::RandomStream clients_rng_;
  sim::RandomStream think_rng_;
  sim::RandomStream network_rng_;
  double mean_interarrival_ns_ = 0.0;

  bool resolves_names_ = false;
  DnsAnswer dns_answer_;
  std::vector<sim::Time> dns_cache_expiry_ns_;  // per client
  sim::Time half_rtt_ns_ = 0;

  // Measured-period statistics.
  bool measuring_ = false;
  sim::Time measure_start_ns_ = 0;
  sim::Time measure_end_ns_ = 0;
  std::uint64_t offered_ = 0, completed_ = 0, failed_ = 0;
  std::array<std::uint64_t, kErrorCauseCount> errors_{};
  sim::TimeWeighted in_system_;
  sim::LogHistogram latency_ns_;
  std::vector<ClassStats> class_stats_;

  // Time series: the row being built and the totals at its start.
  sim::Time interval_ns_ = 0;
  sim::Time interval_start_ns_ = 0;
  std::uint64_t row_offered_ = 0, row_completed_ = 0, row_failed_ = 0;
  sim::LogHistogram row_latency_ns_;
  std::vector<double> row_busy_area_, row_waiting_area_, row_host_area_;
  std::vector<IntervalRow> series_;
};

}  // namespace stacksim::models
