#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace stacksim::analysis {

// What a solver returns: its solution, or a message naming the input that made it refuse to
// solve (a rate that is not positive and finite, a model too large, ...). Invalid input is an
// error value, never an exception or an assert. A solution may still report a condition of the
// model itself (an unstable station, say) in its own fields.
template <typename T>
class [[nodiscard]] Result {
 public:
  // Implicit so that a solver can `return solution;`.
  Result(T value) : value_(std::move(value)) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] static Result failure(std::string message) {
    Result result;
    result.error_ = std::move(message);
    return result;
  }

  [[nodiscard]] bool ok() const { return value_.has_value(); }
  // Requires ok().
  [[nodiscard]] const T& value() const {
    assert(ok());
    return *value_;
  }
  [[nodiscard]] const T& operator*() const { return value(); }
  [[nodiscard]] const T* operator->() const { return &value(); }
  // Empty when ok().
  [[nodiscard]] const std::string& error() const { return error_; }

 private:
  Result() = default;

  std::optional<T> value_;
  std::string error_;
};

}  // namespace stacksim::analysis
