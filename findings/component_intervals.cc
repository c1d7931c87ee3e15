#include "findings/component_intervals.h"

#include <functional>

namespace stacksim::findings {
namespace {

using models::RunResult;

// The interval of f over the items named `name` in each replication's list.
template <class T>
Interval interval_over(const std::vector<RunResult>& replications, std::vector<T> RunResult::*items,
                       const std::string& name, const std::function<double(const T&)>& f) {
  std::vector<double> values;
  for (const RunResult& r : replications) {
    for (const T& item : r.*items) {
      if (item.name == name) {
        values.push_back(f(item));
        break;
      }
    }
  }
  return mean_interval(values);
}

}  // namespace

std::vector<ComponentIntervals> component_intervals(const std::vector<RunResult>& replications) {
  using models::ComponentResult;
  std::vector<ComponentIntervals> result;
  if (replications.empty()) return result;
  for (const ComponentResult& first : replications.front().components) {
    auto of = [&](const std::function<double(const ComponentResult&)>& f) {
      return interval_over(replications, &RunResult::components, first.name, f);
    };
    ComponentIntervals c;
    c.name = first.name;
    c.utilization = of([](const ComponentResult& x) { return x.utilization; });
    c.mean_queue_length = of([](const ComponentResult& x) { return x.mean_queue_length; });
    c.mean_wait_s = of([](const ComponentResult& x) { return x.mean_wait_s; });
    c.mean_response_s = of([](const ComponentResult& x) { return x.mean_response_s; });
    c.throughput_rps = of([](const ComponentResult& x) { return x.throughput_rps; });
    c.rejected = of([](const ComponentResult& x) { return static_cast<double>(x.rejected); });
    c.availability = of([](const ComponentResult& x) { return x.availability; });
    result.push_back(std::move(c));
  }
  return result;
}

std::vector<HostIntervals> host_intervals(const std::vector<RunResult>& replications) {
  using models::HostResult;
  std::vector<HostIntervals> result;
  if (replications.empty()) return result;
  for (const HostResult& first : replications.front().hosts) {
    auto of = [&](const std::function<double(const HostResult&)>& f) {
      return interval_over(replications, &RunResult::hosts, first.name, f);
    };
    HostIntervals h;
    h.name = first.name;
    h.cpu_utilization = of([](const HostResult& x) { return x.cpu_utilization; });
    h.mean_cpu_queue_length = of([](const HostResult& x) { return x.mean_cpu_queue_length; });
    h.availability = of([](const HostResult& x) { return x.availability; });
    result.push_back(std::move(h));
  }
  return result;
}

}  // namespace stacksim::findings
