// StackModel: several instances of a component, how requests find one (load balancers, local
// affinity, DNS), database primaries and their failover, rolling maintenance, memory pressure.
#include <algorithm>
#include <cassert>

#include "models/stack_model.h"

namespace stacksim::models {

void StackModel::build_groups() {
  groups_.resize(spec_.components.size());
  for (std::size_t g = 0; g < spec_.components.size(); ++g) {
    const ComponentSpec& c = spec_.components[g];
    if (c.instance_hosts.empty()) {
      const int host = c.host.empty() ? -1 : spec_.host_index(c.host);
      components_.emplace_back(c, host, spec_.seed, replication_);
      groups_[g].instances.push_back(static_cast<int>(components_.size()) - 1);
      group_of_component_.push_back(static_cast<int>(g));
      continue;
    }
    for (const std::string& host_name : c.instance_hosts) {
      ComponentSpec instance = c;
      instance.name = c.name + "@" + host_name;  // also the name of its random streams
      instance.host = host_name;
      instance.instance_hosts.clear();
      components_.emplace_back(instance, spec_.host_index(host_name), spec_.seed, replication_);
      if (host_name == c.primary_host) {
        groups_[g].primary = static_cast<int>(groups_[g].instances.size());
      }
      groups_[g].instances.push_back(static_cast<int>(components_.size()) - 1);
      group_of_component_.push_back(static_cast<int>(g));
    }
  }
  for (Group& group : groups_) {
    group.instance_on_host.assign(hosts_.size(), -1);
    for (const int c : group.instances) {
      const int host = components_[c].host_index();
      if (host >= 0 && group.instance_on_host[host] < 0) group.instance_on_host[host] = c;
    }
  }
  host_memory_.assign(hosts_.size(), HostMemory{});
  for (std::size_t c = 0; c < components_.size(); ++c) {
    const ComponentSpec& spec = components_[c].spec();
    const int host = components_[c].host_index();
    const bool uses = spec.memory_base_bytes > 0 || spec.memory_per_busy_slot_bytes > 0;
    if (uses && host >= 0 && spec_.hosts[host].memory_bytes > 0) {
      host_memory_[host].components.push_back(static_cast<int>(c));
    }
  }
}

int StackModel::entry_host(const Request& req) const {
  return components_[req.at[plans_[req.class_index].entry]].host_index();
}

int StackModel::route_among_instances(std::uint32_t r, int pos) {
  Request& req = requests_[r];
  const ClassPlan& plan = plans_[req.class_index];
  Group& group = groups_[plan.path[pos]];
  const ComponentSpec& spec = spec_.components[plan.path[pos]];

  if (spec.kind == ComponentKind::kDb) {
    if (plan.writes) return group.instances[group.primary];
    // Reads spread over the replicas in turn; with none in service, the primary serves them.
    for (std::size_t tries = 0; tries < group.instances.size(); ++tries) {
      const std::uint32_t k = group.next++ % group.instances.size();
      if (static_cast<int>(k) != group.primary && component_available(group.instances[k])) {
        return group.instances[k];
      }
    }
    return group.instances[group.primary];
  }

  const int caller = plan.caller[pos];
  if (caller >= 0) {
    const int caller_index = req.at[caller];
    if (plan.backend_pool[pos] >= 0) {
      return pick_backend(group_of_component_[caller_index], plan.backend_pool[pos]);
    }
    // Without a balancer in between, a caller uses the instance on its own host.
    const int host = components_[caller_index].host_index();
    if (host >= 0 && group.instance_on_host[host] >= 0) return group.instance_on_host[host];
  }
  if (pos == plan.entry && resolves_names_) {
    // The browser connects to the address its DNS answer gave, dead or alive.
    const int host = dns_cache_host_[req.client];
    if (host >= 0 && group.instance_on_host[host] >= 0) return group.instance_on_host[host];
  }
  return group.instances[group.next++ % group.instances.size()];
}

int StackModel::pick_backend(int lb_group, int pool_index) {
  Group::BackendPool& pool = groups_[lb_group].backend_pools[pool_index];
  // Only the backends the health checks pass and no drain holds back.
  const std::vector<Group::Backend>& members = pool.members;
  const auto n = static_cast<std::uint32_t>(members.size());
  if (pool.healthy.empty()) return -1;
  switch (spec_.components[lb_group].policy) {
    case BalancePolicy::kRoundRobin:
      for (;;) {
        const Group::Backend& b = members[pool.next++ % n];
        if (b.in_service()) return b.component;
      }
    case BalancePolicy::kRandom:
      return pool.healthy[lb_rng_.below(pool.healthy.size())];
    case BalancePolicy::kLeastConnections: {
      // Fewest connections; ties go round-robin, as HAProxy's leastconn does.
      const std::uint32_t start = pool.next++;
      int best = -1;
      double best_load = 0.0;
      for (std::uint32_t i = 0; i < n; ++i) {
        const Group::Backend& b = members[(start + i) % n];
        if (!b.in_service()) continue;
        const int c = b.component;
        const double load = components_[c].busy_slots().level() + components_[c].waiting().level();
        if (best < 0 || load < best_load) {
          best = c;
          best_load = load;
        }
      }
      return best;
    }
  }
  return -1;  // not reached: `healthy` backends exist
}

void StackModel::list_in_service(Group::BackendPool& pool) {
  pool.healthy.clear();
  for (const Group::Backend& b : pool.members) {
    if (b.in_service()) pool.healthy.push_back(b.component);
  }
}

void StackModel::run_health_checks(int lb_group) {
  Group& lb = groups_[lb_group];
  const ComponentSpec& spec = spec_.components[lb_group];
  for (Group::BackendPool& pool : lb.backend_pools) {
    bool changed = false;
    for (Group::Backend& b : pool.members) {
      // A check passes when the backend answers: up, accepting, its host up.
      const bool was_healthy = b.healthy;
      if (component_available(b.component)) {
        b.failed_checks = 0;
        if (!b.healthy && ++b.passed_checks >= spec.health_check_rise) b.healthy = true;
      } else {
        b.passed_checks = 0;
        if (b.healthy && ++b.failed_checks >= spec.health_check_fall) b.healthy = false;
      }
      changed = changed || b.healthy != was_healthy;
    }
    if (changed) list_in_service(pool);
  }
  sim_.schedule_in(spec.health_check_interval_ns, this, kHealthCheck,
                   static_cast<std::uint32_t>(lb_group));
}

void StackModel::check_failover() {
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    Group& group = groups_[g];
    const ComponentSpec& spec = spec_.components[g];
    if (spec.kind != ComponentKind::kDb || group.instances.size() < 2 || spec.failover_ns <= 0) {
      continue;
    }
    if (!group.failover_pending && !component_available(group.instances[group.primary])) {
      group.failover_pending = true;
      // Writes acknowledged within the lag have not reached the replicas yet.
      forget_replicated_writes(group, spec.replication_lag_ns);
      group.writes_at_risk = group.recent_writes.size();
      sim_.schedule_in(spec.failover_ns, this, kFailover, static_cast<std::uint32_t>(g));
    }
  }
}

void StackModel::promote_replica(int db_group) {
  Group& group = groups_[db_group];
  group.failover_pending = false;
  if (component_available(group.instances[group.primary])) return;  // it came back in time
  for (std::size_t k = 0; k < group.instances.size(); ++k) {
    if (component_available(group.instances[k])) {
      group.primary = static_cast<int>(k);  // the old primary rejoins as a replica
      if (measuring_) lost_writes_ += group.writes_at_risk;
      group.recent_writes.clear();
      refresh_availability();
      return;
    }
  }
  check_failover();  // nothing to promote yet: try again after another detection window
}

void StackModel::note_write(int component_index) {
  const int g = group_of_component_[component_index];
  Group& group = groups_[g];
  const ComponentSpec& spec = spec_.components[g];
  // Only a failover can lose writes, and only those within a replication lag.
  if (spec.failover_ns <= 0 || spec.replication_lag_ns <= 0) return;
  if (group.instances[group.primary] != component_index) return;
  forget_replicated_writes(group, spec.replication_lag_ns);
  group.recent_writes.push(sim_.now());
}

void StackModel::forget_replicated_writes(Group& group, sim::Time lag) {
  while (!group.recent_writes.empty() && group.recent_writes.front() < sim_.now() - lag) {
    group.recent_writes.pop();
  }
}

void StackModel::set_draining(int component, bool draining) {
  for (Group& lb : groups_) {
    for (Group::BackendPool& pool : lb.backend_pools) {
      bool changed = false;
      for (Group::Backend& b : pool.members) {
        if (b.component != component || b.draining == draining) continue;
        b.draining = draining;
        changed = true;
      }
      if (changed) list_in_service(pool);
    }
  }
}

bool StackModel::behind_load_balancer(int component) const {
  for (const Group& lb : groups_) {
    for (const Group::BackendPool& pool : lb.backend_pools) {
      for (const Group::Backend& b : pool.members) {
        if (b.component == component) return true;
      }
    }
  }
  return false;
}

bool StackModel::holds_requests(int component) const {
  const Component& c = components_[component];
  return c.busy_slots().level() > 0.0 || c.waiting().level() > 0.0;
}

bool StackModel::in_rotation(int component) const {
  for (const Group& lb : groups_) {
    for (const Group::BackendPool& pool : lb.backend_pools) {
      for (const Group::Backend& b : pool.members) {
        if (b.component == component && !b.in_service()) return false;
      }
    }
  }
  return true;
}

void StackModel::set_stopped(int component, bool stopped) {
  TargetHealth& health = component_health_[component];
  if (stopped) health.origin = "maintenance";
  health.refusing += stopped ? 1 : -1;
  refresh_availability();
}

void StackModel::wake_deploy_after(int deploy, sim::Time delay_ns) {
  sim_.schedule_in(delay_ns, this, kRollingStep, static_cast<std::uint32_t>(deploy));
}

void StackModel::update_memory(int host_index) {
  if (host_index < 0 || host_memory_[host_index].components.empty()) return;
  HostMemory& memory = host_memory_[host_index];
  std::int64_t demand = 0;
  for (const int c : memory.components) {
    if (component_health_[c].hard_down > 0) continue;
    const ComponentSpec& spec = components_[c].spec();
    const auto busy = static_cast<std::int64_t>(components_[c].busy_slots().level());
    demand += spec.memory_base_bytes + busy * spec.memory_per_busy_slot_bytes;
  }
  const HostSpec& host = spec_.hosts[host_index];
  const bool over = demand > host.memory_bytes;
  memory.demand_bytes.set(sim_.now(), static_cast<double>(demand));
  memory.over.set(sim_.now(), over ? 1.0 : 0.0);
  memory.peak_bytes = std::max(memory.peak_bytes, demand);
  if (host.memory_pressure == HostSpec::MemoryPressure::kSwap) {
    memory.slowdown = over ? host.swap_slowdown : 1.0;
  } else if (over && !memory.kill_pending) {
    // The kill gets an event of its own: the requests it aborts free memory and come back here,
    // which must not happen in the middle of this update.
    memory.kill_pending = true;
    sim_.schedule_in(0, this, kOomKill, static_cast<std::uint32_t>(host_index));
  }
}

void StackModel::oom_kill(int host_index) {
  HostMemory& memory = host_memory_[host_index];
  const HostSpec& host = spec_.hosts[host_index];
  memory.kill_pending = false;
  if (memory.demand_bytes.level() <= static_cast<double>(host.memory_bytes)) return;
  // The OOM killer picks the largest single process: PHP-FPM's workers are processes of their
  // own, while a web server's or MySQL's connections live inside one process.
  int largest = -1;
  std::int64_t largest_bytes = 0;
  for (const int c : memory.components) {
    if (component_health_[c].hard_down > 0) continue;
    const ComponentSpec& spec = components_[c].spec();
    const auto busy = static_cast<std::int64_t>(components_[c].busy_slots().level());
    const std::int64_t process =
        spec.kind == ComponentKind::kApp
            ? std::max(spec.memory_base_bytes, spec.memory_per_busy_slot_bytes)
            : spec.memory_base_bytes + busy * spec.memory_per_busy_slot_bytes;
    if (process > largest_bytes) {
      largest_bytes = process;
      largest = c;
    }
  }
  if (largest < 0) return;
  set_hard_down(largest, +1, "oom_kill");
  if (measuring_) ++memory.oom_kills;
  // systemd restarts it after RestartSec.
  sim_.schedule_in(host.oom_restart_ns, this, kOomRestart, static_cast<std::uint32_t>(largest));
  update_memory(host_index);  // without it; kills again if that was not enough
}

void StackModel::oom_restart(int component_index) {
  set_hard_down(component_index, -1, "oom_kill");
  update_memory(components_[component_index].host_index());
}

double StackModel::rate_factor(sim::Time t) const {
  const RateProfile& profile = spec_.workload.profile;
  if (profile.points.empty()) return 1.0;
  if (profile.repeat_ns > 0) t %= profile.repeat_ns;
  // The last point at or before t.
  const auto after = std::upper_bound(profile.points.begin(), profile.points.end(), t,
                                      [](sim::Time v, const RatePoint& p) { return v < p.at_ns; });
  if (after == profile.points.begin()) return profile.points.front().factor;
  const RatePoint& at = *(after - 1);
  if (!profile.linear) return at.factor;
  const RatePoint& next =
      after == profile.points.end()
          ? (profile.repeat_ns > 0 ? RatePoint{profile.repeat_ns, profile.points.front().factor}
                                   : at)
          : *after;
  if (next.at_ns <= at.at_ns) return at.factor;
  const double w = static_cast<double>(t - at.at_ns) / static_cast<double>(next.at_ns - at.at_ns);
  return at.factor + (next.factor - at.factor) * w;
}

}  // namespace stacksim::models
