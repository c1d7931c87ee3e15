#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/scenario_spec.h"
#include "sim/time.h"

// What a failure costs, measured: the scenario is simulated once per target with that host or
// component instance failed for a window, and once without, from the same seed (common random
// numbers), and the runs are compared. The structural view (graph) says only whether a request
// class still has a path; this says what the users see while the stack notices and routes
// around, or does not.
namespace stacksim::findings {

// A host or component instance to fail, with what the dependency graph says of it.
struct WhatIfCandidate {
  std::string target;                     // a host name, a component name, or "<component>@<host>"
  std::string kind;                       // "host" or the component kind
  double structural_failing_share = 0.0;  // the traffic share whose classes lose every path
};

struct WhatIfOptions {
  sim::Time window_ns = 600 * sim::kNanosPerSecond;  // how long the target stays down
  std::optional<sim::Time>
      at_ns;  // when it fails, on the scenario clock; default: the warm-up's end
  int threads = 1;
  const std::atomic<bool>* interrupt = nullptr;
};

// One target's measured cost. Times are seconds after the failure began.
struct WhatIfTarget {
  std::string target;
  std::string kind;
  double structural_failing_share = 0.0;
  std::uint64_t offered = 0;  // requests offered during the window
  // Requests that failed from the failure's start to the end of the run, and how many the run
  // without the failure had over the same span.
  std::uint64_t failed = 0;
  std::uint64_t baseline_failed = 0;
  // The failures the target's failure caused (failed - baseline_failed) as a share of the
  // requests offered during the window, at most 1. Requests that fail after the window (a
  // browser retransmitting its SYN to a dead host gives up 127 s later) count too.
  double failed_share = 0.0;
  std::optional<double>
      p99_s;  // of the requests completed during the window; none completed: unset
  // When requests stopped failing although the target was still down (health checks marked it
  // down, a replica took over, caches moved on). Unset when nothing failed, or when requests
  // failed until the end of the window: nothing routed around the failure.
  std::optional<double> detected_after_s;
  // The end of the last interval that was not normal (more failures, or a p99 beyond
  // kRecoveredP99Factor times the normal run's), 0 when every interval was normal; unset when
  // the run ended before it was normal again.
  std::optional<double> recovered_after_s;
};

inline constexpr double kWhatIfRecoveredP99Factor = 1.5;

struct WhatIfReport {
  double at_s = 0.0;                     // failure start, on the scenario clock
  double window_s = 0.0;                 // how long each target is down
  double observed_s = 0.0;               // how long each run goes on after the failure began
  double interval_s = 0.0;               // resolution of detected_after_s and recovered_after_s
  std::optional<double> baseline_p99_s;  // the run without a failure, over the window
  std::vector<WhatIfTarget> targets;     // in candidate order
  bool interrupted = false;              // stopped early: the targets are those that finished
};

// Fails each candidate of the valid scenario `spec` in turn (a crash over [at, at + window)),
// each run going on for another window after the failure ends to see the recovery, the runs in
// parallel on `threads` threads. The numbers do not depend on the thread count. Throws
// std::invalid_argument when `at` is before 0 or the window is not positive.
[[nodiscard]] WhatIfReport measure_what_if(const models::ScenarioSpec& spec,
                                           const std::vector<WhatIfCandidate>& candidates,
                                           const WhatIfOptions& options);

}  // namespace stacksim::findings
