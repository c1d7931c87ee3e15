#include "reports/text_summary.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <utility>

#include "analysis/availability_ctmc.h"
#include "findings/bottleneck.h"
#include "findings/downtime_summary.h"
#include "findings/replication_summary.h"
#include "findings/slo_evaluation.h"
#include "findings/yearly_downtime.h"
#include "reports/availability_text.h"
#include "reports/bottleneck_text.h"
#include "reports/stability_text.h"
#include "reports/text_format.h"
#include "reports/text_table.h"
#include "reports/text_width.h"
#include "reports/timeline_report.h"

namespace stacksim::reports {
namespace {

// "value ± half-width" when the interval comes from several replications.
std::string with_half_width(const std::string& value, const std::string& half_width, bool several) {
  return several ? value + " \u00b1 " + half_width : value;
}

// The run on the scenario clock: "seed 42 · measured 0:05:00–1:05:00 (1h after 5m warm-up)".
std::string run_line(const ReportContext& context, std::size_t replications, double measured_s,
                     bool interrupted, bool stopped = false) {
  std::string line = "seed " + std::to_string(context.seed) + kFactSeparator;
  const std::string planned = format_clock(context.warmup_s) + "\u2013" +
                              format_clock(context.warmup_s + context.duration_s);
  if (interrupted || stopped) {
    line += std::string(interrupted ? "interrupted" : "stopped") + ": measured " +
            format_clock(context.warmup_s) + "\u2013" +
            format_clock(context.warmup_s + measured_s) + " of " + planned;
  } else {
    line += "measured " + planned;
  }
  line += " (" + format_span(context.duration_s) +
          (context.warmup_s > 0 ? " after " + format_span(context.warmup_s) + " warm-up)"
                                : " without warm-up)");
  line += kFactSeparator + std::to_string(replications) +
          (replications == 1 ? " replication" : " replications");
  if (context.threads > 1) line += kFactSeparator + std::to_string(context.threads) + " threads";
  if (context.wall_seconds >= 1.0) {
    char wall[32];
    std::snprintf(wall, sizeof wall, "%.1f s wall", context.wall_seconds);
    line += kFactSeparator + std::string(wall);
  } else if (context.wall_seconds > 0) {
    line += kFactSeparator + format_seconds(context.wall_seconds) + " wall";
  }
  return line + "\n";
}

// The request availability: the share of ended requests that succeeded. With replications the
// counts are means per replication, and say so.
std::string requests_line(const findings::SummaryStats& s, bool several) {
  // Without a request that ended there is no availability to speak of.
  const std::string availability =
      s.completed.mean + s.failed.mean <= 0
          ? "no requests measured"
          : std::string("succeeded ") +
                with_half_width(format_availability(s.availability.mean),
                                format_percent(s.availability.half_width, 3), several) +
                " (request availability)";
  return section_line(
      "Requests",
      std::string(several ? "mean per replication: " : "") + "offered " +
          format_count(s.offered.mean) + "  completed " + format_count(s.completed.mean) +
          "  failed " + format_count(s.failed.mean) +
          (s.stability.unfinished > 0 ? "  unfinished " + format_count(s.stability.unfinished)
                                      : std::string()) +
          "  " + availability);
}

std::string throughput_text(double rps) { return format_fixed(rps, rps < 1000 ? 2 : 1); }

std::string latency_line(const findings::SummaryStats& s, bool several, double completed) {
  if (completed <= 0) return section_line("Latency", "no completed requests");
  auto item = [&](const char* name, const findings::Interval& i, bool show_half_width) {
    return std::string(name) + " " +
           (several && show_half_width ? format_seconds_interval(i.mean, i.half_width)
                                       : format_seconds(i.mean));
  };
  return section_line(
      "Latency",
      item("mean", s.latency_mean_s, true) + "  " + item("p50", s.latency_p50_s, false) + "  " +
          item("p90", s.latency_p90_s, false) + "  " + item("p99", s.latency_p99_s, true) + "  " +
          item("p99.9", s.latency_p999_s, false) + "  " + item("max", s.latency_max_s, false));
}

// "rejected 8 · dns_failure 2": largest count first, ties in name order.
std::string counts_text(const std::map<std::string, double>& counts) {
  std::vector<std::pair<std::string, double>> sorted(counts.begin(), counts.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string text;
  for (const auto& [key, n] : sorted) {
    if (!text.empty()) text += kFactSeparator;
    text += key + " " + format_count(n);
  }
  return text;
}

std::string errors_line(const std::map<std::string, double>& errors) {
  const std::string text = counts_text(errors);
  return section_line("Errors", text.empty() ? "none" : text);
}

// The time availability (the share of the measured time every component a request needs was
// up), the downtime it means, per year only where the run supports it (yearly_downtime), and
// the nines of the request availability (left out at 100%).
std::string uptime_line(const findings::SummaryStats& s, bool several) {
  std::string text =
      with_half_width(format_availability(s.availability_by_time.mean),
                      format_percent(s.availability_by_time.half_width, 3), several) +
      " of the time every component a request needs was up (time availability)";
  const findings::YearlyDowntime yearly = findings::yearly_downtime(s);
  if (yearly.measured_down_s > 0) {
    text += kFactSeparator + format_duration(yearly.measured_down_s) + " down in " +
            format_duration(s.measured_s);
    if (yearly.basis == "extrapolated") {
      text += std::string(kFactSeparator) + "about " + format_duration(*yearly.per_year_s) +
              " a year at that rate (extrapolated from " + format_count(yearly.outages) +
              " outages)";
    } else if (yearly.basis.empty()) {
      text += std::string(kFactSeparator) + "too few outages (" + format_count(yearly.outages) +
              ") to extrapolate to a year";
    }
  } else if (s.availability.mean < 1.0) {
    text += std::string(kFactSeparator) + "the failed requests failed while everything was up";
  }
  const double nines = analysis::nines(s.availability.mean);
  if (std::isfinite(nines)) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", nines);
    text += kFactSeparator + std::string("requests at ") + buffer + " nines";
  }
  return section_line("Uptime", text);
}

// Shown only when clients retried.
std::string retries_line(const findings::SummaryStats& s) {
  char per_request[32];
  std::snprintf(per_request, sizeof per_request, "%.2f", s.retry_amplification.mean);
  return section_line("Retries", format_count(s.attempts.mean) + " attempts (" + per_request +
                                     " per request)" + kFactSeparator + "first-attempt success " +
                                     format_availability(s.first_attempt_success.mean) +
                                     kFactSeparator + "final success " +
                                     format_availability(s.final_success.mean));
}

std::string components_table(const std::vector<findings::ComponentStats>& components,
                             std::size_t width) {
  const bool show_availability = std::any_of(components.begin(), components.end(),
                                             [](const auto& c) { return c.availability < 1.0; });
  std::vector<std::string> header = {"Component", "kind", "host",     "servers", "util",
                                     "queue",     "wait", "response", "thru/s",  "rejected"};
  if (show_availability) header.push_back("up");
  TextTable table(std::move(header));
  for (const findings::ComponentStats& c : components) {
    std::vector<std::string> row = {c.name,
                                    c.kind,
                                    c.host.empty() ? "-" : c.host,
                                    std::to_string(c.servers),
                                    format_percent(c.utilization, 1),
                                    format_fixed(c.mean_queue_length, 2),
                                    format_seconds(c.mean_wait_s),
                                    format_seconds(c.mean_response_s),
                                    format_fixed(c.throughput_rps, 1),
                                    format_count(c.mean_rejected)};
    if (show_availability) row.push_back(format_availability(c.availability));
    table.add_row(std::move(row));
  }
  const auto dropped =
      table.drop_to_fit(width, {"kind", "servers", "wait", "rejected", "queue", "host"});
  return table.render() + left_out_note(dropped, width);
}

std::string hosts_table(const std::vector<models::HostResult>& hosts, std::size_t width) {
  const bool show_availability =
      std::any_of(hosts.begin(), hosts.end(), [](const auto& h) { return h.availability < 1.0; });
  const bool show_memory =
      std::any_of(hosts.begin(), hosts.end(), [](const auto& h) { return h.memory_bytes > 0; });
  const bool show_oom =
      std::any_of(hosts.begin(), hosts.end(), [](const auto& h) { return h.oom_kills > 0; });
  std::vector<std::string> header = {"Host", "cores", "cpu util", "cpu queue"};
  if (show_availability) header.push_back("up");
  if (show_memory) header.insert(header.end(), {"memory", "mean use", "peak use", "over"});
  if (show_oom) header.push_back("oom kills");
  TextTable table(std::move(header));
  for (const auto& h : hosts) {
    std::vector<std::string> row = {h.name, std::to_string(h.cores),
                                    format_percent(h.cpu_utilization, 1),
                                    format_fixed(h.mean_cpu_queue_length, 2)};
    if (show_availability) row.push_back(format_availability(h.availability));
    if (show_memory && h.memory_bytes > 0) {
      row.insert(row.end(), {format_bytes(static_cast<double>(h.memory_bytes)),
                             format_bytes(h.mean_memory_demand_bytes),
                             format_bytes(static_cast<double>(h.peak_memory_demand_bytes)),
                             format_percent(h.memory_over_share, 1)});
    } else if (show_memory) {
      row.insert(row.end(), {"-", "-", "-", "-"});
    }
    if (show_oom) row.push_back(format_count(static_cast<double>(h.oom_kills)));
    table.add_row(std::move(row));
  }
  const auto dropped = table.drop_to_fit(width, {"mean use", "over", "cpu queue", "memory"});
  return table.render() + left_out_note(dropped, width);
}

std::string classes_table(const std::vector<findings::ClassStats>& classes, std::size_t width) {
  TextTable table({"Class", "offered", "completed", "failed", "availability", "mean latency"});
  for (const auto& c : classes) {
    const double ended = c.completed + c.failed;
    table.add_row({c.name, format_count(c.offered), format_count(c.completed),
                   format_count(c.failed),
                   ended > 0 ? format_availability(c.completed / ended) : "-",
                   c.completed > 0 ? format_seconds(c.mean_latency_s) : "-"});
  }
  const auto dropped = table.drop_to_fit(width, {"offered", "completed"});
  return table.render() + left_out_note(dropped, width);
}

}  // namespace

std::string text_summary(const ReportContext& context,
                         const std::vector<models::RunResult>& replications, std::size_t width) {
  const findings::SummaryStats s = findings::summarize(replications);
  const bool several = replications.size() > 1;

  std::string out = "stacksim";
  if (!context.tool_version.empty()) out += " " + context.tool_version;
  out += " \u2014 " + escape_control(context.scenario_name);
  if (!context.scenario_file.empty()) out += " (" + escape_control(context.scenario_file) + ")";
  out += "\n";
  out += run_line(context, replications.size(), s.measured_s, s.interrupted, s.stability.stopped);
  out += "\n";

  out += requests_line(s, several);
  out += uptime_line(s, several);
  const bool retried = s.attempts.mean > s.offered.mean;
  if (retried) out += retries_line(s);
  out += section_line("Throughput",
                      with_half_width(throughput_text(s.throughput_rps.mean),
                                      throughput_text(s.throughput_rps.half_width), several) +
                          " req/s");
  out += latency_line(s, several, s.completed.mean);
  out += errors_line(s.errors);
  if (!s.failures_by_origin.empty()) {
    out += section_line("Caused by", counts_text(s.failures_by_origin));
  }
  if (retried && !s.attempt_errors.empty()) {
    out += section_line("Attempts", "failed by cause: " + counts_text(s.attempt_errors));
  }
  if (s.lost_writes.mean > 0) {
    out +=
        section_line("Data loss", format_count(s.lost_writes.mean) +
                                      " writes acknowledged by a failed primary, never replicated");
  }
  char in_system[48];
  std::snprintf(in_system, sizeof in_system, "%.*f requests on average",
                s.mean_in_system.mean < 10 ? 2 : 1, s.mean_in_system.mean);
  out += section_line("In system", in_system);
  out += stability_text(s.stability);

  // Each table follows a blank line.
  const auto components = findings::mean_components(replications);
  const auto hosts = findings::mean_hosts(replications);
  const auto classes = findings::mean_classes(replications);
  std::vector<std::string> tables;
  if (!components.empty()) tables.push_back(components_table(components, width));
  if (!hosts.empty()) tables.push_back(hosts_table(hosts, width));
  if (classes.size() > 1) tables.push_back(classes_table(classes, width));
  for (const std::string& table : tables) {
    out += '\n';
    out += table;
  }

  // Only when queues built up or requests failed; the Bottleneck line follows it directly.
  const std::string timeline = timeline_text(findings::timeline_of(replications));
  if (!timeline.empty()) {
    out += '\n';
    out += section_line("Timeline", timeline);
  }

  const findings::Bottleneck bottleneck =
      findings::find_bottleneck(s, components, hosts, findings::downtime_totals(replications));
  if (!bottleneck.name.empty()) {
    out +=
        (timeline.empty() ? "\nBottleneck: " : "Bottleneck: ") + bottleneck_text(bottleneck) + "\n";
  }

  out += downtime_text(replications, components, hosts);
  if (context.slo) out += slo_text(findings::evaluate_slo(*context.slo, s));
  if (context.availability_prediction) {
    out += availability_check_text(findings::check_availability(
        *context.availability_prediction, s.availability_by_time, replications.size()));
  }
  return out;
}

}  // namespace stacksim::reports
