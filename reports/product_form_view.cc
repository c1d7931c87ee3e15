#include "reports/product_form_view.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "analysis/erlang.h"
#include "analysis/mva.h"
#include "analysis/open_network.h"
#include "findings/replication_summary.h"
#include "reports/text_format.h"

namespace stacksim::reports {

namespace {

using models::ComponentKind;
using models::ComponentSpec;
using models::ScenarioSpec;

constexpr double kInfinity = std::numeric_limits<double>::infinity();
// A holding component is flagged when its downstream time adds more than this share to its slot.
constexpr double kHoldingMatters = 0.10;
// ... unless even so held its slots are almost always free (0.01% busy).
constexpr double kHeldUtilizationMatters = 1e-4;
// Service is called non-exponential when its cv^2 is this far from 1, and it matters when the
// station waits for at least this share of its response.
constexpr double kScvTolerance = 0.05;
constexpr double kWaitMatters = 0.01;

double seconds(const sim::Distribution& d) { return d.mean_ns() * 1e-9; }

// Mean and variance of one visit's service: cpu + latency + the disk reads that miss the buffer
// pool (a binomial number of reads_per_query draws, each missing with 1 - hit ratio).
struct Moments {
  double mean_s = 0.0;
  double variance_s2 = 0.0;
  [[nodiscard]] double scv() const { return mean_s > 0.0 ? variance_s2 / (mean_s * mean_s) : 0.0; }
};

Moments visit_moments(const ComponentSpec& c) {
  Moments m;
  for (const sim::Distribution* d : {&c.cpu, &c.latency}) {
    const double mean = seconds(*d);
    m.mean_s += mean;
    m.variance_s2 += mean * mean * d->scv();
  }
  if (c.reads_per_query > 0 && c.buffer_pool_hit_ratio < 1.0) {
    const double n = c.reads_per_query;
    const double miss = 1.0 - c.buffer_pool_hit_ratio;
    const double disk = seconds(c.disk_read);
    m.mean_s += n * miss * disk;
    m.variance_s2 +=
        n * miss * disk * disk * c.disk_read.scv() + n * miss * (1.0 - miss) * disk * disk;
  }
  return m;
}

// The instances of one component as the simulation builds them.
struct Instance {
  std::string name;  // "db", or "db@server2" for one of several
  std::string host;  // empty when not placed
};

std::vector<Instance> instances_of(const ComponentSpec& c) {
  if (c.instance_hosts.empty()) return {{c.name, c.host}};
  std::vector<Instance> list;
  for (const std::string& host : c.instance_hosts) list.push_back({c.name + "@" + host, host});
  return list;
}

// One class of the mix as the view walks it: per path position, the component, the visits per
// request of the class, the share of those visits each instance gets, and the holding position
// that called it (-1 for none).
struct ClassWalk {
  double share = 0.0;  // of all requests
  std::vector<int> component;
  std::vector<double> visits;
  std::vector<std::vector<double>> instance_share;
  std::vector<int> caller;
};

std::vector<double> even_share(std::size_t n) { return std::vector<double>(n, 1.0 / n); }

// Mirrors how the simulation routes (models/stack_model_routing.cc), in the mean: a database's
// writes go to its primary and its reads to its replicas in turn; a caller other than a balancer
// uses the instance on its own host; everything else is spread evenly.
ClassWalk walk_class(const ScenarioSpec& spec, const models::RequestClassSpec& cls, double share,
                     const std::vector<std::vector<Instance>>& instances) {
  ClassWalk walk;
  walk.share = share;
  double multiplicity = 1.0;
  int holder = -1;
  for (std::size_t p = 0; p < cls.path.size(); ++p) {
    const auto it = std::find_if(spec.components.begin(), spec.components.end(),
                                 [&](const ComponentSpec& c) { return c.name == cls.path[p]; });
    const int g = static_cast<int>(it - spec.components.begin());
    const ComponentSpec& c = *it;
    const std::vector<Instance>& mine = instances[g];
    std::vector<double> split = even_share(mine.size());
    if (mine.size() > 1 && c.kind == ComponentKind::kDb) {
      std::size_t primary = 0;
      for (std::size_t i = 0; i < c.instance_hosts.size(); ++i) {
        if (c.instance_hosts[i] == c.primary_host) primary = i;
      }
      split.assign(mine.size(), cls.writes ? 0.0 : 1.0 / (mine.size() - 1));
      split[primary] = cls.writes ? 1.0 : 0.0;
    } else if (mine.size() > 1 && holder >= 0 &&
               spec.components[walk.component[holder]].kind != ComponentKind::kLb) {
      const std::vector<Instance>& callers = instances[walk.component[holder]];
      split.assign(mine.size(), 0.0);
      for (std::size_t k = 0; k < callers.size(); ++k) {
        const double w = walk.instance_share[holder][k];
        const auto local = std::find_if(mine.begin(), mine.end(), [&](const Instance& i) {
          return !i.host.empty() && i.host == callers[k].host;
        });
        if (local != mine.end()) {
          split[local - mine.begin()] += w;
        } else {
          for (double& s : split) s += w / mine.size();
        }
      }
    }
    walk.component.push_back(g);
    walk.visits.push_back(share * multiplicity);
    walk.instance_share.push_back(std::move(split));
    walk.caller.push_back(holder);
    if (models::holds_slot_during_calls(c.kind)) {
      multiplicity *= c.calls;
      holder = static_cast<int>(p);
    }
  }
  return walk;
}

// Builds the view: the stations, their visits and demands, then solves and explains.
class ViewBuilder {
 public:
  explicit ViewBuilder(const ScenarioSpec& spec) : spec_(spec) {}

  analysis::Result<ProductFormView> build() {
    view_.model = spec_.workload.process == models::WorkloadSpec::Process::kClosed
                      ? ProductFormModel::kMva
                      : ProductFormModel::kJackson;
    for (const auto& cls : spec_.workload.mix) {
      for (const std::string& name : cls.path) {
        if (spec_.find_component(name) == nullptr) {
          return analysis::Result<ProductFormView>::failure("class " + cls.name +
                                                            " names no component " + name);
        }
      }
    }
    walk_mix();
    add_stations();
    if (stations_.empty()) {
      return analysis::Result<ProductFormView>::failure("no component is visited by the mix");
    }
    std::string error = view_.model == ProductFormModel::kMva ? solve_closed() : solve_open();
    if (!error.empty()) return analysis::Result<ProductFormView>::failure(std::move(error));
    add_holding();
    explain();
    view_.stations = std::move(stations_);
    return std::move(view_);
  }

 private:
  void walk_mix() {
    for (const ComponentSpec& c : spec_.components) instances_.push_back(instances_of(c));
    double total = 0.0;
    for (const auto& cls : spec_.workload.mix) total += cls.weight;
    for (const auto& cls : spec_.workload.mix) {
      walks_.push_back(walk_class(spec_, cls, total > 0.0 ? cls.weight / total : 0.0, instances_));
    }
  }

  // One station per visited component instance (in scenario order), then one per host whose
  // components do CPU work.
  void add_stations() {
    station_of_.resize(spec_.components.size());
    for (std::size_t g = 0; g < spec_.components.size(); ++g) {
      const ComponentSpec& c = spec_.components[g];
      const Moments moments = visit_moments(c);
      for (std::size_t i = 0; i < instances_[g].size(); ++i) {
        double visits = 0.0;
        for (const ClassWalk& walk : walks_) {
          for (std::size_t p = 0; p < walk.component.size(); ++p) {
            if (walk.component[p] == static_cast<int>(g)) {
              visits += walk.visits[p] * walk.instance_share[p][i];
            }
          }
        }
        station_of_[g].push_back(-1);
        if (visits <= 0.0) continue;
        ProductFormStation s;
        s.name = instances_[g][i].name;
        s.kind = models::to_string(c.kind);
        s.component = c.name;
        s.host = instances_[g][i].host;
        s.servers = c.servers;
        s.visits = visits;
        s.demand_s = moments.mean_s;
        s.scv = moments.mean_s > 0.0 ? moments.scv() : 1.0;
        station_of_[g][i] = static_cast<int>(stations_.size());
        stations_.push_back(std::move(s));
        spec_of_.push_back(&c);
      }
    }
    components_ = stations_.size();
    for (const models::HostSpec& host : spec_.hosts) {
      double bursts = 0.0, cpu = 0.0, second_moment = 0.0;
      for (std::size_t k = 0; k < components_; ++k) {
        const double mean = seconds(spec_of_[k]->cpu);
        if (stations_[k].host != host.name || mean <= 0.0) continue;
        bursts += stations_[k].visits;
        cpu += stations_[k].visits * mean;
        second_moment += stations_[k].visits * mean * mean * (1.0 + spec_of_[k]->cpu.scv());
      }
      if (cpu <= 0.0) continue;
      ProductFormStation s;
      s.name = host.name;
      s.kind = "cpu";
      s.servers = host.cores;
      s.visits = bursts;
      s.demand_s = cpu / bursts;
      s.scv = second_moment / bursts / (s.demand_s * s.demand_s) - 1.0;
      host_station_[host.name] = static_cast<int>(stations_.size());
      stations_.push_back(std::move(s));
    }
  }

  // The host station whose cores component station k queues for, or -1.
  [[nodiscard]] int cpu_station(std::size_t k) const {
    if (seconds(spec_of_[k]->cpu) <= 0.0) return -1;
    const auto it = host_station_.find(stations_[k].host);
    return it == host_station_.end() ? -1 : it->second;
  }

  [[nodiscard]] double arrival_rate() const {
    const auto& w = spec_.workload;
    if (w.process != models::WorkloadSpec::Process::kTrace) return w.rate_per_s;
    if (w.trace_ns.size() < 2) return -1.0;
    return static_cast<double>(w.trace_ns.size() - 1) /
           sim::to_seconds(w.trace_ns.back() - w.trace_ns.front());
  }

  std::string solve_open() {
    const double lambda = arrival_rate();
    if (!(lambda >= 0.0) || !std::isfinite(lambda)) {
      return "the arrival trace has no mean rate (it needs two arrivals at different times)";
    }
    analysis::OpenNetwork network;
    network.arrival_rate_per_s = lambda;
    for (const ProductFormStation& s : stations_) {
      network.stations.push_back(
          {s.name, s.visits, s.demand_s, analysis::StationKind::kQueue, s.servers});
    }
    const auto solution = analysis::solve_open_network(network);
    if (!solution.ok()) return solution.error();
    double capacity = kInfinity;
    for (std::size_t k = 0; k < stations_.size(); ++k) {
      const analysis::OpenStationResult& r = solution->stations[k];
      ProductFormStation& s = stations_[k];
      s.utilization = r.utilization;
      s.stable = r.stable;
      s.waiting_s = r.waiting_s;
      s.response_s = r.response_s;
      s.queue_length = r.queue_length;
      if (s.visits * s.demand_s > 0.0) {
        capacity = std::min(capacity, s.servers / (s.visits * s.demand_s));
      }
    }
    view_.stable = solution->stable;
    view_.throughput_rps = view_.stable ? lambda : capacity;
    finish_components(lambda);
    return {};
  }

  std::string solve_closed() {
    const auto& w = spec_.workload;
    analysis::ClosedNetwork network;
    network.think_time_s = seconds(w.think);
    for (std::size_t k = 0; k < stations_.size(); ++k) {
      const ProductFormStation& s = stations_[k];
      // A hosted component's CPU part is in its host's station: its slot carries the rest.
      const double own = k < components_ && cpu_station(k) >= 0
                             ? s.demand_s - seconds(spec_of_[k]->cpu)
                             : s.demand_s;
      network.stations.push_back(
          {s.name, s.visits * std::max(0.0, own), analysis::StationKind::kQueue, s.servers});
    }
    const auto points = analysis::solve_mva(network, w.users);
    if (!points.ok()) return points.error();
    if (points->empty()) return "a closed workload needs at least one user";
    const analysis::MvaPoint& point = points->back();
    const double x = point.throughput_per_s;
    view_.users = w.users;
    view_.think_s = network.think_time_s;
    view_.throughput_rps = x;
    for (std::size_t k = 0; k < stations_.size(); ++k) {
      ProductFormStation& s = stations_[k];
      const double per_visit = point.residence_s[k] / s.visits;
      if (k < components_) {
        const double cpu = cpu_station(k) >= 0 ? seconds(spec_of_[k]->cpu) : 0.0;
        s.utilization = x * s.visits * s.demand_s / s.servers;
        s.waiting_s = std::max(0.0, per_visit - (s.demand_s - cpu));
        s.response_s = per_visit + cpu;
        s.queue_length = x * s.visits * s.response_s;
      } else {
        s.utilization = point.utilization[k];
        s.response_s = per_visit;
        s.waiting_s = std::max(0.0, per_visit - s.demand_s);
        s.queue_length = point.queue_length[k];
      }
      s.stable = true;
    }
    finish_components(x);
    return {};
  }

  // The wait for a core, the visit time, and the system latency; `x` is the throughput.
  void finish_components(double x) {
    x_ = x;
    double latency = 0.0;
    for (std::size_t k = 0; k < components_; ++k) {
      ProductFormStation& s = stations_[k];
      const int cpu = cpu_station(k);
      s.cpu_wait_s = cpu >= 0 ? stations_[cpu].waiting_s : 0.0;
      s.visit_s = s.response_s + s.cpu_wait_s;
      latency += s.visits * s.visit_s;
    }
    for (std::size_t k = components_; k < stations_.size(); ++k) {
      stations_[k].visit_s = stations_[k].response_s;
    }
    view_.latency_s = view_.stable ? latency : kInfinity;
  }

  // The holding components' slots with their downstream time (see SlotHolding).
  // A holder's downstream time counts each nested holder's own visit with its slot wait as held
  // (its response less its own downstream), so holders are solved from the innermost out: one
  // round per level of nesting.
  void add_holding() {
    std::size_t rounds = 1;
    for (const ClassWalk& walk : walks_) rounds = std::max(rounds, walk.component.size());
    for (std::size_t round = 0; round < rounds; ++round) hold_round();
  }

  // Mean own visit time of component g over its instances: arrival to leaving, less the time
  // spent calling further down.
  [[nodiscard]] double own_visit_s(std::size_t g) const {
    double visits = 0.0, time = 0.0;
    for (const int k : station_of_[g]) {
      if (k < 0) continue;
      const ProductFormStation& s = stations_[k];
      const double own = !s.holding ? s.visit_s
                         : std::isfinite(s.holding->response_s)
                             ? s.holding->response_s - s.holding->downstream_s
                             : kInfinity;
      visits += s.visits;
      time += s.visits * own;
    }
    return visits > 0.0 ? time / visits : 0.0;
  }

  void hold_round() {
    std::vector<double> own(spec_.components.size(), 0.0);
    for (std::size_t g = 0; g < spec_.components.size(); ++g) own[g] = own_visit_s(g);
    std::vector<double> downstream(components_, 0.0);  // visit-weighted sums
    std::vector<std::vector<std::string>> calls(components_);
    for (const ClassWalk& walk : walks_) {
      const std::size_t n = walk.component.size();
      for (std::size_t p = 0; p + 1 < n; ++p) {
        const ComponentSpec& c = spec_.components[walk.component[p]];
        if (!models::holds_slot_during_calls(c.kind) || c.calls <= 0 || walk.visits[p] <= 0.0) {
          continue;
        }
        double down = 0.0;
        std::vector<std::string> names;
        for (std::size_t q = p + 1; q < n; ++q) {
          down += walk.visits[q] / walk.visits[p] * own[walk.component[q]];
          names.push_back(spec_.components[walk.component[q]].name);
        }
        for (std::size_t i = 0; i < instances_[walk.component[p]].size(); ++i) {
          const int k = station_of_[walk.component[p]][i];
          if (k < 0 || walk.instance_share[p][i] <= 0.0) continue;
          downstream[k] += walk.visits[p] * walk.instance_share[p][i] * down;
          for (const std::string& name : names) {
            if (std::find(calls[k].begin(), calls[k].end(), name) == calls[k].end()) {
              calls[k].push_back(name);
            }
          }
        }
      }
    }
    for (std::size_t k = 0; k < components_; ++k) {
      if (calls[k].empty()) continue;
      ProductFormStation& s = stations_[k];
      SlotHolding h;
      h.calls = std::move(calls[k]);
      h.downstream_s = downstream[k] / s.visits;
      h.holding_s = s.demand_s + s.cpu_wait_s + h.downstream_s;
      h.utilization = x_ * s.visits * h.holding_s / s.servers;
      if (view_.model == ProductFormModel::kMva) {
        h.response_s = s.waiting_s + h.holding_s;
      } else if (h.utilization < 1.0) {
        h.response_s = analysis::mmc_response_s(s.servers, x_ * s.visits, h.holding_s);
      } else {
        // Saturated, or the slot held without bound (where mmc_response_s gives NaN).
        h.response_s = kInfinity;
      }
      s.visit_s = h.response_s;
      s.holding = std::move(h);
    }
  }

  // The departures the scenario itself implies, before any simulation.
  void explain() {
    auto& out = view_.departures;
    if (!host_station_.empty()) {
      std::vector<std::string> hosts;
      for (const auto& [name, k] : host_station_) hosts.push_back(name);
      out.push_back(
          "slots and cores are separate queues here: a component's slot is held for its whole "
          "visit and the CPU part queues again for the cores of " +
          join_with_commas(hosts) +
          "; the simulation waits for a core while holding the slot (an approximation for "
          "stacks, exact for plain stations without hosts)");
    }
    for (std::size_t k = 0; k < components_; ++k) {
      const ProductFormStation& s = stations_[k];
      if (!s.holding) continue;
      const SlotHolding& h = *s.holding;
      const double own = s.demand_s + s.cpu_wait_s;
      const bool longer =
          h.downstream_s > kHoldingMatters * own || (own == 0.0 && h.downstream_s > 0.0);
      if (!longer || !(h.utilization >= kHeldUtilizationMatters)) continue;
      std::string text = s.name + " holds its slot while calling " + join_with_commas(h.calls) +
                         ": product-form underestimates its utilization (" +
                         format_utilization(s.utilization) + " from its own demand, ";
      if (std::isfinite(h.downstream_s)) {
        text += format_utilization(h.utilization) + " holding the slot " +
                format_seconds(h.downstream_s) + " longer per visit for the downstream residence)";
        if (h.utilization >= 1.0) {
          text += "; held that long its " + std::to_string(s.servers) + " slots saturate";
        }
      } else {
        text += "without bound holding the slot while a saturated component downstream answers)";
      }
      out.push_back(text + " / the simulation is the truth");
    }
    for (std::size_t k = 0; k < components_; ++k) {
      const ProductFormStation& s = stations_[k];
      const auto& capacity = spec_of_[k]->queue_capacity;
      if (!capacity) continue;
      const double held = s.holding ? s.holding->holding_s : s.demand_s;
      const double offered = x_ * s.visits * held;
      const std::string blocked =
          std::isfinite(offered)
              ? format_percent(analysis::mmck_blocking(s.servers, *capacity, offered), 2)
              : std::string("most");
      if (*capacity == 0) {
        out.push_back(s.name + ": no waiting room (a loss system): the simulation rejects an " +
                      "arrival that finds its " + std::to_string(s.servers) +
                      " slots busy, theory lets it queue (Erlang B: " + blocked +
                      " of arrivals rejected here)");
      } else {
        out.push_back(s.name + ": finite queue (" + std::to_string(*capacity) +
                      " places): the simulation rejects, theory assumes infinite room (M/M/c/K: " +
                      blocked + " of arrivals rejected here)");
      }
    }
    for (const ProductFormStation& s : stations_) {
      if (std::fabs(s.scv - 1.0) <= kScvTolerance || !std::isfinite(s.response_s) ||
          !(s.waiting_s > kWaitMatters * s.response_s)) {
        continue;
      }
      const std::string what =
          s.kind == "cpu" ? s.name + " cores: CPU bursts" : s.name + ": service";
      out.push_back(what + " not exponential (cv^2 " + format_fixed(s.scv, 2) +
                    "): M/M/c assumes cv^2 = 1, so theory " +
                    (s.scv < 1.0 ? "overestimates" : "underestimates") +
                    " the wait (M/G/1 waits scale with (1 + cv^2)/2 = " +
                    format_fixed((1.0 + s.scv) / 2.0, 2) + ")");
    }
    explain_workload();
    for (const ProductFormStation& s : stations_) {
      if (s.stable) continue;
      out.push_back(s.name + " is unstable: utilization " + format_utilization(s.utilization) +
                    " >= 100%, theory has no steady state (its queue grows without bound); the "
                    "simulation's queue fills and rejects, or keeps growing over the run");
    }
  }

  void explain_workload() {
    auto& out = view_.departures;
    const auto& w = spec_.workload;
    if (!w.hostname.empty()) {
      const ComponentSpec* dns = spec_.resolver();
      const std::string resolver = dns ? dns->name : "the dns component";
      view_.latency_extras.push_back("DNS lookups");
      out.push_back("DNS: browsers resolve " + w.hostname + " through " + resolver +
                    " and cache the answer for its TTL: lookups add latency to a share of the "
                    "simulated requests; not in the product-form view");
    }
    if (spec_.network.rtt_ns > 0) {
      view_.latency_extras.push_back("the network round trip");
      out.push_back("network round trip " + format_seconds(sim::to_seconds(spec_.network.rtt_ns)) +
                    " (plus the TCP handshake of the " +
                    format_percent(1.0 - spec_.network.keepalive_share, 0) +
                    " of requests without keep-alive): in the simulated latency, not in the "
                    "product-form view");
    }
    if (w.client.max_retries > 0) {
      view_.latency_extras.push_back("retries");
      out.push_back("retries: a failed attempt is retried up to " +
                    std::to_string(w.client.max_retries) +
                    " times: the simulation's load grows with failures (retry amplification), "
                    "theory counts each request once; not in the product-form view");
    }
    if (w.client.timeout_ns > 0) {
      out.push_back("client timeout " + format_seconds(sim::to_seconds(w.client.timeout_ns)) +
                    " per attempt: the simulation abandons slower attempts, theory waits as long "
                    "as it takes; not in the product-form view");
    }
    for (const models::FaultSpec& f : spec_.faults) {
      out.push_back(std::string("fault ") + models::to_string(f.kind) + " on " + f.target +
                    ": the simulation takes it down or slows it, theory assumes everything is "
                    "always up at full speed; not in the product-form view");
    }
    if (w.process == models::WorkloadSpec::Process::kPoisson && !w.profile.points.empty()) {
      out.push_back("the arrival rate follows a profile: theory uses the base rate " +
                    format_significant(w.rate_per_s) + "/s throughout");
    }
    if (w.process == models::WorkloadSpec::Process::kTrace) {
      out.push_back("arrivals replay a trace: theory treats them as Poisson at its mean rate");
    }
    for (const models::HostSpec& host : spec_.hosts) {
      if (host.memory_bytes <= 0) continue;
      const bool used =
          std::any_of(spec_.components.begin(), spec_.components.end(), [&](const auto& c) {
            const bool here =
                c.host == host.name || std::find(c.instance_hosts.begin(), c.instance_hosts.end(),
                                                 host.name) != c.instance_hosts.end();
            return here && (c.memory_base_bytes > 0 || c.memory_per_busy_slot_bytes > 0);
          });
      if (!used) continue;
      out.push_back("memory of " + host.name +
                    ": the simulation swaps or OOM-kills when the components outgrow it; not in "
                    "the product-form view");
    }
    for (std::size_t g = 0; g < spec_.components.size(); ++g) {
      if (instances_[g].size() < 2) continue;
      out.push_back(spec_.components[g].name + ": " + std::to_string(instances_[g].size()) +
                    " instances; the view shares the visits among them in the mean (a balancer's "
                    "policy and health checks are not in the product-form view)");
    }
  }

  const ScenarioSpec& spec_;
  ProductFormView view_;
  std::vector<std::vector<Instance>> instances_;  // per component
  std::vector<ClassWalk> walks_;
  std::vector<ProductFormStation> stations_;
  std::size_t components_ = 0;                 // stations_[0, components_) are components
  std::vector<const ComponentSpec*> spec_of_;  // per component station
  std::vector<std::vector<int>> station_of_;   // per component, per instance: station or -1
  std::map<std::string, int> host_station_;    // host name -> its CPU station
  double x_ = 0.0;                             // throughput the stations were solved at
};

}  // namespace

const char* to_string(ProductFormModel model) {
  return model == ProductFormModel::kMva ? "mva" : "jackson";
}

analysis::Result<ProductFormView> product_form_view(const models::ScenarioSpec& spec) {
  return ViewBuilder(spec).build();
}

std::string format_utilization(double fraction) {
  const double magnitude = std::fabs(fraction);
  const int decimals = magnitude >= 0.1 || magnitude == 0.0 ? 1
                       : magnitude >= 0.01                  ? 2
                       : magnitude >= 0.001                 ? 3
                                                            : 4;
  if (fraction > 0.0 && fraction < 5e-7) return "<0.0001%";
  return format_percent(fraction, decimals);
}

std::optional<double> relative_difference(double theory, double simulated) {
  if (!std::isfinite(theory) || !std::isfinite(simulated) || theory == 0.0) return std::nullopt;
  return (simulated - theory) / theory;
}

void compare_with_simulation(ProductFormView& view,
                             const std::vector<models::RunResult>& replications, double tolerance) {
  if (replications.empty()) return;
  const findings::SummaryStats stats = findings::summarize(replications);
  const SimulatedSystem system{stats.throughput_rps.mean, stats.latency_mean_s.mean};
  view.simulated = system;

  const std::vector<findings::ComponentStats> components = findings::mean_components(replications);
  const std::vector<models::HostResult> hosts = findings::mean_hosts(replications);
  for (ProductFormStation& s : view.stations) {
    if (s.kind == "cpu") {
      const auto h = std::find_if(hosts.begin(), hosts.end(),
                                  [&s](const models::HostResult& h) { return h.name == s.name; });
      if (h != hosts.end()) s.simulated = SimulatedStation{h->cpu_utilization, std::nullopt};
    } else {
      const auto c =
          std::find_if(components.begin(), components.end(),
                       [&s](const findings::ComponentStats& c) { return c.name == s.name; });
      if (c != components.end()) s.simulated = SimulatedStation{c->utilization, c->mean_response_s};
    }
  }

  auto differs = [&](double theory, double simulated) {
    const auto d = relative_difference(theory, simulated);
    return d && std::fabs(*d) > tolerance;
  };
  for (const ProductFormStation& s : view.stations) {
    if (!s.simulated) continue;
    const double util = s.holding ? s.holding->utilization : s.utilization;
    // Below 1% busy the differences are noise, whatever their ratio.
    if (std::max(util, s.simulated->utilization) >= 0.01 &&
        differs(util, s.simulated->utilization)) {
      view.departures.push_back(
          s.name + ": simulated utilization " + format_utilization(s.simulated->utilization) +
          " vs " + format_utilization(util) + " in theory (" +
          format_signed_percent(*relative_difference(util, s.simulated->utilization), 1) + ")");
    }
    if (s.simulated->response_s && differs(s.visit_s, *s.simulated->response_s)) {
      view.departures.push_back(
          s.name + ": simulated response " + format_seconds(*s.simulated->response_s) + " vs " +
          format_seconds(s.visit_s) + " in theory (" +
          format_signed_percent(*relative_difference(s.visit_s, *s.simulated->response_s), 1) +
          ")");
    }
  }
  if (differs(view.throughput_rps, system.throughput_rps)) {
    view.departures.push_back(
        "throughput: simulated " + format_significant(system.throughput_rps) + "/s vs " +
        format_significant(view.throughput_rps) + "/s in theory (" +
        format_signed_percent(*relative_difference(view.throughput_rps, system.throughput_rps), 1) +
        ")");
  }
  if (differs(view.latency_s, system.latency_s)) {
    view.departures.push_back(
        "latency: simulated mean " + format_seconds(system.latency_s) + " vs " +
        format_seconds(view.latency_s) + " in theory (" +
        format_signed_percent(*relative_difference(view.latency_s, system.latency_s), 1) + ")" +
        (view.latency_extras.empty()
             ? std::string()
             : "; not in theory: " + join_with_commas(view.latency_extras)));
  }
}

}  // namespace stacksim::reports
