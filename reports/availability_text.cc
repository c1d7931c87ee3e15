#include "reports/availability_text.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include "findings/downtime_summary.h"
#include "findings/replication_summary.h"
#include "reports/text_format.h"
#include "reports/text_table.h"

namespace stacksim::reports {
namespace {

// Measured availability of each host and component, by name.
std::map<std::string, double> availability_by_name(
    const std::vector<findings::ComponentStats>& components,
    const std::vector<models::HostResult>& hosts) {
  std::map<std::string, double> up;
  for (const auto& h : hosts) up[h.name] = h.availability;
  for (const auto& c : components) up.emplace(c.name, c.availability);
  return up;
}

std::string windows_table(const std::vector<models::DowntimeWindow>& windows) {
  TextTable table({"Downtime", "cause", "start", "duration"});
  const std::size_t listed = std::min(windows.size(), kListedDowntimeWindows);
  for (std::size_t i = 0; i < listed; ++i) {
    const auto& w = windows[i];
    table.add_row({w.target, w.cause, format_clock(w.start_s), format_span(w.end_s - w.start_s)});
  }
  std::string out = table.render();
  if (windows.size() > listed) {
    out += "... and " + format_count(static_cast<double>(windows.size() - listed)) + " more";
    if (windows.size() >= models::kMaxDowntimeWindows) out += " (recording stopped there)";
    out += "\n";
  }
  return out;
}

std::string totals_table(const findings::DowntimeTotals& totals,
                         const std::map<std::string, double>& up) {
  TextTable table({"Target", "down", "up", "by cause"});
  for (const auto& [target, causes] : totals.seconds) {
    std::string by_cause;
    for (const auto& [cause, seconds] : causes) {
      if (!by_cause.empty()) by_cause += kFactSeparator;
      by_cause += cause + " " + format_duration(seconds);
    }
    const auto found = up.find(target);
    table.add_row({target, format_duration(totals.total_s(target)),
                   found == up.end() ? "-" : format_availability(found->second), by_cause});
  }
  return table.render();
}

std::string objective_label(const std::string& name) {
  if (name == "latency_p50_s") return "latency p50";
  if (name == "latency_p95_s") return "latency p95";
  if (name == "latency_p99_s") return "latency p99";
  return name;
}

std::string objective_value(const std::string& name, double value) {
  return name == "availability" ? format_availability(value) : format_seconds(value);
}

// A number of requests of the budget: fractional ones to three significant digits or so.
std::string requests_text(double requests) {
  if (std::floor(requests) == requests) return format_count(requests);
  return format_fixed(requests, requests < 10 ? 2 : requests < 1000 ? 1 : 0);
}

std::string budget_share(double fraction) {
  return std::isfinite(fraction) ? format_percent(fraction, 1) : "-";
}

}  // namespace

std::string downtime_text(const std::vector<models::RunResult>& replications,
                          const std::vector<findings::ComponentStats>& components,
                          const std::vector<models::HostResult>& hosts) {
  const findings::DowntimeTotals totals = findings::downtime_totals(replications);
  if (totals.seconds.empty()) return "";
  std::string out = "\n";
  const auto& windows = replications.front().downtime;
  if (!windows.empty()) {
    out += windows_table(windows);
    if (replications.size() > 1) {
      out += "(windows of the first replication; the totals below are means over " +
             std::to_string(replications.size()) + " replications)\n";
    }
    out += "\n";
  }
  out += totals_table(totals, availability_by_name(components, hosts));
  if (totals.truncated) {
    out += "(windows past " + format_count(static_cast<double>(models::kMaxDowntimeWindows)) +
           " per replication were not recorded: the totals are lower bounds)\n";
  }
  return out;
}

std::string slo_text(const findings::SloEvaluation& evaluation) {
  std::string out = "\n";
  TextTable objectives({"SLO", "target", "measured", "met"});
  for (const findings::SloObjective& o : evaluation.objectives) {
    objectives.add_row({objective_label(o.name), objective_value(o.name, o.target),
                        o.measured ? objective_value(o.name, *o.measured) : "-",
                        o.met ? "yes" : "no"});
  }
  out += objectives.render();
  if (evaluation.error_budget) {
    const findings::ErrorBudget& b = *evaluation.error_budget;
    TextTable budget({"Error budget", "requests", "of budget"});
    budget.add_row({"allowed", requests_text(b.budget_requests),
                    b.budget_requests > 0 ? format_percent(1.0, 1) : "-"});
    budget.add_row({"burned", requests_text(b.burned_requests), budget_share(b.burned_fraction)});
    for (const findings::BudgetBurn& burn : b.by_category) {
      std::string label(2, ' ');  // indented under "burned"
      label += burn.category;
      budget.add_row(
          {std::move(label), requests_text(burn.requests), budget_share(burn.budget_fraction)});
    }
    out += '\n';
    out += budget.render();
  }
  return out;
}

std::string availability_check_text(const findings::AvailabilityCheck& check) {
  std::string line = "\nAvailability check: CTMC ";
  line += check.predicted ? "predicts " + format_availability(*check.predicted, 4) : "not solved";
  line += ", simulated " + format_availability(check.simulated.mean);
  if (check.has_interval) {
    line += " \u00b1 " + format_percent(check.simulated.half_width, 3) + " (95% CI)";
    if (check.within_ci) line += *check.within_ci ? ", within" : ", outside";
  } else {
    line += " (one replication: no interval)";
  }
  line += "\n";
  if (!check.note.empty()) line += "  " + check.note + "\n";
  return line;
}

}  // namespace stacksim::reports
