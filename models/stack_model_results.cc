// StackModel: the statistics of the measured period, the time series and the results.
#include <algorithm>

#include "models/stack_model.h"

namespace stacksim::models {

void StackModel::begin_measuring() {
  const sim::Time now = sim_.now();
  measuring_ = true;
  for (auto& c : components_) c.restart_statistics(now);
  for (auto& h : hosts_) h.restart_statistics(now);
  for (auto& h : component_health_) h.up.restart(now);
  for (auto& h : host_health_) h.up.restart(now);
  for (auto& m : host_memory_) {
    m.demand_bytes.restart(now);
    m.over.restart(now);
    m.peak_bytes = static_cast<std::int64_t>(m.demand_bytes.level());
  }
  in_system_.restart(now);
  service_up_.restart(now);
  interval_start_ns_ = now;
  row_busy_area_.assign(components_.size(), 0.0);
  row_waiting_area_.assign(components_.size(), 0.0);
  row_component_up_area_.assign(components_.size(), 0.0);
  row_host_area_.assign(hosts_.size(), 0.0);
  row_host_up_area_.assign(hosts_.size(), 0.0);
  schedule_interval_end();
}

void StackModel::schedule_interval_end() {
  // One pending at a time: a short interval over a long run would otherwise fill the queue.
  if (sim_.now() >= measure_end_ns_) return;
  sim_.schedule_at(std::min(sim_.now() + interval_ns_, measure_end_ns_), this, kIntervalEnd, 0);
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
  // Each column is the change of an area over the interval, divided by its width.
  auto share = [&](double area, double& last, double scale) {
    const double value = (area - last) / (width_ns * scale);
    last = area;
    return value;
  };
  for (std::size_t i = 0; i < components_.size(); ++i) {
    const Component& c = components_[i];
    row.component_utilization.push_back(
        share(c.busy_slots().area(now), row_busy_area_[i], c.spec().servers));
    row.component_queue_length.push_back(share(c.waiting().area(now), row_waiting_area_[i], 1.0));
    row.component_up.push_back(
        share(component_health_[i].up.area(now), row_component_up_area_[i], 1.0));
  }
  for (std::size_t i = 0; i < hosts_.size(); ++i) {
    row.host_cpu_utilization.push_back(
        share(hosts_[i].busy_cores().area(now), row_host_area_[i], hosts_[i].cores()));
    row.host_up.push_back(share(host_health_[i].up.area(now), row_host_up_area_[i], 1.0));
  }
  series_.push_back(std::move(row));
  interval_start_ns_ = now;
  row_offered_ = offered_;
  row_completed_ = completed_;
  row_failed_ = failed_;
  latency_ns_.merge(row_latency_ns_);
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
  result.attempts = attempts_;
  result.first_attempt_completed = first_attempt_completed_;
  result.lost_writes = lost_writes_;
  for (int cause = 0; cause < kErrorCauseCount; ++cause) {
    const char* name = to_string(static_cast<ErrorCause>(cause));
    if (errors_[cause] > 0) result.errors[name] = errors_[cause];
    if (attempt_errors_[cause] > 0) result.attempt_errors[name] = attempt_errors_[cause];
  }
  for (const auto& [origin, count] : failures_by_origin_)
    result.failures_by_origin[origin] += count;
  result.mean_in_system = in_system_.mean(now);
  result.availability_by_time = service_up_.mean(now);
  result.latency_ns = latency_ns_;
  result.latency_ns.merge(row_latency_ns_);  // the interval still open
  const double measured_s = result.measured_s > 0 ? result.measured_s : 1.0;
  for (std::size_t i = 0; i < components_.size(); ++i) {
    const Component& c = components_[i];
    ComponentResult out;
    out.name = c.spec().name;
    out.kind = to_string(c.spec().kind);
    out.host = c.spec().host;
    out.servers = c.spec().servers;
    out.utilization = c.busy_slots().mean(now) / c.spec().servers;
    out.mean_queue_length = c.waiting().mean(now);
    out.mean_wait_s = c.wait().mean_s();
    out.mean_response_s = c.response().mean_s();
    out.visits = c.visits();
    out.throughput_rps = static_cast<double>(c.visits()) / measured_s;
    out.rejected = c.rejected();
    out.availability = component_health_[i].up.mean(now);
    result.components.push_back(std::move(out));
  }
  for (std::size_t i = 0; i < hosts_.size(); ++i) {
    const Host& h = hosts_[i];
    HostResult out;
    out.name = h.name();
    out.cores = h.cores();
    out.cpu_utilization = h.busy_cores().mean(now) / h.cores();
    out.mean_cpu_queue_length = h.queued_bursts().mean(now);
    out.availability = host_health_[i].up.mean(now);
    if (!host_memory_[i].components.empty()) {
      const HostMemory& memory = host_memory_[i];
      out.memory_bytes = spec_.hosts[i].memory_bytes;
      out.mean_memory_demand_bytes = memory.demand_bytes.mean(now);
      out.peak_memory_demand_bytes = memory.peak_bytes;
      out.memory_over_share = memory.over.mean(now);
      out.oom_kills = memory.oom_kills;
    }
    result.hosts.push_back(std::move(out));
  }
  for (std::size_t i = 0; i < plans_.size(); ++i) {
    ClassResult out;
    out.name = spec_.workload.mix[i].name;
    out.offered = class_stats_[i].offered;
    out.completed = class_stats_[i].completed;
    out.failed = class_stats_[i].failed;
    out.mean_latency_s = class_stats_[i].latency.mean_s();
    result.classes.push_back(std::move(out));
  }
  // Downtime windows clipped to the measured period, in seconds from its start.
  const double from_s = sim::to_seconds(measure_start_ns_);
  const double to_s = sim::to_seconds(now);
  for (const DowntimeWindow& w : downtime_) {
    const double end = w.end_s < 0 ? to_s : std::min(w.end_s, to_s);
    const double start = std::max(w.start_s, from_s);
    if (end <= start) continue;
    result.downtime.push_back(DowntimeWindow{w.target, w.cause, start - from_s, end - from_s});
  }
  result.series = series_;
  return result;
}

}  // namespace stacksim::models
