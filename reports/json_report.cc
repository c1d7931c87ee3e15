#include "reports/json_report.h"

#include <map>
#include <string>
#include <utility>

#include "analysis/availability_ctmc.h"
#include "findings/replication_summary.h"
#include "reports/availability_json.h"
#include "reports/json_numbers.h"
#include "reports/report_header_json.h"
#include "reports/timeline_report.h"

namespace stacksim::reports {
namespace {

using nlohmann::ordered_json;

ordered_json counts_json(const std::map<std::string, double>& counts) {
  ordered_json j = ordered_json::object();
  for (const auto& [key, n] : counts) j[key] = count_json(n);
  return j;
}

ordered_json interval_json(const findings::Interval& i) {
  return ordered_json{
      {"mean", i.mean}, {"low", i.low()}, {"high", i.high()}, {"half_width", i.half_width}};
}

// The latency keys of the contract with the matching member of SummaryStats.
const std::pair<const char*, findings::Interval findings::SummaryStats::*> kLatencyKeys[] = {
    {"mean", &findings::SummaryStats::latency_mean_s},
    {"p50", &findings::SummaryStats::latency_p50_s},
    {"p90", &findings::SummaryStats::latency_p90_s},
    {"p95", &findings::SummaryStats::latency_p95_s},
    {"p99", &findings::SummaryStats::latency_p99_s},
    {"p999", &findings::SummaryStats::latency_p999_s},
    {"max", &findings::SummaryStats::latency_max_s},
};

ordered_json confidence_of(const findings::SummaryStats& s) {
  ordered_json latency = ordered_json::object();
  for (const auto& [key, member] : kLatencyKeys) latency[key] = interval_json(s.*member);
  ordered_json j;
  j["offered"] = interval_json(s.offered);
  j["completed"] = interval_json(s.completed);
  j["failed"] = interval_json(s.failed);
  j["availability"] = interval_json(s.availability);
  j["throughput_rps"] = interval_json(s.throughput_rps);
  j["mean_in_system"] = interval_json(s.mean_in_system);
  j["latency_s"] = std::move(latency);
  j["availability_by_time"] = interval_json(s.availability_by_time);
  j["retry_amplification"] = interval_json(s.retry_amplification);
  return j;
}

ordered_json hosts_json(const std::vector<models::HostResult>& hosts) {
  ordered_json j = ordered_json::object();
  for (const auto& h : hosts) {
    j[h.name] = ordered_json{{"cores", h.cores},
                             {"cpu_utilization", h.cpu_utilization},
                             {"mean_cpu_queue_length", h.mean_cpu_queue_length},
                             {"availability", h.availability}};
    if (h.memory_bytes > 0) {  // only where the scenario models memory
      j[h.name]["memory"] = ordered_json{{"bytes", h.memory_bytes},
                                         {"mean_demand_bytes", h.mean_memory_demand_bytes},
                                         {"peak_demand_bytes", h.peak_memory_demand_bytes},
                                         {"over_share", h.memory_over_share},
                                         {"oom_kills", h.oom_kills}};
    }
  }
  return j;
}

ordered_json classes_json(const std::vector<findings::ClassStats>& classes) {
  ordered_json j = ordered_json::object();
  for (const auto& c : classes) {
    j[c.name] = ordered_json{{"offered", count_json(c.offered)},
                             {"completed", count_json(c.completed)},
                             {"failed", count_json(c.failed)},
                             {"mean_latency_s", c.mean_latency_s}};
  }
  return j;
}

}  // namespace

ordered_json bottleneck_json(const findings::Bottleneck& b) {
  if (b.name.empty()) return nullptr;
  return ordered_json{{"name", b.name}, {"utilization", b.utilization}};
}

ordered_json summary_json(const findings::SummaryStats& s) {
  ordered_json latency = ordered_json::object();
  for (const auto& [key, member] : kLatencyKeys) latency[key] = (s.*member).mean;
  ordered_json j;
  j["offered"] = count_json(s.offered.mean);
  j["completed"] = count_json(s.completed.mean);
  j["failed"] = count_json(s.failed.mean);
  j["errors"] = counts_json(s.errors);
  j["availability"] = s.availability.mean;
  j["throughput_rps"] = s.throughput_rps.mean;
  j["mean_in_system"] = s.mean_in_system.mean;
  j["latency_s"] = std::move(latency);
  j["availability_by_time"] = s.availability_by_time.mean;
  j["nines"] = finite_or_null(analysis::nines(s.availability.mean));  // null at 100%
  j["downtime_per_year_s"] = analysis::downtime_per_year_s(s.availability_by_time.mean);
  j["attempts"] = count_json(s.attempts.mean);
  j["retry_amplification"] = s.retry_amplification.mean;
  j["first_attempt_success"] = s.first_attempt_success.mean;
  j["final_success"] = s.final_success.mean;
  j["attempt_errors"] = counts_json(s.attempt_errors);
  j["failures_by_origin"] = counts_json(s.failures_by_origin);
  j["lost_writes"] = count_json(s.lost_writes.mean);
  return j;
}

ordered_json summary_json(const std::vector<models::RunResult>& replications) {
  return summary_json(findings::summarize(replications));
}

ordered_json components_json(const std::vector<models::RunResult>& replications) {
  return components_json(findings::mean_components(replications));
}

ordered_json components_json(const std::vector<findings::ComponentStats>& components) {
  ordered_json j = ordered_json::object();
  for (const findings::ComponentStats& c : components) {
    ordered_json item;
    item["kind"] = c.kind;
    if (!c.host.empty()) item["host"] = c.host;
    item["servers"] = c.servers;
    item["utilization"] = c.utilization;
    item["mean_queue_length"] = c.mean_queue_length;
    item["mean_wait_s"] = c.mean_wait_s;
    item["mean_response_s"] = c.mean_response_s;
    item["throughput_rps"] = c.throughput_rps;
    item["rejected"] = count_json(c.mean_rejected);
    item["availability"] = c.availability;
    item["visits"] = count_json(c.mean_visits);
    j[c.name] = std::move(item);
  }
  return j;
}

ordered_json json_report(const ReportContext& context,
                         const std::vector<models::RunResult>& replications) {
  const findings::SummaryStats stats = findings::summarize(replications);
  const std::vector<findings::ComponentStats> components = findings::mean_components(replications);
  const std::vector<models::HostResult> hosts = findings::mean_hosts(replications);

  ordered_json j = report_header_json(context, replications.size());
  // Engine events processed, warm-up included, summed over replications: deterministic, and
  // with the wall time of the run it gives the engine's speed.
  std::uint64_t events = 0;
  for (const auto& r : replications) events += r.events;
  j["events"] = events;
  if (stats.interrupted) {
    j["interrupted"] = true;
    j["measured_s"] = stats.measured_s;  // how far the measurement got, on average
  }
  j["summary"] = summary_json(stats);
  j["components"] = components_json(components);
  j["hosts"] = hosts_json(hosts);
  j["classes"] = classes_json(findings::mean_classes(replications));
  j["bottleneck"] = bottleneck_json(findings::find_bottleneck(components, hosts));
  const findings::DowntimeTotals downtime = findings::downtime_totals(replications);
  j["downtime"] = downtime_json(replications);
  if (downtime.truncated) j["downtime_truncated"] = true;
  j["downtime_by_target"] = downtime_by_target_json(downtime);
  // Only when queues built up or requests failed (first replication's series).
  if (const findings::Timeline timeline = findings::timeline_of(replications);
      timeline.has_news()) {
    j["timeline"] = timeline_json(timeline);
  }
  if (context.slo) j["slo"] = slo_json(findings::evaluate_slo(*context.slo, stats));
  if (context.availability_prediction) {
    j["availability_check"] = availability_check_json(findings::check_availability(
        *context.availability_prediction, stats.availability_by_time, replications.size()));
  }
  if (replications.size() > 1) j["confidence"] = confidence_of(stats);
  return j;
}

}  // namespace stacksim::reports
