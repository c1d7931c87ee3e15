#include "findings/yearly_downtime.h"

namespace stacksim::findings {

YearlyDowntime yearly_downtime(const SummaryStats& s) {
  YearlyDowntime y;
  const double down_share = 1.0 - s.availability_by_time.mean;
  y.measured_down_s = down_share * s.measured_s;
  y.outages = s.service_outages.mean * static_cast<double>(s.replications);
  if (s.measured_s >= kMeasuredYearS) {
    y.basis = "measured";
  } else if (y.outages >= kMinOutagesToExtrapolate) {
    y.basis = "extrapolated";
  } else {
    return y;
  }
  y.per_year_s = down_share * kSecondsPerYear;
  return y;
}

}  // namespace stacksim::findings
