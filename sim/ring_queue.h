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

  // By value: pushing an element of this queue stays safe when the buffer grows.
  void push(T value) {
    if (size_ == buffer_.size()) grow();
    buffer_[(head_ + size_) & (buffer_.size() - 1)] = std::move(value);
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
  // Requires !empty().
  [[nodiscard]] const T& front() const {
    assert(size_ > 0);
    return buffer_[head_];
  }
  // Removes the element nearest the front for which `pred` holds, keeping the order of the
  // others; false when there is none.
  template <typename Pred>
  bool remove_first_if(Pred pred) {
    const std::size_t mask = buffer_.size() - 1;
    for (std::size_t i = 0; i < size_; ++i) {
      if (!pred(buffer_[(head_ + i) & mask])) continue;
      for (std::size_t j = i; j + 1 < size_; ++j) {
        buffer_[(head_ + j) & mask] = std::move(buffer_[(head_ + j + 1) & mask]);
      }
      --size_;
      return true;
    }
    return false;
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
