#pragma once

#include <cassert>
#include <cstddef>
#include <utility>
#include <vector>

namespace stacksim::sim {

// FIFO queue over a power-of-two ring buffer. Grows by doubling and never shrinks, so a queue
// that has reached its working size no longer allocates.
template <typename T>
class RingQueue {
 public:
  [[nodiscard]] bool empty() const { return size_ == 0; }
  [[nodiscard]] std::size_t size() const { return size_; }

  void push(const T& value) {
    if (size_ == buffer_.size()) grow();
    buffer_[(head_ + size_) & (buffer_.size() - 1)] = value;
    ++size_;
  }
  // Requires !empty().
  T pop() {
    assert(size_ > 0);
    T value = std::move(buffer_[head_]);
    head_ = (head_ + 1) & (buffer_.size() - 1);
    --size_;
    return value;
  }
  // The i-th element from the front. Requires i < size().
  [[nodiscard]] const T& at(std::size_t i) const {
    return buffer_[(head_ + i) & (buffer_.size() - 1)];
  }
  void clear() {
    head_ = 0;
    size_ = 0;
  }

 private:
  void grow() {
    std::vector<T> bigger(buffer_.empty() ? 16 : buffer_.size() * 2);
    for (std::size_t i = 0; i < size_; ++i)
      bigger[i] = std::move(buffer_[(head_ + i) & (buffer_.size() - 1)]);
    buffer_ = std::move(bigger);
    head_ = 0;
  }

  std::vector<T> buffer_;
  std::size_t head_ = 0;
  std::size_t size_ = 0;
};

}  // namespace stacksim::sim
