#include "reports/fault_bands.h"

#include <algorithm>
#include <cstdio>

#include "reports/text_format.h"

namespace stacksim::reports {
namespace {

using models::FaultSpec;

double seconds(sim::Time ns) { return static_cast<double>(ns) / sim::kNanosPerSecond; }

// What the band says, or "" when the fault takes its target down (downtime, recorded by the run).
std::string degrading_label(const FaultSpec& f) {
  switch (f.kind) {
    case FaultSpec::Kind::kSlowdown: {
      char factor[32];
      std::snprintf(factor, sizeof factor, "%g", f.factor);
      return f.target + " slowdown \u00d7" + factor;
    }
    case FaultSpec::Kind::kNetwork: {
      std::string label = f.target + " network";
      if (f.partition) return label + " partition";
      std::string what;
      if (f.added_latency_ns > 0) {
        what = "+";
        what += format_seconds(seconds(f.added_latency_ns));
      }
      if (f.loss > 0) {
        if (!what.empty()) what += ", ";
        what += format_percent(f.loss, f.loss < 0.01 ? 1 : 0) + " loss";
      }
      return what.empty() ? label : label + " " + what;
    }
    case FaultSpec::Kind::kMaintenance:
      return f.mode == FaultSpec::Mode::kReload ? f.target + " reload" : "";
    case FaultSpec::Kind::kColdRestart:
      return f.warm_up_ns > 0 ? f.target + " warming up" : "";
    default:
      return "";
  }
}

}  // namespace

std::vector<charts::Band> fault_bands(const models::ScenarioSpec& spec, double from_s, double to_s,
                                      const TimeAxis& axis) {
  std::vector<charts::Band> bands;
  const double end_s = seconds(spec.warmup_ns + spec.duration_ns);
  auto add = [&](double start_s, double stop_s, const std::string& label) {
    start_s = std::max(start_s, from_s);
    stop_s = std::min(stop_s, to_s);
    if (stop_s <= start_s || bands.size() >= kMaxShadedWindows) return;
    bands.push_back({start_s / axis.seconds_per_unit, stop_s / axis.seconds_per_unit, label, true});
  };
  for (const FaultSpec& f : spec.faults) {
    if (f.is_random()) continue;
    const std::string label = degrading_label(f);
    if (label.empty()) continue;
    // A cold restart is down for its window (downtime), then warms up for warm_up_ns.
    const bool cold = f.kind == FaultSpec::Kind::kColdRestart;
    auto window = [&](sim::Time start_ns, sim::Time duration_ns) {
      if (cold) {
        add(seconds(start_ns + duration_ns), seconds(start_ns + duration_ns + f.warm_up_ns), label);
      } else {
        add(seconds(start_ns), seconds(start_ns + duration_ns), label);
      }
    };
    if (!f.windows.empty()) {
      for (const models::FaultWindow& w : f.windows) window(w.start_ns, w.duration_ns);
    } else {
      window(f.start_ns, f.duration_ns);
      if (f.every_ns > 0) {
        for (sim::Time at = f.start_ns + f.every_ns; seconds(at) <= std::min(end_s, to_s);
             at += f.every_ns) {
          window(at, f.duration_ns);
          if (bands.size() >= kMaxShadedWindows) break;
        }
      }
    }
  }
  std::sort(bands.begin(), bands.end(),
            [](const charts::Band& a, const charts::Band& b) { return a.x0 < b.x0; });
  return bands;
}

}  // namespace stacksim::reports
