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
    std::string cname;
    for (const DnsRecordSpec& record : records) {
      if (record.name != current) continue;
      answer.ttl_ns = std::min(answer.ttl_ns, record.ttl_ns);
      if (record.type == DnsRecordSpec::Type::kA) {
        answer.addresses.push_back(record.value);
      } else {
        cname = record.value;
      }
    }
    if (!answer.addresses.empty()) {
      answer.found = true;
      answer.address = answer.addresses.front();
      return answer;
    }
    if (cname.empty()) return DnsAnswer{};
    current = cname;
  }
  return DnsAnswer{};
}

}  // namespace stacksim::models
