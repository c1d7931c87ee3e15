#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/result.h"
#include "models/run_result.h"
#include "models/scenario_spec.h"

// The product-form view of a scenario: the textbook queueing network (Jackson for an open
// workload, exact MVA for a closed one) that the scenario would be if every component were a
// plain M/M/c queue, solved exactly, and set beside what the simulation measured, so that a user
// sees where the real stack departs from theory and why.
//
// The mapping:
//  - One station per component instance, its servers its slots, its service time per visit the
//    whole visit: mean(cpu) + mean(latency) + reads_per_query x (1 - buffer_pool_hit_ratio) x
//    mean(disk_read). Visits per request: the sum over the classes of the mix of weight share x
//    the times the class path visits it, counting each holding caller's `calls` repetitions of
//    the rest of its path; a component with several instances shares its visits evenly among
//    them (a database's writes go to its primary, its reads to the replicas).
//  - One station per host with CPU work, its servers the cores, its service per visit the mean
//    CPU burst of the components placed on it. A hosted component's slot and its host's cores
//    are separate queues in this decomposition: the slot is held for the whole visit (its
//    utilization counts the CPU part) and the CPU part queues again for a core; the response
//    counts the CPU service once and adds the wait for a core. An approximation for stacks,
//    exact for plain stations without hosts.
//  - Open (Poisson) workload: each station an independent M/M/c fed at lambda x visits (Erlang C).
//    Closed workload: exact MVA with the think time, multi-server stations load-dependent; a
//    hosted component's slot carries the off-CPU part of its visit there, its host the CPU part,
//    so that every second of a visit is in the cycle once.
//  - A web, app or lb holds its slot while it calls the rest of its path; product form does not.
//    For each holding component the view also predicts its utilization and response with the
//    slot held for its own visit plus the downstream residence (`SlotHolding`).
// Everything else the simulation models (finite queues, retries, timeouts, faults, DNS, network
// round trips, non-exponential service, ...) is listed in `departures` with its effect.
namespace stacksim::reports {

enum class ProductFormModel { kJackson, kMva };

[[nodiscard]] const char* to_string(ProductFormModel model);  // "jackson", "mva"

// A holding component's slot as it really is held: for its own visit and the downstream calls.
struct SlotHolding {
  std::vector<std::string> calls;  // the components it calls, directly or further down
  double downstream_s = 0.0;       // mean downstream residence per visit while holding
  double holding_s = 0.0;          // slot held per visit: demand + wait for a core + downstream
  double utilization = 0.0;        // busy slots / slots with the slot held that long
  double response_s = 0.0;         // per visit, arrival to leaving; +inf when utilization >= 1
};

// What the simulation measured for a station: means over the replications.
struct SimulatedStation {
  double utilization = 0.0;
  std::optional<double> response_s;  // per visit, arrival to leaving; nullopt for a host's cores
};

struct ProductFormStation {
  std::string name;       // the component instance ("db", "db@server2") or the host
  std::string kind;       // the component's kind ("station", "web", ...) or "cpu" for a host
  std::string component;  // the component's name (without @host); empty for a host
  std::string host;       // where the component runs; empty when not placed (or for a host)
  int servers = 1;
  double visits = 0.0;    // per request
  double demand_s = 0.0;  // mean service time of one visit
  double scv = 1.0;       // squared coefficient of variation of one visit's service time
  // The product-form solution, per visit unless said otherwise. Infinite when unstable.
  double utilization = 0.0;   // busy servers / servers, from demand_s alone
  bool stable = true;         // utilization < 1
  double waiting_s = 0.0;     // wait for a server (a slot, or a core)
  double response_s = 0.0;    // wait plus demand_s
  double queue_length = 0.0;  // mean requests there, waiting or served
  double cpu_wait_s = 0.0;    // a component on a host: the wait for a core; else 0
  // Arrival to leaving as the simulation measures it: response_s + cpu_wait_s, or for a holding
  // component holding->response_s.
  double visit_s = 0.0;
  std::optional<SlotHolding> holding;  // web, app and lb that call the rest of a path
  std::optional<SimulatedStation> simulated;
};

struct SimulatedSystem {
  double throughput_rps = 0.0;
  double latency_s = 0.0;  // mean over completed requests
};

struct ProductFormView {
  ProductFormModel model = ProductFormModel::kJackson;
  std::vector<ProductFormStation> stations;  // component instances, then hosts
  bool stable = true;                        // every station is
  // Completed requests per second: lambda (open, stable), the bottleneck's capacity (open,
  // unstable) or the MVA throughput (closed).
  double throughput_rps = 0.0;
  double latency_s = 0.0;  // mean response of a request; +inf when unstable
  int users = 0;           // closed workload only
  double think_s = 0.0;    // closed workload only
  std::optional<SimulatedSystem> simulated;
  // What the simulated latency has that the view leaves out ("the network round trip", ...),
  // named when the latencies differ.
  std::vector<std::string> latency_extras;
  // How the simulated stack departs from the view, each with its effect; the measured
  // differences are appended by compare_with_simulation.
  std::vector<std::string> departures;
};

// Maps a valid scenario to its product-form network and solves it. Fails, with the solver's
// message, when the network cannot be solved (no arrival rate for a trace, say).
[[nodiscard]] analysis::Result<ProductFormView> product_form_view(const models::ScenarioSpec& spec);

// Fills the `simulated` fields from the replications of a run of the same scenario (means over
// replications) and appends to `departures` every station or system figure that differs from
// theory by more than `tolerance` (relative).
void compare_with_simulation(ProductFormView& view,
                             const std::vector<models::RunResult>& replications,
                             double tolerance = 0.10);

// A utilization as a percentage with three significant digits down to 0.001% ("87.5%", "2.14%",
// "0.028%"), so that the tiny ones of many-slot components do not all read 0.0%.
[[nodiscard]] std::string format_utilization(double fraction);

// (simulated - theory) / theory; nullopt when theory is 0 or either is not finite.
[[nodiscard]] std::optional<double> relative_difference(double theory, double simulated);

}  // namespace stacksim::reports
