#include "cli/progress_meter.h"

#include <unistd.h>

#include <cstdio>
#include <utility>

namespace stacksim::cli {

ProgressMeter::ProgressMeter(std::size_t tasks, bool enabled, std::string label)
    : fractions_(tasks, 0.0),
      enabled_(enabled && tasks > 0 && isatty(STDERR_FILENO) == 1),
      label_(std::move(label)) {}

ProgressMeter::~ProgressMeter() {
  if (enabled_ && shown_percent_ >= 0) std::fputs("\r\033[K", stderr);
}

void ProgressMeter::update(std::size_t task, double fraction) {
  if (!enabled_) return;
  std::lock_guard lock(mutex_);
  total_ += fraction - fractions_[task];
  fractions_[task] = fraction;
  const int percent = static_cast<int>(100.0 * total_ / static_cast<double>(fractions_.size()));
  if (percent == shown_percent_) return;
  shown_percent_ = percent;
  std::fprintf(stderr, "\r%s\u2026 %3d%%", label_.c_str(), percent);
  std::fflush(stderr);
}

}  // namespace stacksim::cli
