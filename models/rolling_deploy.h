#pragma once

#include <cstdint>
#include <vector>

#include "sim/time.h"

namespace stacksim::models {

// What a rolling deploy needs from the stack it runs in.
class RollingDeployStack {
 public:
  // HAProxy's drain state: the load balancers in front of `component` send it no new requests
  // (those it holds go on), or send to it again.
  virtual void set_draining(int component, bool draining) = 0;
  // True when some load balancer sends requests to `component`.
  [[nodiscard]] virtual bool behind_load_balancer(int component) const = 0;
  // True while requests are in service or waiting at `component`.
  [[nodiscard]] virtual bool holds_requests(int component) const = 0;
  // True when every load balancer in front of `component` counts it healthy again.
  [[nodiscard]] virtual bool in_rotation(int component) const = 0;
  // Stops the instance (it accepts nothing; what it holds finishes) or starts it again.
  virtual void set_stopped(int component, bool stopped) = 0;
  // Calls RollingDeploy::wake() of deploy `deploy` after `delay_ns`.
  virtual void wake_deploy_after(int deploy, sim::Time delay_ns) = 0;

 protected:
  ~RollingDeployStack() = default;
};

// A rolling deploy of one component's instances, one at a time, each stopped for the window.
// With drain (the default), an instance behind a load balancer is first drained (no new
// requests; those in flight finish), stopped only once it holds nothing, started again after
// the window, and the next one waits until the load balancers' health checks put it back into
// rotation: no request is lost. Without drain, or with no load balancer in front, each instance
// is stopped at once and the next follows as soon as the previous one restarts, as a plain
// deploy script does: the load balancer keeps sending to a stopped instance until its health
// checks notice, and those requests fail.
class RollingDeploy {
 public:
  // How often a drain or a return to rotation is checked, as a deploy script polling HAProxy's
  // stats socket would.
  static constexpr sim::Time kPollNs = 100'000'000;

  RollingDeploy(int index, std::vector<int> instances, bool drain)
      : index_(index), instances_(std::move(instances)), drain_(drain) {}

  // The maintenance window opened: starts the deploy, each instance down for `window_ns`. A
  // window that opens while the previous deploy is still going is skipped.
  void begin(RollingDeployStack& stack, sim::Time window_ns);
  // A wake-up the deploy asked for arrived.
  void wake(RollingDeployStack& stack);

  [[nodiscard]] bool running() const { return phase_ != Phase::kIdle; }

 private:
  enum class Phase { kIdle, kDraining, kStopped, kRejoining };

  void start_instance(RollingDeployStack& stack);
  [[nodiscard]] bool drains(const RollingDeployStack& stack) const;

  int index_;
  std::vector<int> instances_;
  bool drain_;
  sim::Time window_ns_ = 0;
  std::size_t step_ = 0;
  Phase phase_ = Phase::kIdle;
};

}  // namespace stacksim::models
