#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "models/scenario_spec.h"
#include "sim/time.h"

namespace stacksim::models {

// The outcome of resolving a name against a zone: the A record's address reached through any
// CNAME chain, and how long a client may cache the answer (the smallest TTL on the chain).
struct DnsAnswer {
  bool found = false;
  std::string address;                 // the first A record
  std::vector<std::string> addresses;  // every A record of the final name, in zone order
  sim::Time ttl_ns = 0;
  std::vector<std::string> chain;  // names visited, e.g. {"www.foobar.com", "foobar.com"}
};

// A DNS name as names are compared: in lower case (RFC 4343: without regard to case) and
// without a trailing dot (the root: "www.foobar.com." is "www.foobar.com").
[[nodiscard]] std::string canonical_dns_name(std::string_view name);

// Follows CNAMEs (at most 8, like common stub resolvers guard against loops) to the A records.
// Names match as canonical_dns_name makes them. A missing record, a loop or a chain too long
// gives found == false.
[[nodiscard]] DnsAnswer resolve_name(const std::vector<DnsRecordSpec>& records,
                                     const std::string& name);

}  // namespace stacksim::models
