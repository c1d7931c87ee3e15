#include "reports/report_explanations.h"

#include <array>
#include <sstream>

#include "findings/bottleneck.h"
#include "findings/replication_summary.h"
#include "reports/text_format.h"

namespace stacksim::reports {

namespace {

using findings::Bottleneck;
using findings::SummaryStats;

constexpr std::array<SectionExplanation, 21> kSections = {{
    {"Requests", false,
     "availability is the share of finished requests that got a successful response"},
    {"Uptime", false,
     "availability by time is the share of time every component a request needed was up"},
    {"Retries", false,
     "client attempts per request: above 1, retries add load just when the site is struggling"},
    {"Throughput", false,
     "successful responses per second; below the arrival rate when requests fail or pile up"},
    {"Latency", false,
     "response times of successful requests only; p50 is the typical page, p99 the slow tail"},
    {"Errors", false, "why requests failed, by the last cause each one met"},
    {"Caused by", false, "failed requests by what made them fail: a fault, or overload"},
    {"Attempts", false, "why attempts failed, the ones that were retried included"},
    {"Data loss", false,
     "writes the old primary had acknowledged but not yet sent to the replica that took over"},
    {"In system", false,
     "requests inside the stack at an average moment; by Little's law, arrival rate x time inside"},
    {"Component", true,
     "util is the share of a component's slots in use; near 100% requests queue for a slot"},
    {"Host", true, "cpu util is the share of the cores busy; cpu queue, bursts waiting for a core"},
    {"Class", true,
     "each request class on its own: a class whose path avoids a failed part keeps working"},
    {"Timeline", false,
     "when a disturbance built queues, when errors started and stopped, when latency recovered"},
    {"Bottleneck", false, "the most utilized resource: the first to saturate when the load grows"},
    {"Downtime", true, "each stretch of measured time a host or component was down, and why"},
    {"Target", true, "each target's total time down and up over the measured span"},
    {"SLO", true, "each objective the scenario states, against what was measured"},
    {"Error budget", true,
     "the failures the availability objective allows, and which causes used them up"},
    {"Availability check", false,
     "the hosts' and components' up/down Markov chain solved exactly, beside the simulation"},
    {"Cost", false, "what the design's hosts and managed parts cost a month at its prices"},
}};

struct Facts {
  SummaryStats s;
  Bottleneck bottleneck;
};

std::string reading(const std::string& label, const Facts& f) {
  const SummaryStats& s = f.s;
  if (label == "Requests") {
    const double failed_share = 1.0 - s.availability.mean;
    std::string text = "availability " + format_availability(s.availability.mean) +
                       ": the share of finished requests that got a page";
    if (failed_share > 0) text += "; " + format_percent(failed_share, 2) + " failed";
    return text;
  }
  if (label == "Uptime") {
    return "availability by time " + format_availability(s.availability_by_time.mean) +
           ": every component a request needed was up this share of the time";
  }
  if (label == "Retries") {
    return "each request took " + format_significant(s.retry_amplification.mean) +
           " attempts on average: retries multiply the load by that much";
  }
  if (label == "Throughput") {
    return format_significant(s.throughput_rps.mean) +
           " pages served per second; it equals the arrival rate only when nothing fails";
  }
  if (label == "Latency") {
    return "half the pages took under " + format_seconds(s.latency_p50_s.mean) +
           ", one in a hundred over " + format_seconds(s.latency_p99_s.mean) +
           "; failed requests are not in these numbers";
  }
  if (label == "In system" && s.measured_s > 0 && s.offered.mean > 0) {
    // Little's law, L = lambda W, read backwards: the mean time a request spends inside, failed
    // ones included (the latency line counts only the successful).
    const double arrivals_per_s = s.offered.mean / s.measured_s;
    return format_significant(s.mean_in_system.mean) +
           " requests inside the stack at an average moment: by Little's law, " +
           format_significant(arrivals_per_s) + " arrivals/s x " +
           format_seconds(s.mean_in_system.mean / arrivals_per_s) + " spent inside each";
  }
  if (label == "Bottleneck" && f.bottleneck.utilization > 0) {
    return f.bottleneck.name + " is " + format_percent(f.bottleneck.utilization, 1) +
           " busy: at this mix it saturates first, near " +
           format_significant(s.throughput_rps.mean / f.bottleneck.utilization) + " req/s";
  }
  for (const auto& section : kSections) {
    if (section.label == label) return section.meaning;
  }
  return "";
}

// The section a line starts, or "" for a line that starts none.
std::string section_of(const std::string& line) {
  for (const auto& section : kSections) {
    const std::string label = section.label;
    if (line.rfind(label, 0) == 0 &&
        (line.size() == label.size() || line[label.size()] == ' ' || line[label.size()] == ':')) {
      return label;
    }
  }
  return "";
}

bool is_table(const std::string& label) {
  for (const auto& section : kSections) {
    if (section.label == label) return section.table;
  }
  return false;
}

}  // namespace

std::span<const SectionExplanation> section_explanations() { return kSections; }

std::string explain_report(const std::string& report,
                           const std::vector<models::RunResult>& replications) {
  Facts facts{findings::summarize(replications),
              findings::find_bottleneck(findings::mean_components(replications),
                                        findings::mean_hosts(replications))};
  const std::string indent(11, ' ');
  std::istringstream in(report);
  std::string out;
  std::string line;
  std::string open_table;  // the table whose rows are being copied
  auto close_table = [&] {
    if (open_table.empty()) return;
    out += indent + "\u21b3 " + reading(open_table, facts) + "\n";
    open_table.clear();
  };
  while (std::getline(in, line)) {
    const std::string label = section_of(line);
    if (!open_table.empty() && (line.empty() || !label.empty())) close_table();
    out += line + "\n";
    if (label.empty()) continue;
    if (is_table(label)) {
      open_table = label;
    } else {
      out += indent + "\u21b3 " + reading(label, facts) + "\n";
    }
  }
  close_table();
  return out;
}

}  // namespace stacksim::reports
