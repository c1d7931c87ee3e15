#include "models/rolling_deploy.h"

namespace stacksim::models {

bool RollingDeploy::drains(const RollingDeployStack& stack) const {
  return drain_ && stack.behind_load_balancer(instances_[step_]);
}

void RollingDeploy::begin(RollingDeployStack& stack, sim::Time window_ns) {
  if (phase_ != Phase::kIdle || instances_.empty()) return;
  window_ns_ = window_ns;
  step_ = 0;
  start_instance(stack);
}

void RollingDeploy::start_instance(RollingDeployStack& stack) {
  const int instance = instances_[step_];
  if (drains(stack)) {
    stack.set_draining(instance, true);
    phase_ = Phase::kDraining;
    wake(stack);  // it may hold nothing already
    return;
  }
  stack.set_stopped(instance, true);
  phase_ = Phase::kStopped;
  stack.wake_deploy_after(index_, window_ns_);
}

void RollingDeploy::wake(RollingDeployStack& stack) {
  const int instance = instances_[step_];
  switch (phase_) {
    case Phase::kIdle:
      return;
    case Phase::kDraining:
      if (stack.holds_requests(instance)) {
        stack.wake_deploy_after(index_, kPollNs);
        return;
      }
      stack.set_stopped(instance, true);
      phase_ = Phase::kStopped;
      stack.wake_deploy_after(index_, window_ns_);
      return;
    case Phase::kStopped:
      stack.set_stopped(instance, false);
      if (drains(stack)) {
        stack.set_draining(instance, false);
        phase_ = Phase::kRejoining;
        stack.wake_deploy_after(index_, kPollNs);
        return;
      }
      break;
    case Phase::kRejoining:
      if (!stack.in_rotation(instance)) {
        stack.wake_deploy_after(index_, kPollNs);
        return;
      }
      break;
  }
  // The instance is done: on to the next, or the deploy is over.
  if (++step_ < instances_.size()) {
    start_instance(stack);
  } else {
    phase_ = Phase::kIdle;
  }
}

}  // namespace stacksim::models
