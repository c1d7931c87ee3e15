#include "models/stack_model.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>

namespace stacksim::models {

namespace {

// Linux: a lost data segment is retransmitted after the retransmission timeout, at least
// TCP_RTO_MIN = 200 ms, doubling each time; after tcp_retries2 = 15 the connection is dropped.
constexpr sim::Time kDataRtoNs = 200'000'000;
constexpr int kDataRetries = 15;

}  // namespace

StackModel::StackModel(const ScenarioSpec& spec, sim::Simulation& simulation,
                       std::uint64_t replication)
    : spec_(spec),
      sim_(simulation),
      faults_(spec.faults, simulation, *this, spec.seed, replication,
              spec.warmup_ns + spec.duration_ns, spec.repair_crews),
      arrivals_rng_(spec.seed, replication, "arrivals"),
      mix_rng_(spec.seed, replication, "mix"),
      clients_rng_(spec.seed, replication, "clients"),
      think_rng_(spec.seed, replication, "think"),
      network_rng_(spec.seed, replication, "network"),
      retry_rng_(spec.seed, replication, "retries"),
      lb_rng_(spec.seed, replication, "balancer"),
      thinning_rng_(spec.seed, replication, "arrivals/profile") {
  replication_ = replication;
  requests_.stop_when_full(simulation);
  hosts_.reserve(spec.hosts.size());
  for (const auto& host : spec.hosts) hosts_.emplace_back(host);
  build_groups();
  if (const ComponentSpec* dns = spec.resolver()) {
    dns_index_ = groups_[dns - spec.components.data()].instances.front();
  }
  host_health_.resize(hosts_.size());
  component_health_.resize(components_.size());
  buffer_pool_misses_.resize(components_.size());
  for (auto& h : host_health_) h.up.set(0, 1.0);
  for (auto& h : component_health_) h.up.set(0, 1.0);
  for (const auto& fault : spec.faults) {
    std::vector<int> targets;
    const int group = spec.component_index(fault.target);
    if (group >= 0) {
      targets = groups_[group].instances;
    } else {
      for (std::size_t c = 0; c < components_.size(); ++c) {
        if (components_[c].spec().name == fault.target) targets.push_back(static_cast<int>(c));
      }
    }
    fault_components_.push_back(std::move(targets));
    fault_host_.push_back(spec.host_index(fault.target));
    deploy_of_fault_.push_back(-1);
    if (fault.kind == FaultSpec::Kind::kMaintenance && fault.mode == FaultSpec::Mode::kRolling) {
      deploy_of_fault_.back() = static_cast<int>(deploys_.size());
      deploys_.emplace_back(static_cast<int>(deploys_.size()), fault_components_.back(),
                            fault.drain);
    }
  }

  resolves_names_ = dns_index_ >= 0;
  if (resolves_names_) {
    dns_answer_ = resolve_name(components_[dns_index_].spec().records, spec.workload.hostname);
    for (const auto& address : dns_answer_.addresses) {
      int host = -1;
      for (std::size_t h = 0; h < spec.hosts.size(); ++h) {
        if (spec.hosts[h].ip == address) host = static_cast<int>(h);
      }
      address_hosts_.push_back(host);
    }
    const int clients = spec.workload.process == WorkloadSpec::Process::kClosed
                            ? spec.workload.users
                            : spec.workload.clients;
    // Browsers' caches start in their steady state: each expires at a uniform point within
    // one TTL, not all together, which no warm-up could undo.
    sim::RandomStream cache_rng(spec.seed, replication, "dns_cache");
    dns_cache_expiry_ns_.resize(static_cast<std::size_t>(clients));
    dns_cache_host_.assign(static_cast<std::size_t>(clients), -1);
    for (std::size_t client = 0; client < dns_cache_expiry_ns_.size(); ++client) {
      if (!dns_answer_.found) {
        dns_cache_expiry_ns_[client] = -1;
        continue;
      }
      dns_cache_expiry_ns_[client] =
          static_cast<sim::Time>(cache_rng.uniform01() * static_cast<double>(dns_answer_.ttl_ns));
      dns_cache_host_[client] = address_hosts_[client % address_hosts_.size()];
    }
  }

  double total_weight = 0.0;
  for (const auto& cls : spec.workload.mix) {
    ClassPlan plan;
    if (resolves_names_) plan.path.push_back(group_of_component_[dns_index_]);
    plan.entry = static_cast<int>(plan.path.size());
    for (const auto& name : cls.path) plan.path.push_back(spec.component_index(name));
    assert(static_cast<int>(plan.path.size()) <= kMaxPathLength);
    plan.caller.assign(plan.path.size(), -1);
    int holder = -1;
    for (int pos = plan.entry; pos < static_cast<int>(plan.path.size()); ++pos) {
      plan.caller[pos] = holder;
      if (holds_slot_during_calls(spec.components[plan.path[pos]].kind)) holder = pos;
    }
    const ComponentKind entry_kind = spec.components[plan.path[plan.entry]].kind;
    plan.tcp = entry_kind == ComponentKind::kWeb || entry_kind == ComponentKind::kLb;
    plan.writes = cls.writes;
    plan.weight = cls.weight;
    plan.lone_station = lone_station_of(plan);
    plans_.push_back(std::move(plan));
    total_weight += cls.weight;
    cumulative_weights_.push_back(total_weight);
  }
  // Load balancers learn their backends from the paths: whatever follows them.
  for (ClassPlan& plan : plans_) {
    plan.backend_pool.assign(plan.path.size(), -1);
    for (std::size_t pos = plan.entry; pos + 1 < plan.path.size(); ++pos) {
      if (spec.components[plan.path[pos]].kind != ComponentKind::kLb) continue;
      auto& pools = groups_[plan.path[pos]].backend_pools;
      const int backend_group = plan.path[pos + 1];
      const auto known = std::find_if(pools.begin(), pools.end(), [&](const Group::BackendPool& p) {
        return p.group == backend_group;
      });
      plan.backend_pool[pos + 1] = static_cast<int>(known - pools.begin());
      if (known != pools.end()) continue;
      Group::BackendPool& pool = pools.emplace_back(Group::BackendPool{backend_group, {}, {}, 0});
      for (const int c : groups_[backend_group].instances) {
        pool.members.push_back({c});
        pool.healthy.push_back(c);
      }
    }
  }
  if (!spec.workload.profile.points.empty()) {
    max_rate_factor_ = 0.0;
    for (const auto& point : spec.workload.profile.points) {
      max_rate_factor_ = std::max(max_rate_factor_, point.factor);
    }
  }
  class_stats_.resize(plans_.size());
  service_up_.set(0, 1.0);

  if (spec.workload.process == WorkloadSpec::Process::kPoisson && max_rate_factor_ > 0.0) {
    // With a profile, candidates come at the peak rate and are thinned (Lewis and Shedler).
    mean_interarrival_ns_ = 1e9 / (spec.workload.rate_per_s * max_rate_factor_);
  }
  measure_start_ns_ = spec.warmup_ns;
  measure_end_ns_ = spec.warmup_ns + spec.duration_ns;
  interval_ns_ = spec.report_interval_ns > 0 ? spec.report_interval_ns
                                             : std::max<sim::Time>(1, spec.duration_ns / 60);
}

void StackModel::schedule_next_arrival() {
  // Poisson at the peak rate (a profile thins it), exponential gaps rounded to the nanosecond.
  const double gap = mean_interarrival_ns_ * arrivals_rng_.standard_exponential();
  sim_.schedule_in(static_cast<sim::Time>(gap + 0.5), this, kOpenArrival, 0);
}

void StackModel::start() {
  if (spec_.workload.process == WorkloadSpec::Process::kPoisson) {
    if (mean_interarrival_ns_ > 0.0) schedule_next_arrival();
  } else if (spec_.workload.process == WorkloadSpec::Process::kTrace) {
    if (!spec_.workload.trace_ns.empty()) {
      sim_.schedule_at(spec_.workload.trace_ns.front(), this, kTraceArrival, 0);
    }
  } else {
    for (int user = 0; user < spec_.workload.users; ++user) {
      sim_.schedule_in(spec_.workload.think.sample(think_rng_), this, kUserThinkDone,
                       static_cast<std::uint32_t>(user));
    }
  }
  faults_.start();
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    if (spec_.components[g].kind == ComponentKind::kLb && !groups_[g].backend_pools.empty()) {
      sim_.schedule_in(spec_.components[g].health_check_interval_ns, this, kHealthCheck,
                       static_cast<std::uint32_t>(g));
    }
  }
  for (std::size_t h = 0; h < hosts_.size(); ++h) update_memory(static_cast<int>(h));
  if (spec_.warmup_ns > 0) {
    sim_.schedule_at(spec_.warmup_ns, this, kWarmupEnd, 0);
  } else {
    begin_measuring();
  }
}

void StackModel::handle(std::uint32_t type, std::uint32_t arg) {
  const std::uint32_t base = type & 0xff;
  if (base >= kFirstRequestEvent && base < kHealthCheck) {
    handle_request_event(base, type >> 8, arg);
    return;
  }
  switch (base) {
    case kOpenArrival: {
      schedule_next_arrival();
      if (!spec_.workload.profile.points.empty() &&
          thinning_rng_.uniform01() * max_rate_factor_ >= rate_factor(sim_.now())) {
        break;  // thinned: the rate here is below the peak
      }
      start_request(pick_client());
      break;
    }
    case kTraceArrival:
      if (arg + 1 < spec_.workload.trace_ns.size()) {
        sim_.schedule_at(spec_.workload.trace_ns[arg + 1], this, kTraceArrival, arg + 1);
      }
      start_request(pick_client());
      break;
    case kHealthCheck:
      run_health_checks(static_cast<int>(arg));
      break;
    case kFailover:
      promote_replica(static_cast<int>(arg));
      break;
    case kRollingStep:
      deploys_[arg].wake(*this);
      break;
    case kOomKill:
      oom_kill(static_cast<int>(arg));
      break;
    case kOomRestart:
      oom_restart(static_cast<int>(arg));
      break;
    case kCpuCompletion:
      complete_cpu_bursts(static_cast<int>(arg));
      break;
    case kUserThinkDone:
      start_request(arg);
      break;
    case kWarmupEnd:
      begin_measuring();
      break;
    case kIntervalEnd:
      close_interval();
      schedule_interval_end();
      break;
    default:
      assert(false && "unknown event type");
  }
}

void StackModel::schedule_for(std::uint32_t r, sim::Time delay, EventType type) {
  Request& req = requests_[r];
  ++req.pending_events;
  sim_.schedule_in(delay, this, static_cast<std::uint32_t>(type) | (req.attempt << 8), r);
}

void StackModel::handle_request_event(std::uint32_t base, std::uint32_t attempt, std::uint32_t r) {
  Request& req = requests_[r];
  --req.pending_events;
  if (req.ended || attempt != req.attempt) {
    free_if_unreferenced(r);  // stale: that attempt already ended
    return;
  }
  switch (base) {
    case kArriveAtServer:
      reach_server(r);
      break;
    case kSynRetransmit:
      if (req.syn_attempts > spec_.network.syn_retries) {
        attempt_failed(r, ErrorCause::kConnectTimeout);
      } else {
        go_to_entry(r);
      }
      break;
    case kCpuDone:  // a component on no host: its CPU work takes its own time
      if (plans_[req.class_index].lone_station >= 0) {
        leave_lone_station(r, req);
      } else {
        after_cpu(r);
      }
      break;
    case kOwnCpuBurstDone:
      complete_own_cpu_burst(r);
      break;
    case kLatencyDone:
      after_latency(r);
      break;
    case kDiskDone:
      finish_local_work(r);
      break;
    case kResponseDelivered:
      deliver_response(r);
      break;
    case kRetry:
      start_attempt(r);
      break;
    case kAttemptTimeout:
      time_out(r);
      break;
    case kDnsGiveUp:
      attempt_failed(r, ErrorCause::kDnsFailure);
      break;
    default:
      assert(false && "unknown request event");
  }
}

std::uint32_t StackModel::pick_client() {
  if (!resolves_names_) return 0;
  return static_cast<std::uint32_t>(clients_rng_.below(dns_cache_expiry_ns_.size()));
}

std::uint32_t StackModel::class_at(double pick) const {
  constexpr std::size_t kCountedClasses = 16;
  if (cumulative_weights_.size() > kCountedClasses) {
    return static_cast<std::uint32_t>(
        std::upper_bound(cumulative_weights_.begin(), cumulative_weights_.end(), pick) -
        cumulative_weights_.begin());
  }
  std::uint32_t below = 0;
  for (const double weight : cumulative_weights_)
    below += static_cast<std::uint32_t>(weight <= pick);
  return below;
}

void StackModel::start_request(std::uint32_t client) {
  const std::uint32_t r = requests_.acquire();
  Request& req = requests_[r];
  req.client = client;
  req.start_ns = sim_.now();
  if (cumulative_weights_.size() > 1) {
    const double pick = mix_rng_.uniform01() * cumulative_weights_.back();
    req.class_index = std::min<std::uint32_t>(class_at(pick), plans_.size() - 1);
  }
  if (plans_[req.class_index].tcp && spec_.network.keepalive_share > 0.0) {
    req.keepalive = network_rng_.uniform01() < spec_.network.keepalive_share;
  }
  in_system_.add(sim_.now(), 1.0);
  if (measuring_) {
    req.measured = true;
    ++offered_;
    ++class_stats_[req.class_index].offered;
  }
  start_attempt(r);
}

void StackModel::start_attempt(std::uint32_t r) {
  Request& req = requests_[r];
  req.where = Request::Where::kTransit;
  req.syn_attempts = 0;
  req.network_tries = 0;
  req.fault_seen = nullptr;
  if (measuring_) ++attempts_;
  if (spec_.workload.client.timeout_ns > 0) {
    schedule_for(r, spec_.workload.client.timeout_ns, kAttemptTimeout);
  }
  if (resolves_names_ && dns_cache_expiry_ns_[req.client] <= sim_.now()) {
    arrive(r, 0);  // cache miss: ask the resolver
  } else if (const int station = plans_[req.class_index].lone_station; station >= 0) {
    visit_lone_station(r, req, station);
  } else {
    go_to_entry(r);
  }
}

void StackModel::go_to_entry(std::uint32_t r) {
  Request& req = requests_[r];
  req.where = Request::Where::kTransit;
  const ClassPlan& plan = plans_[req.class_index];
  req.pos = static_cast<std::uint8_t>(plan.entry);
  req.at[plan.entry] = static_cast<std::uint16_t>(route(r, plan.entry));  // where the browser goes
  const int host = entry_host(req);
  const sim::Time rtt = spec_.network.rtt_ns + added_latency(host);
  // The request's way to the server, after SYN, SYN-ACK and ACK on a new connection. Without a
  // branch on the connection: whether the browser kept one open is a random draw.
  const bool handshake = plan.tcp & !req.keepalive;
  const sim::Time delay = rtt / 2 + rtt * static_cast<sim::Time>(handshake);
  const sim::Time sent_now = -static_cast<sim::Time>(handshake);  // all ones on a handshake
  req.syn_sent_ns = (sim_.now() & sent_now) | (req.syn_sent_ns & ~sent_now);
  if (delay == 0 && network_is_clear(host)) {
    arrive(r, plan.entry);
  } else {
    schedule_for(r, delay, kArriveAtServer);
  }
}

void StackModel::reach_server(std::uint32_t r) {
  Request& req = requests_[r];
  const ClassPlan& plan = plans_[req.class_index];
  const bool partitioned = !host_reachable(entry_host(req));
  const double loss = packet_loss(entry_host(req));
  // Only a network fault can stop the request here: the common case tests no connection state.
  if (partitioned || loss > 0.0) [[unlikely]] {
    const bool new_connection = plan.tcp && !req.keepalive;
    if (new_connection || partitioned) {
      // The handshake fails when the SYN or the SYN-ACK is lost, or the host is unreachable.
      const double handshake_lost = 1.0 - (1.0 - loss) * (1.0 - loss);
      if (partitioned || (loss > 0.0 && network_rng_.uniform01() < handshake_lost)) {
        req.fault_seen = "network";
        if (!plan.tcp) {
          attempt_failed(r, ErrorCause::kTimeout);
        } else {
          req.keepalive = false;  // the client gives up on the old connection and reconnects
          drop_syn(r);
        }
        return;
      }
    } else if (loss > 0.0 && network_rng_.uniform01() < loss) {
      req.fault_seen = "network";
      if (req.network_tries >= kDataRetries) {
        attempt_failed(r, ErrorCause::kTimeout);
      } else {
        schedule_for(r, kDataRtoNs << req.network_tries++, kArriveAtServer);
      }
      return;
    }
  }
  req.network_tries = 0;
  arrive(r, plan.entry);
}

void StackModel::arrive(std::uint32_t r, int pos) {
  Request& req = requests_[r];
  req.pos = static_cast<std::uint8_t>(pos);
  req.where = Request::Where::kArriving;
  req.arrived_ns[pos] = sim_.now();
  const ClassPlan& plan = plans_[req.class_index];
  const int index = pos == plan.entry ? req.at[pos] : route(r, pos);
  if (index < 0) {
    attempt_failed(r, ErrorCause::kComponentDown);  // no backend in service: 503
    return;
  }
  req.at[pos] = static_cast<std::uint16_t>(index);
  if (!component_available(index)) {
    refuse_unavailable(r, pos);
    return;
  }
  Component& component = components_[index];
  // Bitwise: whether the request kept its connection is a random draw, not worth a branch.
  const bool connects_here = (pos == plan.entry) & plan.tcp;
  const bool new_connection = connects_here & !req.keepalive;
  const bool bounded = !(connects_here & req.keepalive);
  switch (component.admit(sim_.now(), r, bounded)) {
    case Component::Admission::kStarted:
      if (measuring_) component.record_wait(0);
      if (component.spec().memory_per_busy_slot_bytes > 0) update_memory(component.host_index());
      begin_work(r);
      return;
    case Component::Admission::kQueued:
      req.where = Request::Where::kQueued;
      return;
    case Component::Admission::kRefused:
      if (measuring_) component.count_rejected();
      if (new_connection) {
        drop_syn(r);
      } else {
        attempt_failed(r, ErrorCause::kRejected);
      }
      return;
  }
}

void StackModel::refuse_unavailable(std::uint32_t r, int pos) {
  Request& req = requests_[r];
  const ClassPlan& plan = plans_[req.class_index];
  const int index = req.at[pos];
  const TargetHealth& health = component_health_[index];
  note_fault_seen(r, index);
  if (components_[index].spec().kind == ComponentKind::kDns && health.hard_down == 0 &&
      health.dns_failing == 0 && health.dns_silent > 0) {
    // A silent resolver: the stub resolver waits out its timeout for every attempt.
    const auto& client = spec_.workload.client;
    schedule_for(r, client.dns_timeout_ns * client.dns_attempts, kDnsGiveUp);
    return;
  }
  if (components_[index].spec().kind == ComponentKind::kDns) {
    attempt_failed(r, ErrorCause::kDnsFailure);
    return;
  }
  const int host = components_[index].host_index();
  if (pos == plan.entry && plan.tcp && host >= 0 && host_health_[host].hard_down > 0) {
    req.keepalive = false;
    drop_syn(r);  // a dead host answers nothing: the client can only time out
    return;
  }
  attempt_failed(r, ErrorCause::kComponentDown);  // connection refused, or 502 from a caller
}

void StackModel::drop_syn(std::uint32_t r) {
  // The SYN went unanswered (full accept queue, dead host, lost packet); the client retransmits
  // after its retransmission timeout, doubling each time (1 s, 2 s, 4 s, ... on Linux).
  Request& req = requests_[r];
  req.where = Request::Where::kTransit;
  ++req.syn_attempts;
  const int doublings = std::min<int>(req.syn_attempts - 1, 40);
  const sim::Time timeout = spec_.network.syn_initial_timeout_ns << doublings;
  schedule_for(r, req.syn_sent_ns + timeout - sim_.now(), kSynRetransmit);
}

sim::Time StackModel::scaled(const sim::Distribution& d, sim::RandomStream& rng,
                             const TargetHealth& health, int host_index) {
  if (d.is_zero()) return 0;
  const sim::Time draw = d.sample(rng);
  const double factor = health.slowdown * host_memory_slowdown(host_index);
  if (factor == 1.0) return draw;
  return static_cast<sim::Time>(static_cast<double>(draw) * factor + 0.5);
}

void StackModel::begin_work(std::uint32_t r) {
  Request& req = requests_[r];
  const int index = req.at[req.pos];
  Component& component = components_[index];
  req.where = Request::Where::kBusy;
  const sim::Time demand = scaled(component.spec().cpu, component.cpu_rng, component_health_[index],
                                  component.host_index());
  if (demand == 0) {
    after_cpu(r);
    return;
  }
  const int host = component.host_index();
  if (host < 0) {
    schedule_for(r, demand, kCpuDone);
    return;
  }
  const CpuScheduler::Submitted burst = hosts_[host].submit(sim_.now(), {r, demand});
  req.cpu_job = burst.job;
  if (burst.own_end_ns != sim::kTimeInfinity) {
    schedule_for(r, burst.own_end_ns - sim_.now(), kOwnCpuBurstDone);
  } else {
    arm_cpu(host);
  }
}

void StackModel::complete_own_cpu_burst(std::uint32_t r) {
  Request& req = requests_[r];
  if (req.where != Request::Where::kBusy || req.cpu_job == Request::kNoCpuJob) return;
  const int host = components_[req.at[req.pos]].host_index();
  if (!hosts_[host].complete_own(sim_.now(), r, req.cpu_job)) return;  // stale: see CpuScheduler
  req.cpu_job = Request::kNoCpuJob;
  after_cpu(r);
}

void StackModel::arm_cpu(int host_index) {
  if (const auto at = hosts_[host_index].arm()) {
    sim_.schedule_at(*at, this, kCpuCompletion, static_cast<std::uint32_t>(host_index));
  }
}

void StackModel::complete_cpu_bursts(int host_index) {
  Host& host = hosts_[host_index];
  if (!host.fire(sim_.now())) return;  // superseded by an earlier completion event
  cpu_done_.clear();
  host.complete_due(sim_.now(), cpu_done_);
  for (const std::uint32_t r : cpu_done_) {
    requests_[r].cpu_job = Request::kNoCpuJob;
    after_cpu(r);
  }
  // Armed only now: a request done here often starts its next burst on the same host at once,
  // and arming before that would schedule an event that burst's earlier end then supersedes.
  arm_cpu(host_index);
}

void StackModel::after_cpu(std::uint32_t r) {
  Request& req = requests_[r];
  const int index = req.at[req.pos];
  Component& component = components_[index];
  const sim::Time wait =
      scaled(component.spec().latency, component.latency_rng, component_health_[index], -1);
  if (wait == 0) {
    after_latency(r);
  } else {
    schedule_for(r, wait, kLatencyDone);
  }
}

void StackModel::after_latency(std::uint32_t r) {
  Request& req = requests_[r];
  const int index = req.at[req.pos];
  Component& component = components_[index];
  const ComponentSpec& spec = component.spec();
  sim::Time disk = 0;
  if (spec.reads_per_query > 0) {
    const double hits = hit_ratio(index);
    if (hits < 1.0) {
      // The reads that miss the buffer pool, in one draw; each then waits for the disk.
      sim::Binomial& misses = buffer_pool_misses_[index];
      if (misses.p() != 1.0 - hits || misses.n() != spec.reads_per_query) {
        misses = sim::Binomial(spec.reads_per_query, 1.0 - hits);  // a cold buffer pool warming
      }
      for (int miss = misses.sample(component.disk_rng); miss > 0; --miss) {
        disk += spec.disk_read.sample(component.disk_rng);
      }
    }
  }
  if (disk == 0) {
    finish_local_work(r);
  } else {
    schedule_for(r, disk, kDiskDone);
  }
}

void StackModel::finish_local_work(std::uint32_t r) {
  Request& req = requests_[r];
  const int pos = req.pos;
  const Component& component = components_[req.at[pos]];
  const bool has_rest = pos + 1 < static_cast<int>(plans_[req.class_index].path.size());
  if (component.holds_during_calls() && has_rest && component.spec().calls > 0) {
    req.calls_left[pos] = static_cast<std::uint16_t>(component.spec().calls);
    arrive(r, pos + 1);
  } else {
    leave(r, pos);
  }
}

void StackModel::release_slot(int component_index) {
  Component& component = components_[component_index];
  if (component_hard_down(component_index)) {
    component.release_without_handover(sim_.now());
    return;
  }
  if (const auto next = component.release(sim_.now())) {
    if (measuring_) component.record_wait(sim_.now() - next->queued_since_ns);
    begin_work(next->request);
  } else if (component.spec().memory_per_busy_slot_bytes > 0) {
    update_memory(component.host_index());
  }
}

void StackModel::leave(std::uint32_t r, int pos) {
  Request& req = requests_[r];
  const ClassPlan& plan = plans_[req.class_index];
  Component& component = components_[req.at[pos]];
  req.where = Request::Where::kTransit;
  if (measuring_) component.record_completed_visit(sim_.now() - req.arrived_ns[pos]);
  if (plan.writes && component.spec().kind == ComponentKind::kDb) note_write(req.at[pos]);
  release_slot(req.at[pos]);

  // One branch, not two, on where the request goes next: which component it leaves is random.
  const bool passes_on = !component.holds_during_calls();
  const bool has_next = pos + 1 < static_cast<int>(plan.path.size());
  if (pos < plan.entry) {  // only the DNS lookup comes before the entry
    dns_answered(r);
  } else if (passes_on & has_next) {
    arrive(r, pos + 1);
  } else {
    return_to_caller(r, pos);
  }
}

void StackModel::return_to_caller(std::uint32_t r, int pos) {
  Request& req = requests_[r];
  const int caller = plans_[req.class_index].caller[pos];
  if (req.entry_released && caller == plans_[req.class_index].entry) {
    req.where = Request::Where::kTransit;
    drop_orphan(r);  // the answer reaches a web server that no longer waits for it
  } else if (caller < 0) {
    respond(r);
  } else if (--req.calls_left[caller] > 0) {
    arrive(r, caller + 1);
  } else {
    req.pos = static_cast<std::uint8_t>(caller);
    req.where = Request::Where::kBusy;  // back at the caller, still holding its slot
    leave(r, caller);
  }
}

void StackModel::dns_answered(std::uint32_t r) {
  Request& req = requests_[r];
  if (!dns_answer_.found) {
    attempt_failed(r, ErrorCause::kDnsFailure);
    return;
  }
  dns_cache_expiry_ns_[req.client] = sim_.now() + dns_answer_.ttl_ns;
  // Resolvers rotate the A records between answers and the browser takes the first. A dead
  // host's record is withdrawn at once (health-checked DNS); browsers that cached it keep
  // using it until their TTL runs out.
  int host = address_hosts_[dns_rotation_++ % address_hosts_.size()];
  for (std::size_t tries = 1; tries < address_hosts_.size(); ++tries) {
    if (host < 0 || host_health_[host].hard_down == 0) break;
    host = address_hosts_[dns_rotation_++ % address_hosts_.size()];
  }
  dns_cache_host_[req.client] = host;
  go_to_entry(r);
}

void StackModel::respond(std::uint32_t r) {
  Request& req = requests_[r];
  req.where = Request::Where::kTransit;
  req.network_tries = 0;
  const int host = entry_host(req);
  const sim::Time delay = (spec_.network.rtt_ns + added_latency(host)) / 2;
  if (delay == 0 && network_is_clear(host)) {
    complete(r);
  } else {
    schedule_for(r, delay, kResponseDelivered);
  }
}

void StackModel::deliver_response(std::uint32_t r) {
  Request& req = requests_[r];
  const int host = entry_host(req);
  const double loss = host_reachable(host) ? packet_loss(host) : 1.0;
  if (loss > 0.0 && network_rng_.uniform01() < loss) {
    req.fault_seen = "network";
    if (req.network_tries >= kDataRetries) {
      attempt_failed(r, ErrorCause::kTimeout);
    } else {
      schedule_for(r, kDataRtoNs << req.network_tries++, kResponseDelivered);
    }
    return;
  }
  complete(r);
}

void StackModel::complete(std::uint32_t r) {
  Request& req = requests_[r];
  if (req.orphan) {
    drop_orphan(r);
    return;
  }
  // Only requests offered in the measured span count, so no class completes more than it was
  // offered; those that arrived during the warm-up are part of the warm-up.
  if (measuring_ && req.measured) {
    const sim::Time latency = sim_.now() - req.start_ns;
    ++completed_;
    if (req.attempt == 0) ++first_attempt_completed_;
    row_latency_ns_.record(latency);  // merged into latency_ns_ when its interval closes
    ClassStats& stats = class_stats_[req.class_index];
    ++stats.completed;
    stats.latency.add(latency);
  }
  end_request(r);
}

void StackModel::release_everything(std::uint32_t r) {
  Request& req = requests_[r];
  const ClassPlan& plan = plans_[req.class_index];
  const int pos = req.pos;
  const int index = req.at[pos];
  const Request::Where where = req.where;
  req.where = Request::Where::kTransit;
  switch (where) {
    case Request::Where::kTransit:
      return;  // holds nothing anywhere
    case Request::Where::kArriving:
      break;
    case Request::Where::kQueued:
      components_[index].remove_waiting(sim_.now(), r);
      break;
    case Request::Where::kBusy:
      if (req.cpu_job != Request::kNoCpuJob) {
        const int host = components_[index].host_index();
        hosts_[host].cancel(sim_.now(), r, req.cpu_job);  // the work is abandoned
        req.cpu_job = Request::kNoCpuJob;
        arm_cpu(host);
      }
      release_slot(index);
      break;
  }
  // The callers up the chain get the error and answer with it at once.
  for (int holder = plan.caller[pos]; holder >= 0; holder = plan.caller[holder]) {
    if (!(req.entry_released && holder == plan.entry)) release_slot(req.at[holder]);
  }
}

sim::Time StackModel::backoff_before_retry(int retry) {
  const ClientSpec& client = spec_.workload.client;
  const double base = std::min(static_cast<double>(client.backoff_max_ns),
                               static_cast<double>(client.backoff_initial_ns) *
                                   std::pow(client.backoff_multiplier, retry - 1));
  switch (client.jitter) {
    case ClientSpec::Jitter::kNone:
      return static_cast<sim::Time>(base);
    case ClientSpec::Jitter::kFull:
      return static_cast<sim::Time>(base * retry_rng_.uniform01());
    case ClientSpec::Jitter::kEqual:
      return static_cast<sim::Time>(base / 2 + base / 2 * retry_rng_.uniform01());
  }
  return static_cast<sim::Time>(base);
}

void StackModel::time_out(std::uint32_t r) {
  Request& req = requests_[r];
  const bool at_servers =
      req.pos >= plans_[req.class_index].entry && req.where != Request::Where::kTransit;
  if (!at_servers) {
    attempt_failed(r, ErrorCause::kTimeout);
    return;
  }
  // The servers keep working on the abandoned attempt; the client carries on with a copy that
  // holds nothing, and retries or gives up.
  const std::uint32_t client_side = requests_.acquire();
  Request& copy = requests_[client_side];
  Request& orphan = requests_[r];
  copy = orphan;
  copy.pending_events = 0;
  copy.where = Request::Where::kTransit;
  copy.cpu_job = Request::kNoCpuJob;
  orphan.orphan = true;
  // The web server sees the client close its connection and frees it at once; the servers
  // behind it carry on (Nginx closes the upstream connection, PHP-FPM finishes the script).
  const ClassPlan& plan = plans_[orphan.class_index];
  if (plan.tcp && orphan.pos > plan.entry) {
    release_slot(orphan.at[plan.entry]);
    orphan.entry_released = true;
  }
  attempt_failed(client_side, ErrorCause::kTimeout);
}

void StackModel::drop_orphan(std::uint32_t r) {
  release_everything(r);
  requests_[r].ended = true;
  free_if_unreferenced(r);
}

void StackModel::attempt_failed(std::uint32_t r, ErrorCause cause) {
  if (requests_[r].orphan) {
    drop_orphan(r);
    return;
  }
  release_everything(r);
  Request& req = requests_[r];
  if (req.failure_origin == nullptr) {
    req.failure_origin = req.fault_seen != nullptr ? req.fault_seen : failure_origin(req, cause);
  }
  if (measuring_) ++attempt_errors_[static_cast<int>(cause)];
  if (req.attempt < spec_.workload.client.max_retries) {
    ++req.attempt;  // every event of the failed attempt is stale from here on
    schedule_for(r, backoff_before_retry(req.attempt), kRetry);
  } else {
    fail_request(r, cause);
  }
}

void StackModel::fail_request(std::uint32_t r, ErrorCause cause) {
  Request& req = requests_[r];
  if (measuring_ && req.measured) {
    ++failed_;
    ++errors_[static_cast<int>(cause)];
    ++class_stats_[req.class_index].failed;
    count_failure_origin(req.failure_origin);
  }
  end_request(r);
}

void StackModel::count_failure_origin(const char* origin) {
  for (auto& [name, count] : failures_by_origin_) {
    if (name == origin || std::strcmp(name, origin) == 0) {
      ++count;
      return;
    }
  }
  failures_by_origin_.emplace_back(origin, 1);
}

void StackModel::end_request(std::uint32_t r) {
  Request& req = requests_[r];
  in_system_.add(sim_.now(), -1.0);
  req.ended = true;
  if (spec_.workload.process == WorkloadSpec::Process::kClosed) {
    sim_.schedule_in(spec_.workload.think.sample(think_rng_), this, kUserThinkDone, req.client);
  }
  free_if_unreferenced(r);
}

void StackModel::free_if_unreferenced(std::uint32_t r) {
  const Request& req = requests_[r];
  if (req.ended && req.pending_events == 0) requests_.release(r);
}

}  // namespace stacksim::models
