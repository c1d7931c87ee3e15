#pragma once

#include <atomic>

namespace stacksim::cli {

// Installs a SIGINT handler that sets the returned flag. A second SIGINT kills the process the
// default way, so a user is never stuck.
[[nodiscard]] const std::atomic<bool>& install_interrupt_flag();

}  // namespace stacksim::cli
