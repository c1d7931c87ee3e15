#pragma once

#include <string>
#include <vector>

#include "findings/replication_summary.h"
#include "models/run_result.h"

namespace stacksim::findings {

// The most utilized resource: a component's slots or a host's cores. `name` is the component
// or "host <name> cpu"; ties go to the first, components before hosts; empty when there is no
// component and no host.
struct Bottleneck {
  std::string name;
  double utilization = 0.0;
};
[[nodiscard]] Bottleneck find_bottleneck(const std::vector<models::ComponentResult>& components,
                                         const std::vector<models::HostResult>& hosts);
[[nodiscard]] Bottleneck find_bottleneck(const std::vector<ComponentStats>& components,
                                         const std::vector<models::HostResult>& hosts);

}  // namespace stacksim::findings
