#pragma once

#include <string>
#include <utility>
#include <vector>

#include "charts/xy_chart.h"
#include "findings/timeline.h"
#include "models/run_result.h"
#include "reports/latency_distribution.h"
#include "reports/timeline_report.h"

// The pictures of a run's results, as chart descriptions (charts/xy_chart.h) that the run and
// compare pages render: time series on the run's clock with the downtime shaded and the
// timeline's events marked, and the latency distribution.
namespace stacksim::reports {

// Seconds shown in the unit that suits the span: seconds up to 10 minutes, minutes up to 10
// hours, hours beyond.
struct TimeAxis {
  double seconds_per_unit = 1.0;
  std::string label;  // "scenario clock (min)": 0 is the simulation's start
};
[[nodiscard]] TimeAxis time_axis(double span_s);

enum class SeriesMetric {
  kThroughput,  // completed requests per second
  kErrorRate,   // failed / ended, a fraction
  kLatencyP50,  // milliseconds
  kLatencyP99,  // milliseconds
};

// One metric of a run's time series, a point at the middle of each interval.
[[nodiscard]] charts::Series time_series(const models::RunResult& run, SeriesMetric metric,
                                         const TimeAxis& axis, std::string name);

// A component's (or, with `host`, a host's CPU) utilisation or queue length over time.
[[nodiscard]] charts::Series component_series(const models::RunResult& run, std::size_t index,
                                              bool queue, const TimeAxis& axis);
[[nodiscard]] charts::Series host_series(const models::RunResult& run, std::size_t index,
                                         const TimeAxis& axis);

// At most this many downtime windows are shaded; the table lists them all.
inline constexpr std::size_t kMaxShadedWindows = 300;

// The run's downtime windows as shaded bands labelled "target cause".
[[nodiscard]] std::vector<charts::Band> downtime_bands(const models::RunResult& run,
                                                       const TimeAxis& axis);

// The timeline's events as markers: queues build, errors start and stop, back to normal. Errors
// that last until `run_end_s` (the end of the time series) did not stop: that marker reads
// "still failing at the end".
[[nodiscard]] std::vector<charts::Marker> timeline_markers(const findings::Timeline& timeline,
                                                           const TimeAxis& axis, double run_end_s);

// The latency histogram (share of requests per log-spaced bin, log x axis in ms) with the
// percentiles marked.
[[nodiscard]] charts::XyChart latency_histogram_chart(const LatencyDistribution& distribution);

// The cumulative distributions of one or more runs (label, distribution), log x axis in ms;
// with a single run its percentiles are marked.
[[nodiscard]] charts::XyChart latency_cdf_chart(
    const std::vector<std::pair<std::string, LatencyDistribution>>& runs);

}  // namespace stacksim::reports
