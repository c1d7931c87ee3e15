#include "findings/replication_summary.h"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>

namespace stacksim::findings {
namespace {

using models::RunResult;

constexpr double kNsPerSecond = 1e9;

// The item named like first[index] in each replication that has one (same index first).
template <class T>
std::vector<const T*> matching(const std::vector<RunResult>& replications,
                               std::vector<T> RunResult::*items, std::size_t index) {
  const std::string& name = (replications.front().*items)[index].name;
  std::vector<const T*> found;
  for (const RunResult& r : replications) {
    const std::vector<T>& list = r.*items;
    if (index < list.size() && list[index].name == name) {
      found.push_back(&list[index]);
      continue;
    }
    for (const T& item : list) {
      if (item.name == name) {
        found.push_back(&item);
        break;
      }
    }
  }
  return found;
}

template <class T>
double mean_field(const std::vector<const T*>& items, const std::function<double(const T&)>& f) {
  if (items.empty()) return 0.0;
  double sum = 0.0;
  for (const T* item : items) sum += f(*item);
  return sum / static_cast<double>(items.size());
}

std::uint64_t rounded(double value) { return static_cast<std::uint64_t>(std::llround(value)); }

// Part of the offered requests; 1 when none were offered.
double share_of_offered(std::uint64_t part, std::uint64_t offered) {
  return offered ? static_cast<double>(part) / static_cast<double>(offered) : 1.0;
}

// Each key's mean over replications; a key absent from a replication counts 0 there.
std::map<std::string, double> mean_counts(const std::vector<RunResult>& replications,
                                          std::map<std::string, std::uint64_t> RunResult::*counts) {
  std::map<std::string, double> mean;
  for (const RunResult& r : replications) {
    for (const auto& [key, n] : r.*counts) mean[key] += static_cast<double>(n);
  }
  for (auto& [key, total] : mean) total /= static_cast<double>(replications.size());
  return mean;
}

Interval interval_of(const std::vector<RunResult>& replications,
                     const std::function<double(const RunResult&)>& f) {
  std::vector<double> values;
  values.reserve(replications.size());
  for (const RunResult& r : replications) values.push_back(f(r));
  return mean_interval(values);
}

}  // namespace

Interval mean_interval(const std::vector<double>& values) {
  Interval result;
  if (values.empty()) return result;
  const double n = static_cast<double>(values.size());
  double sum = 0.0;
  for (double v : values) sum += v;
  result.mean = sum / n;
  if (values.size() < 2) return result;
  double squares = 0.0;
  for (double v : values) squares += (v - result.mean) * (v - result.mean);
  const double stddev = std::sqrt(squares / (n - 1.0));
  const boost::math::students_t t_dist(n - 1.0);
  result.half_width = boost::math::quantile(t_dist, 0.975) * stddev / std::sqrt(n);
  return result;
}

SummaryStats summarize(const std::vector<RunResult>& replications) {
  SummaryStats s;
  if (replications.empty()) return s;
  auto count = [](std::uint64_t RunResult::*field) {
    return [field](const RunResult& r) { return static_cast<double>(r.*field); };
  };
  auto latency_q = [](double q) {
    return [q](const RunResult& r) { return r.latency_ns.quantile(q) / kNsPerSecond; };
  };
  s.offered = interval_of(replications, count(&RunResult::offered));
  s.completed = interval_of(replications, count(&RunResult::completed));
  s.failed = interval_of(replications, count(&RunResult::failed));
  s.availability = interval_of(replications, [](const RunResult& r) { return r.availability(); });
  s.throughput_rps =
      interval_of(replications, [](const RunResult& r) { return r.throughput_rps(); });
  s.mean_in_system = interval_of(replications, [](const RunResult& r) { return r.mean_in_system; });
  s.latency_mean_s = interval_of(
      replications, [](const RunResult& r) { return r.latency_ns.mean() / kNsPerSecond; });
  s.latency_p50_s = interval_of(replications, latency_q(0.5));
  s.latency_p90_s = interval_of(replications, latency_q(0.9));
  s.latency_p95_s = interval_of(replications, latency_q(0.95));
  s.latency_p99_s = interval_of(replications, latency_q(0.99));
  s.latency_p999_s = interval_of(replications, latency_q(0.999));
  s.latency_max_s = interval_of(replications, [](const RunResult& r) {
    return static_cast<double>(r.latency_ns.max()) / kNsPerSecond;
  });
  s.errors = mean_counts(replications, &RunResult::errors);

  s.availability_by_time =
      interval_of(replications, [](const RunResult& r) { return r.availability_by_time; });
  s.attempts = interval_of(replications, count(&RunResult::attempts));
  s.retry_amplification =
      interval_of(replications, [](const RunResult& r) { return r.retry_amplification(); });
  s.first_attempt_success = interval_of(replications, [](const RunResult& r) {
    return share_of_offered(r.first_attempt_completed, r.offered);
  });
  s.final_success = interval_of(
      replications, [](const RunResult& r) { return share_of_offered(r.completed, r.offered); });
  s.attempt_errors = mean_counts(replications, &RunResult::attempt_errors);
  s.failures_by_origin = mean_counts(replications, &RunResult::failures_by_origin);
  s.lost_writes = interval_of(replications, count(&RunResult::lost_writes));
  for (const RunResult& r : replications) {
    s.interrupted = s.interrupted || r.interrupted;
    s.measured_s += r.measured_s;
  }
  s.measured_s /= static_cast<double>(replications.size());
  return s;
}

std::vector<ComponentStats> mean_components(const std::vector<RunResult>& replications) {
  using models::ComponentResult;
  std::vector<ComponentStats> result;
  if (replications.empty()) return result;
  const auto& first = replications.front().components;
  for (std::size_t i = 0; i < first.size(); ++i) {
    const auto items = matching(replications, &RunResult::components, i);
    using F = std::function<double(const ComponentResult&)>;
    auto mean = [&items](const F& f) { return mean_field(items, f); };
    ComponentStats c;
    static_cast<ComponentResult&>(c) = first[i];
    c.utilization = mean([](const ComponentResult& x) { return x.utilization; });
    c.mean_queue_length = mean([](const ComponentResult& x) { return x.mean_queue_length; });
    c.mean_wait_s = mean([](const ComponentResult& x) { return x.mean_wait_s; });
    c.mean_response_s = mean([](const ComponentResult& x) { return x.mean_response_s; });
    c.throughput_rps = mean([](const ComponentResult& x) { return x.throughput_rps; });
    c.mean_visits = mean([](const ComponentResult& x) { return static_cast<double>(x.visits); });
    c.mean_rejected =
        mean([](const ComponentResult& x) { return static_cast<double>(x.rejected); });
    c.visits = rounded(c.mean_visits);
    c.rejected = rounded(c.mean_rejected);
    c.availability = mean([](const ComponentResult& x) { return x.availability; });
    result.push_back(std::move(c));
  }
  return result;
}

std::vector<models::HostResult> mean_hosts(const std::vector<RunResult>& replications) {
  using models::HostResult;
  std::vector<HostResult> result;
  if (replications.empty()) return result;
  const auto& first = replications.front().hosts;
  for (std::size_t i = 0; i < first.size(); ++i) {
    const auto items = matching(replications, &RunResult::hosts, i);
    using F = std::function<double(const HostResult&)>;
    auto mean = [&items](const F& f) { return mean_field(items, f); };
    HostResult h = first[i];
    h.cpu_utilization = mean([](const HostResult& x) { return x.cpu_utilization; });
    h.mean_cpu_queue_length = mean([](const HostResult& x) { return x.mean_cpu_queue_length; });
    h.availability = mean([](const HostResult& x) { return x.availability; });
    h.mean_memory_demand_bytes =
        mean([](const HostResult& x) { return x.mean_memory_demand_bytes; });
    h.peak_memory_demand_bytes = std::llround(
        mean([](const HostResult& x) { return static_cast<double>(x.peak_memory_demand_bytes); }));
    h.memory_over_share = mean([](const HostResult& x) { return x.memory_over_share; });
    h.oom_kills = static_cast<std::uint64_t>(
        std::llround(mean([](const HostResult& x) { return static_cast<double>(x.oom_kills); })));
    result.push_back(std::move(h));
  }
  return result;
}

std::vector<ClassStats> mean_classes(const std::vector<RunResult>& replications) {
  using models::ClassResult;
  std::vector<ClassStats> result;
  if (replications.empty()) return result;
  const auto& first = replications.front().classes;
  for (std::size_t i = 0; i < first.size(); ++i) {
    const auto items = matching(replications, &RunResult::classes, i);
    using F = std::function<double(const ClassResult&)>;
    auto mean = [&items](const F& f) { return mean_field(items, f); };
    result.push_back({
        .name = first[i].name,
        .offered = mean([](const ClassResult& x) { return static_cast<double>(x.offered); }),
        .completed = mean([](const ClassResult& x) { return static_cast<double>(x.completed); }),
        .failed = mean([](const ClassResult& x) { return static_cast<double>(x.failed); }),
        .mean_latency_s = mean([](const ClassResult& x) { return x.mean_latency_s; }),
    });
  }
  return result;
}

}  // namespace stacksim::findings
