// StackModel: the lean path of a request class whose whole path is one station (a queueing
// model such as M/M/c). The general path walks such a visit through a dozen steps, each of which
// looks the request, its class and the component up again and finds that it has nothing to do:
// no DNS, no connection, no network delay, no caller, no latency, no disk. Here the visit is two
// steps: arrive (and start at once when a server is free) and leave (and complete). They do
// exactly what the general path does for such a class, in the same order: the same draws, the
// same events, the same statistics.
#include "models/stack_model.h"

namespace stacksim::models {

int StackModel::lone_station_of(const ClassPlan& plan) const {
  // One station instance, first and last on the path (so no DNS lookup comes before it).
  if (plan.entry != 0 || plan.path.size() != 1) return -1;
  const Group& group = groups_[plan.path[0]];
  if (group.instances.size() != 1) return -1;
  const int index = group.instances.front();
  const Component& station = components_[index];
  const ComponentSpec& spec = station.spec();
  // A station holds no slot during calls, opens no TCP connection and writes nothing. Off any
  // host, its CPU work takes its own time (one event) and no network fault can reach it. With
  // no latency, disk or round trip, nothing else schedules an event between arrival and answer.
  const bool lean = spec.kind == ComponentKind::kStation && station.host_index() < 0 &&
                    spec.latency.is_zero() && spec.reads_per_query == 0 &&
                    spec_.network.rtt_ns == 0;
  return lean ? index : -1;
}

// go_to_entry, arrive and begin_work in one: the request reaches the station at once (no round
// trip) and starts its service if a server is free.
void StackModel::visit_lone_station(std::uint32_t r, Request& req, int index) {
  const sim::Time now = sim_.now();
  req.pos = 0;
  req.at[0] = static_cast<std::uint16_t>(index);
  req.arrived_ns[0] = now;
  req.where = Request::Where::kArriving;
  // component_available(index) for a component on no host.
  if (!component_health_[index].self_available()) {
    refuse_unavailable(r, 0);
    return;
  }
  Component& station = components_[index];
  switch (station.admit(now, r)) {
    case Component::Admission::kStarted:
      if (measuring_) station.record_wait(0);
      serve_at_lone_station(r, req, station, index);
      return;
    case Component::Admission::kQueued:
      req.where = Request::Where::kQueued;
      return;
    case Component::Admission::kRefused:
      if (measuring_) station.count_rejected();
      attempt_failed(r, ErrorCause::kRejected);
      return;
  }
}

// begin_work for a request holding a server of its lone station.
void StackModel::serve_at_lone_station(std::uint32_t r, Request& req, Component& station,
                                       int index) {
  req.where = Request::Where::kBusy;
  const sim::Time demand =
      scaled(station.spec().cpu, station.cpu_rng, component_health_[index], -1);
  if (demand == 0) {
    leave_lone_station(r, req);
  } else {
    ++req.pending_events;
    sim_.schedule_in(demand, this, kCpuDone | (req.attempt << 8), r);
  }
}

// after_cpu, leave, release_slot, return_to_caller and respond in one: the service is done,
// the server goes to the next request waiting, and the answer reaches the client at once.
void StackModel::leave_lone_station(std::uint32_t r, Request& req) {
  const int index = req.at[0];
  Component& station = components_[index];
  const sim::Time now = sim_.now();
  req.where = Request::Where::kTransit;
  req.network_tries = 0;
  if (measuring_) station.record_completed_visit(now - req.arrived_ns[0]);
  if (component_health_[index].hard_down > 0) {  // component_hard_down(index), on no host
    station.release_without_handover(now);
  } else if (const auto next = station.release(now)) {
    if (measuring_) station.record_wait(now - next->queued_since_ns);
    // The station may also be on the path of a class on the general path.
    Request& next_req = requests_[next->request];
    if (plans_[next_req.class_index].lone_station >= 0) {
      serve_at_lone_station(next->request, next_req, station, index);
    } else {
      begin_work(next->request);
    }
  }
  complete(r);
}

}  // namespace stacksim::models
