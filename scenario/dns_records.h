#pragma once

// Private to the scenario layer: reading the `records` of a dns component (its zone).

#include <string>
#include <vector>

#include "models/scenario_spec.h"
#include "scenario/json_text.h"
#include "scenario/validator.h"

namespace stacksim::scenario {

// Reads an array of {"name", "type": "A" | "CNAME", "value", "ttl"} at `pointer`. Several A
// records may share a name (DNS round-robin); a CNAME may not share its name with any other
// record (RFC 1034, section 3.6.2, "CNAME and other data"), reported at the later record.
[[nodiscard]] std::vector<models::DnsRecordSpec> read_dns_records(Validator& validator,
                                                                  const Json& records,
                                                                  const std::string& pointer);

}  // namespace stacksim::scenario
