#include "models/dns_resolution.h"

#include <algorithm>

namespace stacksim::models {

DnsAnswer resolve_name(const std::vector<DnsRecordSpec>& records, const std::string& name) {
  constexpr int kMaxCnameHops = 8;
  DnsAnswer answer;
  answer.ttl_ns = sim::kTimeInfinity;
  std::string current = name;
  for (int hop = 0; hop <= kMaxCnameHops; ++hop) {
    answer.chain.push_back(current);
    const auto record = std::find_if(records.begin(), records.end(),
                                     [&](const DnsRecordSpec& r) { return r.name == current; });
    if (record == records.end()) return DnsAnswer{};
    answer.ttl_ns = std::min(answer.ttl_ns, record->ttl_ns);
    if (record->type == DnsRecordSpec::Type::kA) {
      answer.found = true;
      answer.address = record->value;
      return answer;
    }
    current = record->value;
  }
  return DnsAnswer{};
}

}  // namespace stacksim::models
