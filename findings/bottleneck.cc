#include "findings/bottleneck.h"

namespace stacksim::findings {
namespace {

// find_bottleneck over raw or averaged components.
template <class Component>
Bottleneck most_utilized(const std::vector<Component>& components,
                         const std::vector<models::HostResult>& hosts) {
  Bottleneck best;
  bool found = false;
  for (const auto& c : components) {
    if (!found || c.utilization > best.utilization) best = {c.name, c.utilization};
    found = true;
  }
  for (const auto& h : hosts) {
    if (!found || h.cpu_utilization > best.utilization) {
      best = {"host " + h.name + " cpu", h.cpu_utilization};
    }
    found = true;
  }
  return best;
}

}  // namespace

Bottleneck find_bottleneck(const std::vector<models::ComponentResult>& components,
                           const std::vector<models::HostResult>& hosts) {
  return most_utilized(components, hosts);
}

Bottleneck find_bottleneck(const std::vector<ComponentStats>& components,
                           const std::vector<models::HostResult>& hosts) {
  return most_utilized(components, hosts);
}

}  // namespace stacksim::findings
