#pragma once

// Private to the scenario layer: where a component runs ("host", or "hosts" for several
// instances) and, for a db with several instances, which one takes the writes ("primary",
// "replication_lag", "failover").

#include "models/scenario_spec.h"
#include "scenario/scenario_names.h"
#include "scenario/validator.h"

namespace stacksim::scenario {

// Reads "host" or "hosts" (not both) into spec.host, or into spec.instance_hosts when "hosts"
// lists two or more hosts; a "hosts" of one host is the same as "host". Every host must exist
// (when the hosts object is readable) and appear once.
void read_placement(ObjectFields& fields, const ScenarioNames& names, models::ComponentSpec& spec);

// The db keys "primary" (required with several hosts, one of them), "replication_lag" and
// "failover"; on a db with one instance each of them is an error.
void read_replication(ObjectFields& fields, models::ComponentSpec& spec);

// The net.core.somaxconn that caps the component's listen backlog: its host's, or the smallest
// of its instances' hosts.
[[nodiscard]] int placement_somaxconn(const ScenarioNames& names,
                                      const models::ComponentSpec& spec);

}  // namespace stacksim::scenario
