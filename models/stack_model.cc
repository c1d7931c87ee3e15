#include "models/stack_model.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace stacksim::models {

namespace {

int index_of_component(const ScenarioSpec& spec, const std::string& name) {
  for (std::size_t i = 0; i < spec.components.size(); ++i) {
    if (spec.components[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

int index_of_host(const ScenarioSpec& spec, const std::string& name) {
  for (std::size_t i = 0; i < spec.hosts.size(); ++i) {
    if (spec.hosts[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace

StackModel::StackModel(const ScenarioSpec& spec, sim::Simulation& simulation,
                       std::uint64_t replication)
    : spec_(spec),
      sim_(simulation),
      arrivals_rng_(spec.seed, replication, "arrivals"),
      mix_rng_(spec.seed, replication, "mix"),
      clients_rng_(spec.seed, replication, "clients"),
      think_rng_(spec.seed, replication, "think"),
      network_rng_(spec.seed, replication, "network") {
  hosts_.reserve(spec.hosts.size());
  for (const auto& host : spec.hosts) hosts_.emplace_back(host);
  components_.reserve(spec.components.size());
  int dns_index = -1;
  for (const auto& c : spec.components) {
    const int host = c.host.empty() ? -1 : index_of_host(spec, c.host);
    components_.emplace_back(c, host, spec.seed, replication);
    if (c.kind == ComponentKind::kDns) dns_index = static_cast<int>(components_.size()) - 1;
  }

  resolves_names_ = !spec.workload.hostname.empty() && dns_index >= 0;
  if (resolves_names_) {
    dns_answer_ = resolve_name(spec.components[dns_index].records, spec.workload.hostname);
    const int clients = spec.workload.process == WorkloadSpec::Process::kClosed
                            ? spec.workload.users
                            : spec.workload.clients;
    dns_cache_expiry_ns_.assign(static_cast<std::size_t>(clients), -1);
  }

  double total_weight = 0.0;
  for (const auto& cls : spec.workload.mix) {
    ClassPlan plan;
    if (resolves_names_) plan.path.push_back(dns_index);
    plan.entry = static_cast<int>(plan.path.size());
    for (const auto& name : cls.path) plan.path.push_back(index_of_component(spec, name));
    assert(static_cast<int>(plan.path.size()) <= kMaxPathLength);
    plan.caller.assign(plan.path.size(), -1);
    int holder = -1;
    for (int pos = plan.entry; pos < static_cast<int>(plan.path.size()); ++pos) {
      plan.caller[pos] = holder;
      if (components_[plan.path[pos]].holds_during_calls()) holder = pos;
    }
    plan.tcp = components_[plan.path[plan.entry]].spec().kind == ComponentKind::kWeb;
    plans_.push_back(std::move(plan));
    total_weight += cls.weight;
    cumulative_weights_.push_back(total_weight);
  }
  class_stats_.resize(plans_.size());

  if (spec.workload.process == WorkloadSpec::Process::kPoisson) {
    mean_interarrival_ns_ = 1e9 / spec.workload.rate_per_s;
  }
  half_rtt_ns_ = spec.network.rtt_ns / 2;
  measure_start_ns_ = spec.warmup_ns;
  measure_end_ns_ = spec.warmup_ns + spec.duration_ns;
  interval_ns_ = spec.report_interval_ns > 0 ? spec.report_interval_ns
                                             : std::max<sim::Time>(1, spec.duration_ns / 60);
}

void StackModel::start() {
  if (spec_.workload.process == WorkloadSpec::Process::kPoisson) {
    const double gap = -mean_interarrival_ns_ * std::log(arrivals_rng_.uniform01());
    sim_.schedule_in(static_cast<sim::Time>(gap + 0.5), this, kOpenArrival, 0);
  } else {
    for (int user = 0; user < spec_.workload.users; ++user) {
      sim_.schedule_in(spec_.workload.think.sample(think_rng_), this, kUserThinkDone,
                       static_cast<std::uint32_t>(user));
    }
  }
  if (spec_.warmup_ns > 0) {
    sim_.schedule_at(spec_.warmup_ns, this, kWarmupEnd, 0);
  } else {
    begin_measuring();
  }
}

void StackModel::handle(std::uint32_t type, std::uint32_t arg) {
  switch (type) {
    case kOpenArrival: {
      const double gap = -mean_interarrival_ns_ * std::log(arrivals_rng_.uniform01());
      sim_.schedule_in(static_cast<sim::Time>(gap + 0.5), this, kOpenArrival, 0);
      const auto client =
          resolves_names_
              ? static_cast<std::uint32_t>(clients_rng_.below(dns_cache_expiry_ns_.size()))
              : 0u;
      start_request(client);
      break;
    }
    case kUserThinkDone:
      start_request(arg);
      break;
    case kArriveAtServer:
      arrive(arg, plans_[requests_[arg].class_index].entry);
      break;
    case kSynRetransmit: {
      Request& req = requests_[arg];
      if (req.syn_attempts > spec_.network.syn_retries) {
        fail(arg, ErrorCause::kConnectTimeout);
      } else {
        req.syn_sent_ns = sim_.now();
        sim_.schedule_in(spec_.network.rtt_ns + half_rtt_ns_, this, kArriveAtServer, arg);
      }
      break;
    }
    case kCpuDone: {
      Component& component = component_at(requests_[arg]);
      if (component.host_index() >= 0) {
        if (const auto next = hosts_[component.host_index()].finish(sim_.now())) {
          sim_.schedule_in(next->duration_ns, this, kCpuDone, next->request);
        }
      }
      after_cpu(arg);
      break;
    }
    case kLatencyDone:
      after_latency(arg);
      break;
    case kDiskDone:
      finish_local_work(arg);
      break;
    case kResponseDelivered:
      complete(arg);
      break;
    case kWarmupEnd:
      begin_measuring();
      break;
    case kIntervalEnd:
      close_interval();
      break;
    default:
      assert(false && "unknown event type");
  }
}

void StackModel::start_request(std::uint32_t client) {
  const std::uint32_t r = requests_.acquire();
  Request& req = requests_[r];
  req.client = client;
  req.start_ns = sim_.now();
  if (cumulative_weights_.size() > 1) {
    const double pick = mix_rng_.uniform01() * cumulative_weights_.back();
    req.class_index = static_cast<std::uint32_t>(
        std::upper_bound(cumulative_weights_.begin(), cumulative_weights_.end(), pick) -
        cumulative_weights_.begin());
    req.class_index = std::min<std::uint32_t>(req.class_index, plans_.size() - 1);
  }
  const ClassPlan& plan = plans_[req.class_index];
  if (plan.tcp && spec_.network.keepalive_share > 0.0) {
    req.keepalive = network_rng_.uniform01() < spec_.network.keepalive_share;
  }
  in_system_.add(sim_.now(), 1.0);
  if (measuring_) {
    ++offered_;
    ++class_stats_[req.class_index].offered;
  }
  if (resolves_names_ && dns_cache_expiry_ns_[client] <= sim_.now()) {
    arrive(r, 0);  // cache miss: ask the resolver
  } else {
    go_to_entry(r);
  }
}

void StackModel::go_to_entry(std::uint32_t r) {
  Request& req = requests_[r];
  sim::Time delay = half_rtt_ns_;  // the request's way to the server
  if (plans_[req.class_index].tcp && !req.keepalive) {
    delay += spec_.network.rtt_ns;  // SYN, SYN-ACK, ACK before the request can be sent
    req.syn_sent_ns = sim_.now();
  }
  if (delay == 0) {
    arrive(r, plans_[req.class_index].entry);
  } else {
    sim_.schedule_in(delay, this, kArriveAtServer, r);
  }
}

void StackModel::arrive(std::uint32_t r, int pos) {
  Request& req = requests_[r];
  req.pos = static_cast<std::uint8_t>(pos);
  req.arrived_ns[pos] = sim_.now();
  const ClassPlan& plan = plans_[req.class_index];
  Component& component = components_[plan.path[pos]];
  const bool new_connection = pos == plan.entry && plan.tcp && !req.keepalive;
  const bool bounded = !(pos == plan.entry && plan.tcp && req.keepalive);
  switch (component.admit(sim_.now(), r, bounded)) {
    case Component::Admission::kStarted:
      if (measuring_) component.record_wait(0);
      begin_work(r);
      return;
    case Component::Admission::kQueued:
      return;
    case Component::Admission::kRefused:
      if (measuring_) component.count_rejected();
      if (new_connection) {
        drop_syn(r);
      } else {
        fail(r, ErrorCause::kRejected);
      }
      return;
  }
}

void StackModel::drop_syn(std::uint32_t r) {
  // A full accept queue drops the SYN; the client retransmits after its retransmission timeout,
  // doubling each time (1 s, 2 s, 4 s, ... on Linux).
  Request& req = requests_[r];
  ++req.syn_attempts;
  const int doublings = std::min<int>(req.syn_attempts - 1, 40);
  const sim::Time timeout = spec_.network.syn_initial_timeout_ns << doublings;
  sim_.schedule_at(req.syn_sent_ns + timeout, this, kSynRetransmit, r);
}

void StackModel::begin_work(std::uint32_t r) {
  Component& component = component_at(requests_[r]);
  const auto& cpu = component.spec().cpu;
  const sim::Time demand = cpu.is_zero() ? 0 : cpu.sample(component.cpu_rng);
  if (demand == 0) {
    after_cpu(r);
    return;
  }
  if (component.host_index() < 0 ||
      hosts_[component.host_index()].submit(sim_.now(), CpuBurst{r, demand})) {
    sim_.schedule_in(demand, this, kCpuDone, r);
  }
}

void StackModel::after_cpu(std::uint32_t r) {
  Component& component = component_at(requests_[r]);
  const auto& latency = component.spec().latency;
  const sim::Time wait = latency.is_zero() ? 0 : latency.sample(component.latency_rng);
  if (wait == 0) {
    after_latency(r);
  } else {
    sim_.schedule_in(wait, this, kLatencyDone, r);
  }
}

void StackModel::after_latency(std::uint32_t r) {
  Component& component = component_at(requests_[r]);
  const ComponentSpec& spec = component.spec();
  sim::Time disk = 0;
  if (spec.reads_per_query > 0 && spec.buffer_pool_hit_ratio < 1.0) {
    for (int read = 0; read < spec.reads_per_query; ++read) {
      if (component.disk_rng.uniform01() >= spec.buffer_pool_hit_ratio) {
        disk += spec.disk_read.sample(component.disk_rng);
      }
    }
  }
  if (disk == 0) {
    finish_local_work(r);
  } else {
    sim_.schedule_in(disk, this, kDiskDone, r);
  }
}

void StackModel::finish_local_work(std::uint32_t r) {
  Request& req = requests_[r];
  const int pos = req.pos;
  const Component& component = components_[plans_[req.class_index].path[pos]];
  const bool has_rest = pos + 1 < static_cast<int>(plans_[req.class_index].path.size());
  if (component.holds_during_calls() && has_rest && component.spec().calls > 0) {
    req.calls_left[pos] = static_cast<std::uint16_t>(component.spec().calls);
    arrive(r, pos + 1);
  } else {
    leave(r, pos);
  }
}

void StackModel::hand_slot_over(Component& component) {
  if (const auto next = component.release(sim_.now())) {
    if (measuring_) component.record_wait(sim_.now() - next->queued_since_ns);
    begin_work(next->request);
  }
}

void StackModel::leave(std::uint32_t r, int pos) {
  Request& req = requests_[r];
  const ClassPlan& plan = plans_[req.class_index];
  Component& component = components_[plan.path[pos]];
  if (measuring_) component.record_completed_visit(sim_.now() - req.arrived_ns[pos]);
  hand_slot_over(component);

  if (component.spec().kind == ComponentKind::kDns && pos < plan.entry) {
    dns_answered(r);
  } else if (!component.holds_during_calls() && pos + 1 < static_cast<int>(plan.path.size())) {
    arrive(r, pos + 1);
  } else {
    return_to_caller(r, pos);
  }
}

void StackModel::return_to_caller(std::uint32_t r, int pos) {
  Request& req = requests_[r];
  const int caller = plans_[req.class_index].caller[pos];
  if (caller < 0) {
    respond(r);
  } else if (--req.calls_left[caller] > 0) {
    arrive(r, caller + 1);
  } else {
    req.pos = static_cast<std::uint8_t>(caller);
    leave(r, caller);
  }
}

void StackModel::dns_answered(std::uint32_t r) {
  Request& req = requests_[r];
  if (!dns_answer_.found) {
    fail(r, ErrorCause::kDnsFailure);
    return;
  }
  dns_cache_expiry_ns_[req.client] = sim_.now() + dns_answer_.ttl_ns;
  go_to_entry(r);
}

void StackModel::respond(std::uint32_t r) {
  if (half_rtt_ns_ == 0) {
    complete(r);
  } else {
    sim_.schedule_in(half_rtt_ns_, this, kResponseDelivered, r);
  }
}

void StackModel::complete(std::uint32_t r) {
  const Request& req = requests_[r];
  if (measuring_) {
    const sim::Time latency = sim_.now() - req.start_ns;
    ++completed_;
    latency_ns_.record(latency);
    row_latency_ns_.record(latency);
    ClassStats& stats = class_stats_[req.class_index];
    ++stats.completed;
    stats.latency_s.add(sim::to_seconds(latency));
  }
  end_request(r);
}

void StackModel::fail(std::uint32_t r, ErrorCause cause) {
  Request& req = requests_[r];
  // Release every slot held further up the call chain: the callers see the error and answer
  // with it at once.
  const ClassPlan& plan = plans_[req.class_index];
  for (int holder = plan.caller[req.pos]; holder >= 0; holder = plan.caller[holder]) {
    hand_slot_over(components_[plan.path[holder]]);
  }
  if (measuring_) {
    ++failed_;
    ++errors_[static_cast<int>(cause)];
    ++class_stats_[req.class_index].failed;
  }
  end_request(r);
}

void StackModel::end_request(std::uint32_t r) {
  in_system_.add(sim_.now(), -1.0);
  if (spec_.workload.process == WorkloadSpec::Process::kClosed) {
    sim_.schedule_in(spec_.workload.think.sample(think_rng_), this, kUserThinkDone,
                     requests_[r].client);
  }
  requests_.release(r);
}

void StackModel::begin_measuring() {
  const sim::Time now = sim_.now();
  measuring_ = true;
  for (auto& c : components_) c.restart_statistics(now);
  for (auto& h : hosts_) h.restart_statistics(now);
  in_system_.restart(now);
  interval_start_ns_ = now;
  row_busy_area_.assign(components_.size(), 0.0);
  row_waiting_area_.assign(components_.size(), 0.0);
  row_host_area_.assign(hosts_.size(), 0.0);
  for (sim::Time t = now + interval_ns_; t < measure_end_ns_ + interval_ns_; t += interval_ns_) {
    sim_.schedule_at(std::min(t, measure_end_ns_), this, kIntervalEnd, 0);
    if (t >= measure_end_ns_) break;
  }
}

void StackModel::close_interval() {
  const sim::Time now = sim_.now();
  if (now <= interval_start_ns_) return;
  const double width_ns = static_cast<double>(now - interval_start_ns_);
  IntervalRow row;
  row.start_s = sim::to_seconds(interval_start_ns_ - measure_start_ns_);
  row.end_s = sim::to_seconds(now - measure_start_ns_);
  row.offered = offered_ - row_offered_;
  row.completed = completed_ - row_completed_;
  row.failed = failed_ - row_failed_;
  row.latency_p50_s = row_latency_ns_.quantile(0.5) * 1e-9;
  row.latency_p99_s = row_latency_ns_.quantile(0.99) * 1e-9;
  for (std::size_t i = 0; i < components_.size(); ++i) {
    const double busy = components_[i].busy_slots().area(now);
    const double waiting = components_[i].waiting().area(now);
    row.component_utilization.push_back((busy - row_busy_area_[i]) /
                                        (width_ns * components_[i].spec().servers));
    row.component_queue_length.push_back((waiting - row_waiting_area_[i]) / width_ns);
    row_busy_area_[i] = busy;
    row_waiting_area_[i] = waiting;
  }
  for (std::size_t i = 0; i < hosts_.size(); ++i) {
    const double busy = hosts_[i].busy_cores().area(now);
    row.host_cpu_utilization.push_back((busy - row_host_area_[i]) / (width_ns * hosts_[i].cores()));
    row_host_area_[i] = busy;
  }
  series_.push_back(std::move(row));
  interval_start_ns_ = now;
  row_offered_ = offered_;
  row_completed_ = completed_;
  row_failed_ = failed_;
  row_latency_ns_.reset();
}

RunResult StackModel::finish(bool interrupted) const {
  const sim::Time now = std::min(sim_.now(), measure_end_ns_);
  RunResult result;
  result.interrupted = interrupted;
  if (!measuring_) return result;
  result.measured_s = sim::to_seconds(now - measure_start_ns_);
  result.offered = offered_;
  result.completed = completed_;
  result.failed = failed_;
  for (int cause = 0; cause < kErrorCauseCount; ++cause) {
    if (errors_[cause] > 0)
      result.errors[to_string(static_cast<ErrorCause>(cause))] = errors_[cause];
  }
  result.mean_in_system = in_system_.mean(now);
  result.latency_ns = latency_ns_;
  const double measured_s = result.measured_s > 0 ? result.measured_s : 1.0;
  for (const Component& c : components_) {
    ComponentResult out;
    out.name = c.spec().name;
    out.kind = to_string(c.spec().kind);
    out.host = c.spec().host;
    out.servers = c.spec().servers;
    out.utilization = c.busy_slots().mean(now) / c.spec().servers;
    out.mean_queue_length = c.waiting().mean(now);
    out.mean_wait_s = c.wait_s().mean();
    out.mean_response_s = c.response_s().mean();
    out.visits = c.visits();
    out.throughput_rps = static_cast<double>(c.visits()) / measured_s;
    out.rejected = c.rejected();
    result.components.push_back(std::move(out));
  }
  for (const Host& h : hosts_) {
    HostResult out;
    out.name = h.name();
    out.cores = h.cores();
    out.cpu_utilization = h.busy_cores().mean(now) / h.cores();
    out.mean_cpu_queue_length = h.queued_bursts().mean(now);
    result.hosts.push_back(std::move(out));
  }
  for (std::size_t i = 0; i < plans_.size(); ++i) {
    ClassResult out;
    out.name = spec_.workload.mix[i].name;
    out.offered = class_stats_[i].offered;
    out.completed = class_stats_[i].completed;
    out.failed = class_stats_[i].failed;
    out.mean_latency_s = class_stats_[i].latency_s.mean();
    result.classes.push_back(std::move(out));
  }
  result.series = series_;
  return result;
}

}  // namespace stacksim::models
