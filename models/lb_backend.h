#pragma once

namespace stacksim::models {

// One server of a load balancer (an HAProxy `server` line), as the balancer sees it. Its health
// checks mark it down after `fall` failed checks and up again after `rise` passed ones; an
// operator can also put it in the drain state (HAProxy's `set server ... state drain`), in
// which it gets no new requests while those it has finish and its checks go on.
struct LbBackend {
  int component = 0;  // the instance it sends to
  bool healthy = true;
  bool draining = false;
  int failed_checks = 0;
  int passed_checks = 0;

  // Whether the balancer may send it a new request.
  [[nodiscard]] bool in_service() const { return healthy && !draining; }
};

}  // namespace stacksim::models
