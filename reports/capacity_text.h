#pragma once

#include <string>
#include <vector>

#include "reports/capacity_report.h"
#include "reports/report_context.h"
#include "reports/sweep_grid.h"
#include "reports/text_width.h"

namespace stacksim::reports {

// The capacity report printed by `stacksim sweep`: a line about the sweep (scenario, points,
// replications, seed, measured time, threads, wall time), a table with one row per measured
// point (the axis values, throughput, latency mean/p50/p95/p99, availability, bottleneck, and
// whether the point met the targets and the USL's throughput when there are such), then the
// saturation point and headroom of each line of a rate sweep, and the USL fit of each line of a
// scaling sweep. `grid_points` is the size of the whole grid (more than the measured points when
// the sweep was interrupted). Narrow, the axes are headed by their pointers' last step and the
// points table leaves out mean, p95 and p50 (not the latency target's statistic), saying which,
// to be at most `width` columns wide (kNoWidthLimit: every column, full pointers).
[[nodiscard]] std::string capacity_text(const ReportContext& context,
                                        const std::vector<SweepAxis>& axes, std::size_t grid_points,
                                        const CapacityReport& report, bool interrupted,
                                        std::size_t width = kNoWidthLimit);

}  // namespace stacksim::reports
