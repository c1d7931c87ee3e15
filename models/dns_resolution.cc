#include "models/dns_resolution.h"

#include <algorithm>
#include <cctype>

namespace stacksim::models {

std::string canonical_dns_name(std::string_view name) {
  if (name.size() > 1 && name.back() == '.') name.remove_suffix(1);
  std::string canonical(name);
  for (char& c : canonical) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return canonical;
}

DnsAnswer resolve_name(const std::vector<DnsRecordSpec>& records, const std::string& name) {
  constexpr int kMaxCnameHops = 8;
  std::vector<std::string> record_names;
  record_names.reserve(records.size());
  for (const DnsRecordSpec& record : records) {
    record_names.push_back(canonical_dns_name(record.name));
  }
  DnsAnswer answer;
  answer.ttl_ns = sim::kTimeInfinity;
  std::string current = name;
  for (int hop = 0; hop <= kMaxCnameHops; ++hop) {
    answer.chain.push_back(current);
    const std::string wanted = canonical_dns_name(current);
    std::string cname;
    for (std::size_t i = 0; i < records.size(); ++i) {
      const DnsRecordSpec& record = records[i];
      if (record_names[i] != wanted) continue;
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
