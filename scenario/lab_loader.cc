#include "scenario/lab_loader.h"

#include <algorithm>
#include <array>
#include <exception>
#include <string_view>

#include "scenario/file_text.h"
#include "scenario/json_pointer.h"
#include "scenario/json_text.h"
#include "scenario/key_suggestion.h"
#include "scenario/price_parser.h"
#include "scenario/validator.h"

namespace stacksim::scenario {

namespace {

// Lab files and submissions are small; a bigger file is refused before it is parsed.
constexpr std::size_t kMaxLabFileBytes = 4 * 1024 * 1024;

std::vector<std::string> metric_names() {
  std::vector<std::string> names;
  for (const auto& entry : models::lab_metrics()) names.emplace_back(entry.name);
  return names;
}

std::optional<models::LabGoal> read_goal(Validator& validator, const Json& value,
                                         const std::string& pointer) {
  static constexpr std::array<std::string_view, 7> kKeys = {"name", "metric", "class", "max",
                                                            "min",  "points", "hint"};
  ObjectFields fields(validator, value, pointer, kKeys);
  if (!fields.is_object()) return std::nullopt;
  models::LabGoal goal;
  goal.name = fields.string("name", Need::kRequired, true).value_or("");
  const auto metric = fields.choice("metric", "unknown metric", metric_names(), Need::kRequired);
  if (!metric) return std::nullopt;
  const models::LabMetricInfo& info = models::lab_metrics()[*metric];
  goal.metric = info.metric;
  if (goal.metric == models::LabMetric::kClassAvailability) {
    goal.request_class = fields.string("class", Need::kRequired, true).value_or("");
  } else if (fields.has("class")) {
    validator.error(fields.pointer("class"), "only metric class_availability takes a class");
  }
  const bool has_max = fields.has("max");
  if (has_max == fields.has("min")) {
    validator.error(pointer, "a goal needs exactly one of \"max\" or \"min\"");
    return std::nullopt;
  }
  goal.at_most = has_max;
  const std::string_view bound = has_max ? "max" : "min";
  if (info.unit == models::LabUnit::kSeconds) {
    const auto ns = fields.duration(bound, DurationRule::kNonNegative);
    if (!ns) return std::nullopt;
    goal.threshold = static_cast<double>(*ns) / static_cast<double>(sim::kNanosPerSecond);
  } else {
    const NumberRange range =
        info.unit == models::LabUnit::kShare ? NumberRange::fraction() : NumberRange{};
    const auto number = fields.number(bound, range);
    if (!number) return std::nullopt;
    goal.threshold = *number;
  }
  goal.points = fields.number("points", NumberRange::positive()).value_or(goal.points);
  goal.hint = fields.string("hint").value_or("");
  return goal;
}

std::vector<LabClassRule> read_mix(Validator& validator, const Json& value,
                                   const std::string& pointer) {
  std::vector<LabClassRule> mix;
  if (!value.is_array() || value.empty()) {
    validator.error(pointer, "expected a non-empty array of request classes");
    return mix;
  }
  static constexpr std::array<std::string_view, 3> kKeys = {"name", "weight", "needs"};
  for (std::size_t i = 0; i < value.size(); ++i) {
    ObjectFields fields(validator, value[i], child_pointer(pointer, i), kKeys);
    LabClassRule rule;
    rule.name = fields.string("name", Need::kRequired, true).value_or("");
    rule.weight = fields.number("weight", NumberRange::positive()).value_or(rule.weight);
    if (const Json* needs = fields.find("needs")) {
      if (!needs->is_array()) {
        validator.error(fields.pointer("needs"), "expected an array of component names");
      } else {
        for (std::size_t k = 0; k < needs->size(); ++k) {
          if (auto name = validator.read_string((*needs)[k],
                                                child_pointer(fields.pointer("needs"), k), true)) {
            rule.needs.push_back(*name);
          }
        }
      }
    }
    mix.push_back(std::move(rule));
  }
  return mix;
}

void read_conditions(Validator& validator, const Json& value, const std::string& pointer,
                     LabConditions& conditions) {
  static constexpr std::array<std::string_view, 8> kKeys = {
      "seed", "duration",       "warmup", "set", "faults", "faults_on_every_host",
      "mix",  "student_may_set"};
  ObjectFields fields(validator, value, pointer, kKeys);
  if (!fields.is_object()) return;
  for (std::string_view key : {"seed", "duration", "warmup"}) {
    // Checked again when the submission loads; here only their presence.
    if (const Json* found = fields.require(key)) {
      std::string pointer = "/";
      pointer.append(key);  // not "/" + std::string(key): GCC 12 warns falsely (-Wrestrict)
      conditions.overrides.push_back({std::move(pointer), found->dump()});
    }
  }
  if (const Json* set = fields.find("set")) {
    if (!set->is_object()) {
      validator.error(fields.pointer("set"), "expected an object of JSON pointer -> value");
    } else {
      for (auto it = set->begin(); it != set->end(); ++it) {
        if (it.key().empty() || it.key().front() != '/') {
          validator.error(child_pointer(fields.pointer("set"), it.key()),
                          "expected a JSON pointer such as /workload/arrivals");
          continue;
        }
        conditions.overrides.push_back({it.key(), it.value().dump()});
      }
    }
  }
  for (std::string_view key : {"faults", "faults_on_every_host"}) {
    const Json* faults = fields.find(key);
    if (faults == nullptr) continue;
    if (!faults->is_array()) {
      validator.error(fields.pointer(key), "expected an array of faults");
      continue;
    }
    (key == "faults" ? conditions.faults_json : conditions.faults_on_every_host_json) =
        faults->dump();
  }
  if (const Json* mix = fields.find("mix")) {
    conditions.mix = read_mix(validator, *mix, fields.pointer("mix"));
  }
  if (const Json* keep = fields.find("student_may_set")) {
    if (!keep->is_array()) {
      validator.error(fields.pointer("student_may_set"), "expected an array of JSON pointers");
    } else {
      for (std::size_t i = 0; i < keep->size(); ++i) {
        const std::string pointer = child_pointer(fields.pointer("student_may_set"), i);
        const auto text = validator.read_string((*keep)[i], pointer, true);
        if (!text) continue;
        if (text->front() != '/') {
          validator.error(pointer, "expected a JSON pointer such as /faults/0/mode");
          continue;
        }
        conditions.student_may_set.push_back(*text);
      }
    }
  }
}

LabDefinition read_lab(Validator& validator, const Json& document) {
  LabDefinition lab;
  static constexpr std::array<std::string_view, 6> kKeys = {"id",         "title",  "replications",
                                                            "conditions", "prices", "goals"};
  ObjectFields fields(validator, document, "", kKeys);
  if (!fields.is_object()) return lab;
  lab.spec.id = fields.string("id", Need::kRequired, true).value_or("");
  lab.spec.title = fields.string("title", Need::kRequired, true).value_or("");
  lab.spec.replications =
      static_cast<int>(fields.integer("replications", {2, 100}).value_or(lab.spec.replications));
  if (const Json* conditions = fields.require("conditions")) {
    read_conditions(validator, *conditions, fields.pointer("conditions"), lab.conditions);
  }
  if (const Json* prices = fields.find("prices")) {
    lab.spec.prices = read_prices(validator, *prices, fields.pointer("prices"));
  }
  if (const Json* goals = fields.require("goals")) {
    if (!goals->is_array() || goals->empty()) {
      validator.error(fields.pointer("goals"), "expected a non-empty array of goals");
    } else {
      for (std::size_t i = 0; i < goals->size(); ++i) {
        if (auto goal =
                read_goal(validator, (*goals)[i], child_pointer(fields.pointer("goals"), i))) {
          lab.spec.goals.push_back(std::move(*goal));
        }
      }
    }
  }
  return lab;
}

bool is_subsequence(const std::vector<std::string>& needs, const Json& path) {
  std::size_t next = 0;
  for (const Json& step : path) {
    if (next < needs.size() && step.is_string() && step.get<std::string>() == needs[next]) ++next;
  }
  return next == needs.size();
}

// The mix checks and weight overrides; problems at the student's pointers.
void impose_mix(const LabDefinition& lab, const Json& document, const std::string& file,
                std::vector<Override>& overrides, std::vector<Diagnostic>& problems) {
  const auto& rules = lab.conditions.mix;
  if (rules.empty()) return;
  std::vector<std::string> names;
  for (const auto& rule : rules) names.push_back(rule.name);
  const Json* mix = nullptr;
  if (document.contains("workload") && document["workload"].is_object() &&
      document["workload"].contains("mix")) {
    mix = &document["workload"]["mix"];
  }
  if (mix == nullptr || !mix->is_array()) return;  // the scenario's own checks report it
  std::vector<bool> seen(rules.size(), false);
  for (std::size_t i = 0; i < mix->size(); ++i) {
    const Json& cls = (*mix)[i];
    const std::string pointer = child_pointer("/workload/mix", i);
    if (!cls.is_object() || !cls.contains("name") || !cls["name"].is_string()) continue;
    const std::string name = cls["name"].get<std::string>();
    const auto rule = std::find(names.begin(), names.end(), name);
    if (rule == names.end()) {
      problems.push_back({file, pointer + "/name", 0, 0,
                          unknown_name_message("lab " + lab.spec.id + " has no request class", name,
                                               names, "its classes are")});
      continue;
    }
    const auto index = static_cast<std::size_t>(rule - names.begin());
    seen[index] = true;
    overrides.push_back({pointer + "/weight", Json(rules[index].weight).dump()});
    if (cls.contains("path") && cls["path"].is_array() &&
        !is_subsequence(rules[index].needs, cls["path"])) {
      std::string list;
      for (const auto& need : rules[index].needs) list += (list.empty() ? "" : ", ") + need;
      problems.push_back({file, pointer + "/path", 0, 0,
                          "lab " + lab.spec.id + ": class " + in_quotes(name) +
                              " must pass through " + list + ", in that order"});
    }
  }
  for (std::size_t k = 0; k < rules.size(); ++k) {
    if (!seen[k]) {
      problems.push_back(
          {file, "/workload/mix", 0, 0,
           "lab " + lab.spec.id + " needs request class " + in_quotes(rules[k].name)});
    }
  }
}

// The host of component `name`'s primary in the student's file: its "primary" when it runs on
// several hosts, else its "host"; empty when neither is a string.
std::string primary_host_of(const Json& document, const std::string& name) {
  if (!document.contains("components") || !document["components"].is_object()) return "";
  const Json& components = document["components"];
  if (!components.contains(name) || !components[name].is_object()) return "";
  const Json& component = components[name];
  for (const char* key : {"primary", "host"}) {
    if (component.contains(key) && component[key].is_string()) {
      return component[key].get<std::string>();
    }
  }
  return "";
}

// The lab's faults ("primary of C" targets resolved), and its per-host faults given to every
// host the student declared.
std::string imposed_faults(const LabDefinition& lab, const Json& document) {
  static constexpr std::string_view kPrimaryOf = "primary of ";
  Json faults = Json::parse(lab.conditions.faults_json);
  for (Json& fault : faults) {
    if (!fault.is_object() || !fault.contains("target") || !fault["target"].is_string()) continue;
    const std::string target = fault["target"].get<std::string>();
    if (target.rfind(kPrimaryOf, 0) != 0) continue;
    const std::string host = primary_host_of(document, target.substr(kPrimaryOf.size()));
    if (!host.empty()) fault["target"] = host;
  }
  const Json every = Json::parse(lab.conditions.faults_on_every_host_json);
  if (document.contains("hosts") && document["hosts"].is_object()) {
    for (auto it = document["hosts"].begin(); it != document["hosts"].end(); ++it) {
      for (Json fault : every) {
        fault["target"] = it.key();
        faults.push_back(std::move(fault));
      }
    }
  }
  return faults.dump();
}

// A trace file may only be read from the submission's own folder.
void confine_trace(const Json& document, const std::string& file,
                   const std::filesystem::path& folder, std::vector<Diagnostic>& problems) {
  const Json* arrivals = nullptr;
  if (document.contains("workload") && document["workload"].is_object() &&
      document["workload"].contains("arrivals")) {
    arrivals = &document["workload"]["arrivals"];
  }
  if (arrivals == nullptr || !arrivals->is_object() || !arrivals->contains("file") ||
      !(*arrivals)["file"].is_string()) {
    return;
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path base = fs::weakly_canonical(folder.empty() ? fs::path(".") : folder, ec);
  const fs::path target =
      fs::weakly_canonical(base / fs::path((*arrivals)["file"].get<std::string>()), ec);
  const auto mismatch = std::mismatch(base.begin(), base.end(), target.begin(), target.end());
  if (ec || mismatch.first != base.end()) {
    problems.push_back({file, "/workload/arrivals/file", 0, 0,
                        "a lab submission may only read files in its own folder"});
  }
}

// Creates the missing objects on the way to `pointer` (not the last token); a missing component
// is a problem instead, since creating it would make a component of no kind.
// Returns false (and reports the missing component) when the override cannot apply.
bool make_parents(Json& document, const std::string& pointer, const std::string& lab_id,
                  const std::string& file, std::vector<Diagnostic>& problems) {
  const std::vector<std::string> tokens = pointer_tokens(pointer);
  Json* node = &document;
  for (std::size_t depth = 0; depth + 1 < tokens.size(); ++depth) {
    if (!node->is_object()) return true;  // the loader reports where the pointer cannot go
    const std::string& token = tokens[depth];
    if (!node->contains(token)) {
      if (depth == 1 && tokens[0] == "components") {
        const std::string message =
            "lab " + lab_id + " needs a component named " + in_quotes(token) + " (it sets ";
        const bool said = std::any_of(problems.begin(), problems.end(), [&](const Diagnostic& d) {
          return d.message.rfind(message, 0) == 0;
        });
        if (!said) problems.push_back({file, "/components", 0, 0, message + pointer + ")"});
        return false;
      }
      (*node)[token] = Json::object();
    }
    node = &(*node)[token];
  }
  return true;
}

}  // namespace

LabLoadResult load_lab_file(const std::string& path) {
  LabLoadResult result;
  std::string error;
  const auto text = read_file(path, error, kMaxLabFileBytes);
  if (!text) {
    result.status = LoadStatus::kUnreadable;
    result.errors.push_back({path, "", 0, 0, "cannot read lab file: " + error});
    return result;
  }
  result.status = LoadStatus::kInvalid;
  ParsedJson parsed = parse_json_text(*text, path);
  result.errors = std::move(parsed.problems);
  if (!parsed.document) return result;
  Validator validator(path);
  LabDefinition lab = read_lab(validator, *parsed.document);
  auto errors = validator.take_errors();
  result.errors.insert(result.errors.end(), errors.begin(), errors.end());
  if (result.errors.empty()) {
    result.status = LoadStatus::kOk;
    result.lab = std::move(lab);
  }
  return result;
}

LoadResult load_lab_submission(const std::string& path, const LabDefinition& lab) {
  LoadResult result;
  std::string error;
  const auto text = read_file(path, error, kMaxLabFileBytes);
  if (!text) {
    result.status = LoadStatus::kUnreadable;
    result.errors.push_back({path, "", 0, 0, "cannot read scenario file: " + error});
    return result;
  }
  const std::filesystem::path folder = std::filesystem::path(path).parent_path();
  ParsedJson parsed = parse_json_text(*text, path);
  if (!parsed.document || !parsed.document->is_object() || !parsed.problems.empty()) {
    // The scenario loader reports the syntax error, the duplicate key or the wrong top level.
    return load_scenario_text(*text, path, {}, folder);
  }
  try {
    std::vector<Diagnostic> problems;
    std::vector<Override> overrides = lab.conditions.overrides;
    overrides.push_back({"/faults", imposed_faults(lab, *parsed.document)});
    impose_mix(lab, *parsed.document, path, overrides, problems);
    for (const std::string& pointer : lab.conditions.student_may_set) {
      const Json::json_pointer where(pointer);
      if (parsed.document->contains(where)) {
        overrides.push_back({pointer, parsed.document->at(where).dump()});
      }
    }
    confine_trace(*parsed.document, path, folder, problems);
    // The lab sets values inside objects the student may have left out ("network"): they are
    // created empty first. A component the lab sets something of must exist, though.
    Json document = *parsed.document;
    std::vector<Override> applicable;
    for (const Override& imposed : overrides) {
      if (make_parents(document, imposed.pointer, lab.spec.id, path, problems)) {
        applicable.push_back(imposed);
      }
    }
    overrides = std::move(applicable);
    result = load_scenario_text(document.dump(2), path, overrides, folder);
    if (!problems.empty()) {
      // The scenario's own problems first, then what makes it unfit for the lab.
      result.status = LoadStatus::kInvalid;
      result.spec.reset();
      result.errors.insert(result.errors.end(), problems.begin(), problems.end());
    }
    return result;
  } catch (const std::exception& e) {
    result.status = LoadStatus::kInvalid;
    result.errors.push_back({path, "", 0, 0, std::string("cannot apply the lab: ") + e.what()});
    return result;
  }
}

}  // namespace stacksim::scenario
