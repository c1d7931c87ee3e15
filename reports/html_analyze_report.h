#pragma once

#include <string>

#include "reports/product_form_view.h"
#include "reports/report_context.h"

namespace stacksim::reports {

// The HTML page of `stacksim analyze --html`: the product-form solution beside the simulation,
// per station (utilisation and time per visit, theory and simulated as paired bars) and for the
// system (throughput and latency cards), then the departures from theory in words. Reads the
// solved view only.
[[nodiscard]] std::string html_analyze_report(const ProductFormView& view,
                                              const ReportContext& context,
                                              std::size_t replications_run);

}  // namespace stacksim::reports
