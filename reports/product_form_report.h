#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

#include "reports/product_form_view.h"
#include "reports/report_context.h"
#include "reports/text_width.h"

// How `stacksim analyze` shows a product-form view: a text table for people, JSON for scripts.
namespace stacksim::reports {

// The JSON report of `stacksim analyze` (schema_version 1): the header every report starts with
// (reports/report_header_json.h: tool_version, scenario {name, sha256, file}, seed, duration_s,
// warmup_s, and `replications`, the number simulated: 0 for theory alone), `model`
// ("jackson" or "mva"), `stations` (each name, kind, servers, visits, demand_s, utilization,
// response_s, queue_length, then host, scv, stable, waiting_s, cpu_wait_s, visit_s, holding
// (null unless the component holds its slot while calling) and simulated ({utilization,
// response_s} or null)), `system` {throughput_rps, latency_s, stable, users and think_s for a
// closed workload, simulated {throughput_rps, latency_s} or null} and `departures` (strings).
// Infinite values (unstable stations) are null.
[[nodiscard]] nlohmann::ordered_json product_form_json(const ProductFormView& view,
                                                       const ReportContext& context,
                                                       std::size_t replications);

// The text report: the model, one row per station (theory beside simulation when there is one,
// with the relative difference), the system throughput and latency, and the departures.
// The station table leaves out its input columns (visits, servers, kind, demand), saying which,
// to be at most `width` columns wide (kNoWidthLimit: every column).
[[nodiscard]] std::string product_form_text(const ProductFormView& view,
                                            const ReportContext& context,
                                            std::size_t width = kNoWidthLimit);

}  // namespace stacksim::reports
