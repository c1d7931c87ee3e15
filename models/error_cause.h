#pragma once

#include <cstdint>

namespace stacksim::models {

// Why a request ended without a successful response. Each failed request has exactly one.
enum class ErrorCause : std::uint8_t {
  kRejected,        // a waiting room was full (listen backlog, MySQL max_connections, ...)
  kConnectTimeout,  // every SYN was dropped by a full accept queue (connect() gave up)
  kDnsFailure,      // the name resolved to no address
  kComponentDown,   // a component the request needed was down
  kTimeout,         // the client gave up waiting
};
inline constexpr int kErrorCauseCount = 5;

[[nodiscard]] constexpr const char* to_string(ErrorCause cause) {
  switch (cause) {
    case ErrorCause::kRejected:
      return "rejected";
    case ErrorCause::kConnectTimeout:
      return "connect_timeout";
    case ErrorCause::kDnsFailure:
      return "dns_failure";
    case ErrorCause::kComponentDown:
      return "component_down";
    case ErrorCause::kTimeout:
      return "timeout";
  }
  return "?";
}

}  // namespace stacksim::models
