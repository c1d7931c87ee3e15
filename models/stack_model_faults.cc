// StackModel: how faults change the stack, and the availability they leave behind.
#include <algorithm>
#include <cmath>

#include "models/stack_model.h"

namespace stacksim::models {

double StackModel::hit_ratio(int component_index) const {
  const double configured = components_[component_index].spec().buffer_pool_hit_ratio;
  const TargetHealth& h = component_health_[component_index];
  if (h.warm_from_ns < 0 || h.warm_up_ns <= 0) return configured;
  const sim::Time since = sim_.now() - h.warm_from_ns;
  if (since >= h.warm_up_ns) return configured;
  const double progress = static_cast<double>(since) / static_cast<double>(h.warm_up_ns);
  return h.cold_hit_ratio + (configured - h.cold_hit_ratio) * progress;
}

const char* StackModel::failure_origin(const Request& req, ErrorCause cause) const {
  const ClassPlan& plan = plans_[req.class_index];
  // The positions this attempt visited: the DNS lookup, or the path from the entry on (a cached
  // answer skips the lookup, and `at` keeps older attempts' choices elsewhere).
  const bool past_dns = req.pos >= plan.entry;
  const int first = past_dns ? plan.entry : 0;
  const int last = std::min<int>(req.pos, static_cast<int>(plan.path.size()) - 1);
  for (int pos = first; pos <= last; ++pos) {
    const int index = req.at[pos];
    if (component_available(index)) continue;
    if (!component_health_[index].self_available()) return component_health_[index].origin;
    return host_health_[components_[index].host_index()].origin;
  }
  if (past_dns) {
    const int host = entry_host(req);
    if (!network_is_clear(host) || added_latency(host) > 0) return "network";
  }
  for (int pos = first; pos <= last; ++pos) {
    const int index = req.at[pos];
    if (component_health_[index].slowdown != 1.0) return "slowdown";
    if (host_memory_slowdown(components_[index].host_index()) != 1.0) return "memory";
    if (component_health_[index].warm_from_ns >= 0 &&
        hit_ratio(index) < components_[index].spec().buffer_pool_hit_ratio) {
      return "cold_restart";
    }
  }
  if (cause == ErrorCause::kDnsFailure) return "dns_records";
  return "overload";
}

void StackModel::note_fault_seen(std::uint32_t r, int component_index) {
  const TargetHealth& own = component_health_[component_index];
  const int host = components_[component_index].host_index();
  if (!own.self_available()) {
    requests_[r].fault_seen = own.origin;
  } else if (host >= 0 && !host_health_[host].self_available()) {
    requests_[r].fault_seen = host_health_[host].origin;
  }
}

namespace {

// An nginx -s reload: new workers start with the new configuration, the old ones finish what
// they hold, and the listening socket never closes. Nothing is refused or lost.
bool is_reload(const FaultSpec& fault) {
  return fault.kind == FaultSpec::Kind::kMaintenance && fault.mode == FaultSpec::Mode::kReload;
}

}  // namespace

void StackModel::fault_began(int fault_index, sim::Time duration_ns) {
  if (const int deploy = deploy_of_fault_[fault_index]; deploy >= 0) {
    // Its own steps take each instance down for the window's duration and bring it back.
    deploys_[deploy].begin(*this, duration_ns);
    return;
  }
  if (!is_reload(spec_.faults[fault_index])) apply_fault(fault_index, +1);
}

void StackModel::fault_ended(int fault_index) {
  if (deploy_of_fault_[fault_index] < 0 && !is_reload(spec_.faults[fault_index])) {
    apply_fault(fault_index, -1);
  }
}

void StackModel::apply_fault(int fault_index, int sign) {
  const FaultSpec& fault = spec_.faults[fault_index];
  // A fault on a component applies to each of its instances; a fault on a host to the host.
  std::vector<TargetHealth*> targets;
  for (const int c : fault_components_[fault_index]) targets.push_back(&component_health_[c]);
  if (targets.empty()) targets.push_back(&host_health_[fault_host_[fault_index]]);
  bool hard = false;
  // Network faults and slowdowns leave their targets up: they do not rename why one is down.
  const bool takes_down =
      fault.kind != FaultSpec::Kind::kNetwork && fault.kind != FaultSpec::Kind::kSlowdown;
  for (TargetHealth* health : targets) {
    if (sign > 0 && takes_down) health->origin = to_string(fault.kind);
    switch (fault.kind) {
      case FaultSpec::Kind::kCrash:
      case FaultSpec::Kind::kProcessCrash:
      case FaultSpec::Kind::kColdRestart:
        hard = true;
        break;
      case FaultSpec::Kind::kMaintenance:
        if (fault.mode == FaultSpec::Mode::kRestart) {
          hard = true;
        } else {
          health->refusing += sign;  // graceful: what was accepted finishes
        }
        break;
      case FaultSpec::Kind::kDnsOutage:
        if (fault.dns_mode == FaultSpec::DnsOutageMode::kFail) {
          health->dns_failing += sign;
        } else {
          health->dns_silent += sign;
        }
        break;
      case FaultSpec::Kind::kNetwork: {
        health->added_latency_ns += sign * fault.added_latency_ns;
        health->partitioned += fault.partition ? sign : 0;
        // Independent losses combine: 1 - (1 - a)(1 - b).
        const double kept = 1.0 - health->loss;
        const double after = sign > 0 ? kept * (1.0 - fault.loss) : kept / (1.0 - fault.loss);
        health->loss = after > 1.0 - 1e-12 ? 0.0 : std::clamp(1.0 - after, 0.0, 1.0);
        break;
      }
      case FaultSpec::Kind::kSlowdown:
        health->slowdown =
            sign > 0 ? health->slowdown * fault.factor : health->slowdown / fault.factor;
        if (std::abs(health->slowdown - 1.0) < 1e-12) health->slowdown = 1.0;
        break;
    }
    if (!hard) continue;
    health->hard_down += sign;
    if (sign < 0 && fault.kind == FaultSpec::Kind::kColdRestart) {
      health->warm_from_ns = sim_.now();  // back up with an empty buffer pool
      health->warm_up_ns = fault.warm_up_ns;
      health->cold_hit_ratio = fault.initial_hit_ratio;
    }
  }
  if (hard && sign > 0) {
    for (int c = 0; c < static_cast<int>(components_.size()); ++c) {
      const bool on_target = fault_components_[fault_index].empty()
                                 ? components_[c].host_index() == fault_host_[fault_index]
                                 : std::find(fault_components_[fault_index].begin(),
                                             fault_components_[fault_index].end(),
                                             c) != fault_components_[fault_index].end();
      if (on_target) abort_requests_at_component(c);
    }
  }
  refresh_availability();
}

void StackModel::set_hard_down(int component_index, int sign, const char* origin) {
  TargetHealth& health = component_health_[component_index];
  if (sign > 0) health.origin = origin;
  health.hard_down += sign;
  if (sign > 0) abort_requests_at_component(component_index);
  refresh_availability();
}

void StackModel::abort_requests_at_component(int component_index) {
  for (std::uint32_t r = 0; r < requests_.capacity(); ++r) {
    const Request& req = requests_[r];
    if (req.ended || req.where == Request::Where::kTransit) continue;
    const ClassPlan& plan = plans_[req.class_index];
    bool touches = req.where != Request::Where::kArriving && req.at[req.pos] == component_index;
    for (int holder = plan.caller[req.pos]; holder >= 0 && !touches; holder = plan.caller[holder]) {
      touches = req.at[holder] == component_index;
    }
    if (touches) {
      note_fault_seen(r, component_index);
      attempt_failed(r, ErrorCause::kComponentDown);
    }
  }
}

void StackModel::record_availability(TargetHealth& health, const std::string& name,
                                     bool available) {
  if (available == health.available) return;
  const sim::Time now = sim_.now();
  health.available = available;
  health.up.set(now, available ? 1.0 : 0.0);
  if (available) {
    downtime_.came_up(name, now);
  } else {
    downtime_.went_down(name, health.origin, now);
  }
}

void StackModel::refresh_availability() {
  for (std::size_t h = 0; h < hosts_.size(); ++h) {
    TargetHealth& health = host_health_[h];
    record_availability(health, hosts_[h].name(), health.hard_down == 0 && health.refusing == 0);
  }
  for (std::size_t c = 0; c < components_.size(); ++c) {
    TargetHealth& health = component_health_[c];
    if (!component_available(static_cast<int>(c)) && health.self_available()) {
      // Down only because its host is: the window names the host's fault.
      health.origin = host_health_[components_[c].host_index()].origin;
    }
    record_availability(health, components_[c].spec().name,
                        component_available(static_cast<int>(c)));
  }
  double up = 0.0;
  double total = 0.0;
  for (const ClassPlan& plan : plans_) {
    // A class is up when every element of its path has an instance in service (and its host
    // reachable from the clients, for the entry); a writing class needs the db primary.
    bool class_up = true;
    for (std::size_t pos = 0; pos < plan.path.size() && class_up; ++pos) {
      const Group& group = groups_[plan.path[pos]];
      const ComponentSpec& spec = spec_.components[plan.path[pos]];
      if (plan.writes && spec.kind == ComponentKind::kDb && group.instances.size() > 1) {
        class_up = component_available(group.instances[group.primary]);
        continue;
      }
      bool any = false;
      for (const int c : group.instances) {
        const bool reachable =
            static_cast<int>(pos) != plan.entry || host_reachable(components_[c].host_index());
        any = any || (component_available(c) && reachable);
      }
      class_up = any;
    }
    up += class_up ? plan.weight : 0.0;
    total += plan.weight;
  }
  const double level = total > 0 ? up / total : 1.0;
  if (measuring_ && level < 1.0 && service_level_ >= 1.0) ++service_outages_;
  service_level_ = level;
  service_up_.set(sim_.now(), level);
  check_failover();
}

}  // namespace stacksim::models
