#include "models/repair_crews.h"

namespace stacksim::models {

bool RepairCrews::request(Repair repair) {
  if (crews_ == 0 || busy_ < crews_) {
    ++busy_;
    return true;
  }
  queue_.push(repair);
  return false;
}

std::optional<RepairCrews::Repair> RepairCrews::finished() {
  if (!queue_.empty()) return queue_.pop();  // the crew goes straight to the next
  --busy_;
  return std::nullopt;
}

}  // namespace stacksim::models
