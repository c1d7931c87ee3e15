#include "scenario/workload_parser.h"

#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <string_view>
#include <vector>

#include "models/request.h"
#include "models/scenario_limits.h"
#include "scenario/arrival_parser.h"
#include "scenario/distribution_parser.h"
#include "scenario/json_pointer.h"
#include "scenario/key_suggestion.h"

namespace stacksim::scenario {

namespace {

using models::ComponentKind;
using models::WorkloadSpec;
using Keys = std::vector<std::string_view>;

// Most retries a client makes after its first attempt.
constexpr std::int64_t kMaxRetries = 100;

std::vector<std::string> read_path(Validator& validator, const Json& value,
                                   const std::string& pointer, const ScenarioNames& names) {
  std::vector<std::string> path;
  if (!value.is_array() || value.empty()) {
    validator.error(pointer,
                    "expected a non-empty array of component names, got " + describe_json(value));
    return path;
  }
  if (value.size() > static_cast<std::size_t>(models::kMaxClassPathLength)) {
    validator.error(pointer, "a path visits at most " +
                                 std::to_string(models::kMaxClassPathLength) +
                                 " components, this one " + std::to_string(value.size()));
  }
  for (std::size_t i = 0; i < value.size(); ++i) {
    const std::string element_pointer = child_pointer(pointer, i);
    const auto name = validator.read_string(value[i], element_pointer);
    if (!name) continue;
    if (!names.components_readable) continue;
    if (!names.is_component(*name)) {
      validator.error(element_pointer,
                      unknown_name_message("unknown component", *name, names.components,
                                           "components are", "the scenario defines none"));
      continue;
    }
    if (names.kind_of(*name) == ComponentKind::kDns) {
      validator.error(element_pointer, in_quotes(*name) +
                                           " is a dns component: clients consult it through "
                                           "workload.hostname, it cannot be visited in a path");
      continue;
    }
    path.push_back(*name);
  }
  // A load balancer forwards to what follows it; at the end of a path there is nothing.
  const std::string last_pointer = child_pointer(pointer, value.size() - 1);
  if (value.back().is_string() && names.components_readable &&
      names.kind_of(value.back().get<std::string>()) == ComponentKind::kLb) {
    validator.error(last_pointer,
                    in_quotes(value.back().get<std::string>()) +
                        " is a load balancer at the end of the path; a load balancer needs "
                        "something behind it (put the components it balances after it)");
  }
  return path;
}

void read_mix(Validator& validator, const Json& value, const std::string& pointer,
              const ScenarioNames& names, WorkloadSpec& spec) {
  if (!value.is_array() || value.empty()) {
    validator.error(pointer,
                    "expected a non-empty array of request classes, got " + describe_json(value));
    return;
  }
  static const Keys kKeys = {"name", "weight", "path", "writes"};
  std::map<std::string, std::string> seen;  // class name -> pointer of its first use
  double total_weight = 0.0;
  bool weights_valid = true;
  for (std::size_t i = 0; i < value.size(); ++i) {
    ObjectFields fields(validator, value[i], child_pointer(pointer, i), kKeys);
    if (!fields.is_object()) {
      weights_valid = false;
      continue;
    }
    models::RequestClassSpec request_class;
    if (const auto name = fields.string("name", Need::kRequired, /*non_empty=*/true)) {
      const auto [it, inserted] = seen.emplace(*name, fields.pointer("name"));
      if (!inserted) {
        validator.error(fields.pointer("name"), "duplicate request class name " + in_quotes(*name) +
                                                    " (first at " + it->second + ")");
      }
      request_class.name = *name;
    }
    if (fields.has("weight")) {
      const auto weight = fields.number("weight", NumberRange::non_negative());
      weights_valid = weights_valid && weight.has_value();
      request_class.weight = weight.value_or(0.0);
    }
    total_weight += request_class.weight;
    request_class.writes = fields.boolean("writes").value_or(request_class.writes);
    if (const Json* path = fields.require("path")) {
      request_class.path = read_path(validator, *path, fields.pointer("path"), names);
    }
    spec.mix.push_back(std::move(request_class));
  }
  if (weights_valid && !(total_weight > 0.0)) {
    validator.error(pointer, "total weight is 0: at least one request class needs a weight > 0");
  } else if (weights_valid && !std::isfinite(total_weight)) {
    validator.error(pointer, "total weight is too large");
  }
}

// Exponential backoff between a client's retries (defaults: models::ClientSpec).
void read_backoff(Validator& validator, const Json& value, const std::string& pointer,
                  models::ClientSpec& client) {
  static const Keys kKeys = {"initial", "multiplier", "max", "jitter"};
  ObjectFields fields(validator, value, pointer, kKeys);
  const auto initial = fields.duration("initial", DurationRule::kPositive);
  const auto max = fields.duration("max", DurationRule::kPositive);
  client.backoff_initial_ns = initial.value_or(client.backoff_initial_ns);
  client.backoff_max_ns = max.value_or(client.backoff_max_ns);
  client.backoff_multiplier = fields.number("multiplier", {1.0, std::numeric_limits<double>::max()})
                                  .value_or(client.backoff_multiplier);
  static const std::vector<std::string> kJitters = {"full", "equal", "none"};
  static constexpr std::array<models::ClientSpec::Jitter, 3> kJitterValues = {
      models::ClientSpec::Jitter::kFull, models::ClientSpec::Jitter::kEqual,
      models::ClientSpec::Jitter::kNone};
  if (const auto jitter = fields.choice("jitter", "unknown jitter", kJitters)) {
    client.jitter = kJitterValues[*jitter];
  }
  const bool initial_valid = initial || !fields.has("initial");
  const bool max_valid = max || !fields.has("max");
  if (initial_valid && max_valid && client.backoff_max_ns < client.backoff_initial_ns) {
    if (max) {
      validator.error(fields.pointer("max"), "max must not be less than initial" +
                                                 std::string(initial ? "" : " (100ms by default)"));
    } else {
      validator.error(fields.pointer("initial"),
                      "initial must not be more than max (10s by default)");
    }
  }
}

// How clients time out and retry (defaults: models::ClientSpec).
models::ClientSpec read_client(Validator& validator, const Json& value,
                               const std::string& pointer) {
  static const Keys kKeys = {"timeout", "retries", "backoff", "dns_timeout", "dns_attempts"};
  models::ClientSpec client;
  ObjectFields fields(validator, value, pointer, kKeys);
  client.timeout_ns =
      fields.duration("timeout", DurationRule::kNonNegative).value_or(client.timeout_ns);
  client.max_retries =
      static_cast<int>(fields.integer("retries", {0, kMaxRetries}).value_or(client.max_retries));
  if (const Json* backoff = fields.find("backoff")) {
    read_backoff(validator, *backoff, fields.pointer("backoff"), client);
  }
  client.dns_timeout_ns =
      fields.duration("dns_timeout", DurationRule::kPositive).value_or(client.dns_timeout_ns);
  // resolv.conf(5) caps attempts at 5 (RES_MAXRETRY).
  client.dns_attempts =
      static_cast<int>(fields.integer("dns_attempts", {1, 5}).value_or(client.dns_attempts));
  return client;
}

}  // namespace

WorkloadSpec read_workload(Validator& validator, const Json& value, const std::string& pointer,
                           const ScenarioNames& names, const FileAccess& files) {
  static const Keys kKeys = {"arrivals", "mix", "hostname", "clients", "client"};
  WorkloadSpec spec;
  ObjectFields fields(validator, value, pointer, kKeys);
  if (!fields.is_object()) return spec;
  if (const Json* arrivals = fields.require("arrivals")) {
    read_arrivals(validator, *arrivals, fields.pointer("arrivals"), files, spec);
  }
  if (const Json* mix = fields.require("mix")) {
    read_mix(validator, *mix, fields.pointer("mix"), names, spec);
  }
  if (const auto hostname = fields.string("hostname")) {
    bool has_dns = false;
    for (const auto& [name, kind] : names.component_kinds) {
      has_dns = has_dns || kind == ComponentKind::kDns;
    }
    const bool kinds_known = names.components_readable && names.kinds_complete;
    if (!hostname->empty() && !has_dns && kinds_known) {
      validator.error(fields.pointer("hostname"),
                      "hostname " + in_quotes(*hostname) +
                          " needs a component of kind dns to resolve it; the scenario has none");
    }
    spec.hostname = *hostname;
  }
  spec.clients =
      static_cast<int>(fields.integer("clients", {1, models::kMaxClients}).value_or(spec.clients));
  if (const Json* client = fields.find("client")) {
    spec.client = read_client(validator, *client, fields.pointer("client"));
  }
  return spec;
}

}  // namespace stacksim::scenario
