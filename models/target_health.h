#pragma once

#include <string>

#include "sim/time.h"
#include "sim/time_weighted.h"

namespace stacksim::models {

// The fault state of one host or component: how many active faults hold it in each way, and
// its up/down history. A target is available when nothing holds it down or refusing.
struct TargetHealth {
  int hard_down = 0;    // crashed, restarting or in a hard maintenance restart
  int refusing = 0;     // graceful maintenance: finishes what it has, accepts nothing new
  int dns_failing = 0;  // dns outage answering SERVFAIL
  int dns_silent = 0;   // dns outage not answering at all
  int partitioned = 0;  // network partition between clients and this host
  double loss = 0.0;    // probability a packet to or from this host is lost
  sim::Time added_latency_ns = 0;
  double slowdown = 1.0;  // multiplies CPU and latency draws
  // Cold restart: the buffer pool's hit ratio climbs from `cold_hit_ratio` at `warm_from_ns`
  // back to the configured ratio over `warm_up_ns`.
  sim::Time warm_from_ns = -1;
  sim::Time warm_up_ns = 0;
  double cold_hit_ratio = 0.0;

  const char* origin = "";  // the fault kind that last took it down
  bool available = true;    // as last recorded in `up`
  sim::TimeWeighted up;     // 1 while available

  [[nodiscard]] bool self_available() const {
    return hard_down == 0 && refusing == 0 && dns_failing == 0 && dns_silent == 0;
  }
};

}  // namespace stacksim::models
