#include "cli/progress_meter.h"

#include <unistd.h>

#include <numeric>

namespace stacksim::cli {

ProgressMeter::ProgressMeter(int replications, bool enabled)
    : fractions_(static_cast<std::size_t>(replications), 0.0),
      enabled_(enabled && isatty(STDERR_FILENO) == 1) {}

ProgressMeter::~ProgressMeter() {
  if (enabled_ && shown_percent_ >= 0) std::fputs("\r\033[K", stderr);
}

void ProgressMeter::update(int replication, double fraction) {
  if (!enabled_) return;
  std::lock_guard lock(mutex_);
  fractions_[static_cast<std::size_t>(replication)] = fraction;
  const double total = std::accumulate(fractions_.begin(), fractions_.end(), 0.0);
  const int percent = static_cast<int>(100.0 * total / static_cast<double>(fractions_.size()));
  if (percent == shown_percent_) return;
  shown_percent_ = percent;
  std::fprintf(stderr, "\rsimulating… %3d%%", percent);
  std::fflush(stderr);
}

}  // namespace stacksim::cli
