#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "findings/availability_crosscheck.h"
#include "findings/downtime_summary.h"
#include "findings/slo_evaluation.h"
#include "models/run_result.h"

// The availability parts of the JSON report. Infinite numbers (a burn of an empty budget) are
// null.
namespace stacksim::reports {

// `downtime`: the windows of the first replication only (the others' would repeat the picture
// at other times), in order of start, each {target, cause, start_s, end_s, duration_s} in
// seconds from the start of the measured period; [] when nothing was down.
[[nodiscard]] nlohmann::ordered_json downtime_json(
    const std::vector<models::RunResult>& replications);

// `downtime_by_target`: {target: {cause: seconds down, the mean over replications}}.
[[nodiscard]] nlohmann::ordered_json downtime_by_target_json(
    const findings::DowntimeTotals& totals);

// `slo`: {met, objectives: {name: {target, measured, met}}, error_budget: {target, offered,
// budget_requests, burned_requests, burned_fraction, by_category: {category: {requests,
// budget_fraction}}}}; error_budget only with an availability objective, measured null for a
// latency when nothing completed.
[[nodiscard]] nlohmann::ordered_json slo_json(const findings::SloEvaluation& evaluation);

// `availability_check`: {method "ctmc", exact, predicted, simulated, ci_low, ci_high, within_ci,
// note}; the absent optionals are null.
[[nodiscard]] nlohmann::ordered_json availability_check_json(
    const findings::AvailabilityCheck& check);

}  // namespace stacksim::reports
