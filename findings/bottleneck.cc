#include "findings/bottleneck.h"

#include <algorithm>

#include "findings/slo_evaluation.h"

namespace stacksim::findings {
namespace {

// Requests the faults made fail against those overload did (budget_category).
bool faults_dominate_failures(const SummaryStats& s) {
  double by_faults = 0.0;
  double by_overload = 0.0;
  for (const auto& [origin, n] : s.failures_by_origin) {
    (std::string(budget_category(origin)) == "overload" ? by_overload : by_faults) += n;
  }
  return s.failed.mean > 0 && by_faults > by_overload;
}

// Share of the mean latency of completed requests spent waiting, given the waiting time per
// completed request; unset when nothing completed.
std::optional<double> latency_share(double wait_per_request_s, const SummaryStats& s) {
  if (s.completed.mean <= 0 || s.latency_mean_s.mean <= 0) return std::nullopt;
  return std::min(1.0, wait_per_request_s / s.latency_mean_s.mean);
}

std::optional<double> component_wait_share(const ComponentStats& c, const SummaryStats& s) {
  if (s.completed.mean <= 0) return std::nullopt;
  return latency_share(c.mean_wait_s * c.mean_visits / s.completed.mean, s);
}

// Little's law: the bursts waiting for a core on average, divided by the completed requests per
// second, is the time a request waited for the CPU.
std::optional<double> cpu_wait_share(const models::HostResult& h, const SummaryStats& s) {
  if (s.throughput_rps.mean <= 0) return std::nullopt;
  return latency_share(h.mean_cpu_queue_length / s.throughput_rps.mean, s);
}

Bottleneck of_component(const ComponentStats& c, const SummaryStats& s, const char* because) {
  Bottleneck b;
  b.name = c.name;
  b.resource = slot_resource(c.kind);
  b.because = because;
  b.utilization = c.utilization;
  b.rejected = c.mean_rejected;
  b.wait_share = component_wait_share(c, s);
  b.down_s = s.measured_s * (1.0 - c.availability);
  return b;
}

Bottleneck of_host_cpu(const models::HostResult& h, const SummaryStats& s, const char* because) {
  Bottleneck b;
  b.name = h.name;
  b.resource = "cpu";
  b.because = because;
  b.utilization = h.cpu_utilization;
  b.wait_share = cpu_wait_share(h, s);
  b.down_s = s.measured_s * (1.0 - h.availability);
  return b;
}

}  // namespace

const char* slot_resource(const std::string& kind) {
  if (kind == "app") return "workers";
  if (kind == "web" || kind == "db" || kind == "lb") return "connections";
  return "servers";
}

Bottleneck find_bottleneck(const SummaryStats& s, const std::vector<ComponentStats>& components,
                           const std::vector<models::HostResult>& hosts,
                           const DowntimeTotals& downtime) {
  // 1. Memory: a host whose components asked for more than it has.
  const models::HostResult* short_of_memory = nullptr;
  for (const auto& h : hosts) {
    if (h.memory_bytes <= 0) continue;
    if (h.memory_over_share < kMemoryOverShare && h.oom_kills == 0) continue;
    if (short_of_memory == nullptr || h.memory_over_share > short_of_memory->memory_over_share) {
      short_of_memory = &h;
    }
  }
  if (short_of_memory != nullptr) {
    Bottleneck b = of_host_cpu(*short_of_memory, s, "memory");
    b.resource = "memory";
    b.utilization = short_of_memory->mean_memory_demand_bytes /
                    static_cast<double>(short_of_memory->memory_bytes);
    b.wait_share.reset();
    b.memory_over_share = short_of_memory->memory_over_share;
    b.oom_kills = static_cast<double>(short_of_memory->oom_kills);
    return b;
  }

  // 2. Down: faults made most requests fail; the target down longest (hosts first on a tie,
  // as a host takes what runs on it down with it).
  if (faults_dominate_failures(s)) {
    std::string longest;
    double longest_s = 0.0;
    auto consider = [&](const std::string& name) {
      const double down_s = downtime.total_s(name);
      if (down_s > longest_s) {
        longest = name;
        longest_s = down_s;
      }
    };
    for (const auto& h : hosts) consider(h.name);
    for (const auto& c : components) consider(c.name);
    if (!longest.empty()) {
      Bottleneck b;
      b.name = longest;
      b.resource = "down";
      b.because = "down";
      b.down_s = longest_s;
      b.utilization = s.measured_s > 0 ? longest_s / s.measured_s : 0.0;
      return b;
    }
  }

  // 3. Rejections: the component that turned the most requests away.
  const ComponentStats* rejecting = nullptr;
  for (const auto& c : components) {
    if (c.mean_rejected > 0 &&
        (rejecting == nullptr || c.mean_rejected > rejecting->mean_rejected)) {
      rejecting = &c;
    }
  }
  if (rejecting != nullptr) {
    // Its slots are full because they wait for a core: a web server, PHP-FPM child or MySQL
    // thread holds its slot while it waits for the CPU, so more slots would only queue longer.
    for (const auto& h : hosts) {
      if (h.name == rejecting->host && h.cpu_utilization >= kCpuSaturatedShare) {
        Bottleneck b = of_host_cpu(h, s, "rejections");
        b.rejected = rejecting->mean_rejected;
        // The requests wait in the component's queue, not for a core: their time there is the
        // CPU's doing, which a share of latency spent waiting for the cores would not show.
        b.wait_share.reset();
        return b;
      }
    }
    Bottleneck b = of_component(*rejecting, s, "rejections");
    // A web server or load balancer that turns connections away has a full accept queue.
    if (rejecting->kind == "web" || rejecting->kind == "lb") b.resource = "backlog";
    return b;
  }

  // 4. Waiting: the largest share of latency spent waiting for slots or cores.
  std::optional<Bottleneck> waited;
  for (const auto& c : components) {
    const auto share = component_wait_share(c, s);
    if (share && *share >= kWaitingShare && (!waited || *share > *waited->wait_share)) {
      waited = of_component(c, s, "waiting");
    }
  }
  for (const auto& h : hosts) {
    const auto share = cpu_wait_share(h, s);
    if (share && *share >= kWaitingShare && (!waited || *share > *waited->wait_share)) {
      waited = of_host_cpu(h, s, "waiting");
    }
  }
  if (waited) return *waited;

  // 5. Busiest: nothing limits yet; the most utilized resource, components before hosts.
  std::optional<Bottleneck> busiest;
  for (const auto& c : components) {
    if (!busiest || c.utilization > busiest->utilization) busiest = of_component(c, s, "busiest");
  }
  for (const auto& h : hosts) {
    if (!busiest || h.cpu_utilization > busiest->utilization)
      busiest = of_host_cpu(h, s, "busiest");
  }
  return busiest.value_or(Bottleneck{});
}

Bottleneck find_bottleneck(const std::vector<models::RunResult>& replications) {
  return find_bottleneck(summarize(replications), mean_components(replications),
                         mean_hosts(replications), downtime_totals(replications));
}

}  // namespace stacksim::findings
