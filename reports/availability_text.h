#pragma once

#include <string>
#include <vector>

#include "findings/availability_crosscheck.h"
#include "findings/replication_summary.h"
#include "findings/slo_evaluation.h"
#include "models/run_result.h"

// The availability sections of the text summary. Each is empty when it has nothing to show, and
// otherwise starts with a blank line.
namespace stacksim::reports {

// At most this many downtime windows are listed; a line says how many more there were.
inline constexpr std::size_t kListedDowntimeWindows = 10;

// "Downtime": the first replication's windows (target, cause, start as a clock from the start of
// the measured period, duration), then per target its total time down (mean over replications),
// its measured availability (from `components` and `hosts`, the replications' means as
// mean_components and mean_hosts give them) and the split by cause. Empty when nothing was down.
[[nodiscard]] std::string downtime_text(const std::vector<models::RunResult>& replications,
                                        const std::vector<findings::ComponentStats>& components,
                                        const std::vector<models::HostResult>& hosts);

// "SLO": each objective's target, measured value and verdict, then the error budget of the
// availability objective and how each category of failure burned it.
[[nodiscard]] std::string slo_text(const findings::SloEvaluation& evaluation);

// "Availability check: CTMC predicts 99.8612%, simulated 99.850% ± 0.020% (95% CI), within",
// then the note on a line of its own.
[[nodiscard]] std::string availability_check_text(const findings::AvailabilityCheck& check);

}  // namespace stacksim::reports
