#include "scenario/dns_records.h"

#include <array>
#include <map>
#include <optional>
#include <string_view>

#include "models/dns_resolution.h"
#include "scenario/ipv4_address.h"
#include "scenario/json_pointer.h"
#include "scenario/key_suggestion.h"

namespace stacksim::scenario {

namespace {

using models::DnsRecordSpec;
using Keys = std::vector<std::string_view>;

// The first record of a name and whether any record of it so far is a CNAME.
struct NameUse {
  std::string pointer;  // of the first record with this name
  bool has_cname = false;
};

}  // namespace

std::vector<DnsRecordSpec> read_dns_records(Validator& validator, const Json& records,
                                            const std::string& pointer) {
  std::vector<DnsRecordSpec> specs;
  if (!records.is_array()) {
    validator.error(pointer, "expected an array of records, got " + describe_json(records));
    return specs;
  }
  static const Keys kRecordKeys = {"name", "type", "value", "ttl"};
  static const std::vector<std::string> kTypes = {"A", "CNAME"};
  static constexpr std::array<DnsRecordSpec::Type, 2> kTypeValues = {DnsRecordSpec::Type::kA,
                                                                     DnsRecordSpec::Type::kCname};
  std::map<std::string, NameUse> names;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const std::string record_pointer = child_pointer(pointer, i);
    ObjectFields record(validator, records[i], record_pointer, kRecordKeys);
    if (!record.is_object()) continue;
    DnsRecordSpec spec;
    const auto name = record.string("name", Need::kRequired, /*non_empty=*/true);
    spec.name = name.value_or("");
    std::optional<DnsRecordSpec::Type> valid_type;
    if (const auto type = record.choice("type", "unknown record type", kTypes, Need::kRequired)) {
      valid_type = kTypeValues[*type];
    }
    spec.type = valid_type.value_or(DnsRecordSpec::Type::kA);
    spec.value = record.string("value", Need::kRequired, /*non_empty=*/true).value_or("");
    if (valid_type == DnsRecordSpec::Type::kA && !spec.value.empty() &&
        !is_ipv4_address(spec.value)) {
      validator.error(record.pointer("value"),
                      "an A record's value must be an IPv4 address such as \"10.0.0.1\", got " +
                          in_quotes(spec.value));
    }
    spec.ttl_ns = record.duration("ttl", DurationRule::kNonNegative).value_or(spec.ttl_ns);
    if (name && valid_type) {
      const bool cname = *valid_type == DnsRecordSpec::Type::kCname;
      const auto [it, first] =
          names.emplace(models::canonical_dns_name(*name), NameUse{record_pointer, cname});
      if (!first && (cname || it->second.has_cname)) {
        validator.error(record_pointer,
                        "name " + in_quotes(*name) + " already has a record (at " +
                            it->second.pointer +
                            "); a CNAME must be the only record of its name (RFC 1034, section "
                            "3.6.2: \"CNAME and other data\")");
      }
      it->second.has_cname = it->second.has_cname || cname;
    }
    specs.push_back(std::move(spec));
  }
  return specs;
}

}  // namespace stacksim::scenario
