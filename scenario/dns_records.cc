#include "scenario/dns_records.h"

#include <algorithm>
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

// Reports every CNAME chain that comes back to a name it passed (a self-CNAME included), once
// per loop, at the record of the loop that comes first in the file: resolving such a name never
// ends, so every request that needs it would fail.
void check_cname_loops(Validator& validator, const std::vector<DnsRecordSpec>& specs,
                       const std::vector<std::string>& pointers) {
  std::map<std::string, std::size_t> cname_of;  // canonical name -> index of its CNAME record
  for (std::size_t i = 0; i < specs.size(); ++i) {
    if (specs[i].type == DnsRecordSpec::Type::kCname && !specs[i].name.empty()) {
      cname_of.emplace(models::canonical_dns_name(specs[i].name), i);
    }
  }
  // Each record is walked once: 0 = not yet, 1 = on the chain being followed, 2 = done.
  std::vector<int> state(specs.size(), 0);
  for (const auto& [name, first] : cname_of) {
    std::vector<std::size_t> chain;
    std::size_t at = first;
    bool looped = false;
    for (;;) {
      looped = state[at] == 1;
      if (state[at] != 0) break;
      state[at] = 1;
      chain.push_back(at);
      const auto next = cname_of.find(models::canonical_dns_name(specs[at].value));
      if (next == cname_of.end()) break;
      at = next->second;
    }
    if (looped) {
      std::vector<std::size_t> loop(std::find(chain.begin(), chain.end(), at), chain.end());
      std::rotate(loop.begin(), std::min_element(loop.begin(), loop.end()), loop.end());
      std::string path;
      for (const std::size_t record : loop) path += specs[record].name + " -> ";
      validator.error(pointers[loop.front()],
                      "CNAME loop: " + path + specs[loop.front()].name +
                          "; resolving it never ends, so every request that needs the name "
                          "would fail");
    }
    for (const std::size_t record : chain) state[record] = 2;
  }
}

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
  std::vector<std::string> pointers;  // of each record in `specs`
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
    pointers.push_back(record_pointer);
  }
  check_cname_loops(validator, specs, pointers);
  return specs;
}

}  // namespace stacksim::scenario
