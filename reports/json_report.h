#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "findings/bottleneck.h"
#include "findings/replication_summary.h"
#include "models/run_result.h"
#include "reports/report_context.h"

namespace stacksim::reports {

// The contract's JSON report (schema_version 1) for one or more replications, keys in the
// contract's order. The number of replications reported is replications.size(); with more than
// one, every number is the mean over replications and `confidence` holds 95% intervals of the
// summary metrics (availability_by_time and retry_amplification included). Counts are integers
// whenever their value is whole.
//
// After `bottleneck` come the availability keys (reports/availability_json.h): `downtime` (the
// windows of the first replication only), `downtime_truncated` (only when a replication recorded
// as many windows as it keeps), `downtime_by_target`, `slo` when the context has an SLO, and
// `availability_check` when it has an availability prediction; then `confidence`.
[[nodiscard]] nlohmann::ordered_json json_report(
    const ReportContext& context, const std::vector<models::RunResult>& replications);

// The `summary` and `components` objects alone, as used by run reports and by sweep points.
// `summary` extends the contract's keys with: availability_by_time; nines, -log10(1 -
// availability) of the request availability, null when it is 1; downtime_per_year_s, the downtime
// of a year of 365.25 days at availability_by_time; attempts; retry_amplification (attempts /
// offered); first_attempt_success (share of offered requests that succeeded at their first
// attempt); final_success (completed / offered); attempt_errors (cause -> failed attempts,
// retried or not); failures_by_origin (origin -> failed requests).
[[nodiscard]] nlohmann::ordered_json summary_json(
    const std::vector<models::RunResult>& replications);
[[nodiscard]] nlohmann::ordered_json components_json(
    const std::vector<models::RunResult>& replications);
// The same from the replications' summary (summarize) and mean components (mean_components).
[[nodiscard]] nlohmann::ordered_json summary_json(const findings::SummaryStats& stats);
[[nodiscard]] nlohmann::ordered_json components_json(
    const std::vector<findings::ComponentStats>& components);

// `bottleneck`, as run reports, sweep points and capacity points write it: {name, utilization},
// or null when there is none (an empty name).
[[nodiscard]] nlohmann::ordered_json bottleneck_json(const findings::Bottleneck& bottleneck);

}  // namespace stacksim::reports
