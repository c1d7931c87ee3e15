#pragma once

// Exit codes of the stacksim command (BSD sysexits.h values, as the contract documents).
namespace stacksim::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 64;         // bad command line
inline constexpr int kExitDataError = 65;     // invalid scenario
inline constexpr int kExitNoInput = 66;       // scenario file missing or unreadable
inline constexpr int kExitSoftware = 70;      // internal error
inline constexpr int kExitCantCreate = 73;    // an output cannot be written
inline constexpr int kExitInterrupted = 130;  // SIGINT, after writing what was measured

}  // namespace stacksim::cli
