#include "cli/interrupt.h"

#include <csignal>

namespace stacksim::cli {

namespace {

std::atomic<bool> interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void on_sigint(int) { interrupted.store(true); }

}  // namespace

const std::atomic<bool>& install_interrupt_flag() {
  struct sigaction action {};
  action.sa_handler = on_sigint;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESETHAND;  // the second Ctrl-C terminates
  sigaction(SIGINT, &action, nullptr);
  return interrupted;
}

}  // namespace stacksim::cli
