#pragma once

#include <vector>

#include "charts/xy_chart.h"
#include "models/scenario_spec.h"
#include "reports/run_charts.h"

namespace stacksim::reports {

// The scheduled faults of a scenario that degrade the stack without taking anything down, as
// bands on a run's time axis, so that the run page shades them beside the downtime windows
// (which the run records itself): slowdowns ("app slowdown ×3"), network faults ("server1
// network +200ms, 5% loss" or "... partition"), reloads ("web reload") and the warm-up after a
// cold restart ("db warming up"). Only the part of each window in [from_s, to_s] (the time
// series' span, on the scenario clock) is kept; at most kMaxShadedWindows bands. Random faults
// of these kinds (mtbf) are drawn when they happen and are not known from the scenario: they
// are not shaded.
[[nodiscard]] std::vector<charts::Band> fault_bands(const models::ScenarioSpec& spec, double from_s,
                                                    double to_s, const TimeAxis& axis);

}  // namespace stacksim::reports
