#include "cli/sweep_progress.h"

#include <unistd.h>

#include <cstdio>

namespace stacksim::cli {

SweepProgress::SweepProgress(std::size_t tasks, bool enabled)
    : fractions_(tasks, 0.0), enabled_(enabled && tasks > 0 && isatty(STDERR_FILENO) == 1) {}

SweepProgress::~SweepProgress() {
  if (enabled_ && shown_percent_ >= 0) std::fputs("\r\033[K", stderr);
}

void SweepProgress::update(std::size_t task, double fraction) {
  if (!enabled_) return;
  std::lock_guard lock(mutex_);
  total_ += fraction - fractions_[task];
  fractions_[task] = fraction;
  const int percent = static_cast<int>(100.0 * total_ / static_cast<double>(fractions_.size()));
  if (percent == shown_percent_) return;
  shown_percent_ = percent;
  std::fprintf(stderr, "\rsweeping\u2026 %3d%%", percent);
  std::fflush(stderr);
}

}  // namespace stacksim::cli
