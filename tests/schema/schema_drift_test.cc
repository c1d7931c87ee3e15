// The scenario schema against the loader's own tables. The loader notes, as it reads a
// document, every object's valid keys and every word-valued member's valid words
// (scenario/accepted_input.h); over every valid scenario the suite knows, each of those must be
// exactly what the schema allows at the same place, and every closed object and enum of the
// schema must have been read at least once. A key added to the loader and not to the schema (or
// the reverse) fails here, naming both.
#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "scenario/accepted_input.h"
#include "scenario/loader.h"
#include "scenario/scenario_schema.h"
#include "tests/schema/json_schema_check.h"
#include "tests/schema/schema_files.h"
#include "tests/schema/schema_walk.h"

namespace stacksim::testing {
namespace {

using nlohmann::json;

std::string listed(const std::set<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "\"" : ", \"") + w + "\"";
  return out;
}

std::set<std::string> difference(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::set<std::string> out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.end()));
  return out;
}

class SchemaDrift : public ::testing::Test {
 protected:
  json schema_ = json::parse(scenario::scenario_schema_text());
  std::set<std::string> seen_objects_;  // schema locations the loader's objects matched
  std::set<std::string> seen_enums_;

  // Compares what the loader accepted reading `file` with what the schema allows there.
  void check_file(const std::string& file) {
    scenario::AcceptedInputRecorder recorder;
    const auto result = scenario::load_scenario_file(file);
    ASSERT_EQ(result.status, scenario::LoadStatus::kOk) << file;
    const json document = read_json_file(file);
    for (const auto& object : recorder.recorded().objects) check_object(file, document, object);
    for (const auto& words : recorder.recorded().words) check_words(file, document, words);
  }

  void check_object(const std::string& file, const json& document,
                    const scenario::AcceptedObject& object) {
    std::set<std::string> schema_keys;
    std::string locations;
    for (const AppliedSchema& applied : schemas_at(schema_, document, object.pointer)) {
      const auto additional = applied.node->find("additionalProperties");
      if (additional == applied.node->end() || *additional != false) continue;
      seen_objects_.insert(applied.location);
      locations += (locations.empty() ? "" : ", ") + applied.location;
      for (const auto& key : property_names(*applied.node)) schema_keys.insert(key);
    }
    const std::string where = file + " at " + (object.pointer.empty() ? "/" : object.pointer);
    ASSERT_FALSE(locations.empty())
        << where << ": the loader reads an object with keys "
        << listed({object.keys.begin(), object.keys.end()})
        << " but no closed object of schema/scenario.schema.json applies there";
    const std::set<std::string> loader_keys(object.keys.begin(), object.keys.end());
    const auto missing = difference(loader_keys, schema_keys);
    const auto extra = difference(schema_keys, loader_keys);
    EXPECT_TRUE(missing.empty()) << where << ": the loader accepts " << listed(missing)
                                 << " but schema/scenario.schema.json (" << locations
                                 << ") does not";
    EXPECT_TRUE(extra.empty()) << where << ": schema/scenario.schema.json (" << locations
                               << ") allows " << listed(extra) << " but the loader does not";
  }

  void check_words(const std::string& file, const json& document,
                   const scenario::AcceptedWords& words) {
    const std::set<std::string> loader_words(words.words.begin(), words.words.end());
    bool found = false;
    for (const AppliedSchema& applied : schemas_at(schema_, document, words.pointer)) {
      const auto list = applied.node->find("enum");
      if (list == applied.node->end()) continue;
      found = true;
      seen_enums_.insert(applied.location);
      const std::set<std::string> schema_words = list->get<std::set<std::string>>();
      EXPECT_EQ(schema_words, loader_words)
          << file << " at " << words.pointer << ": the loader accepts " << listed(loader_words)
          << ", schema/scenario.schema.json (" << applied.location << ") " << listed(schema_words);
    }
    EXPECT_TRUE(found) << file << " at " << words.pointer << ": the loader accepts "
                       << listed(loader_words) << " but the schema has no enum there";
  }
};

TEST_F(SchemaDrift, SchemaAllowsExactlyWhatTheLoaderAccepts) {
  for (const auto& file : all_valid_scenarios()) check_file(file);
  for (const auto& location : closed_object_locations(schema_)) {
    EXPECT_TRUE(seen_objects_.count(location))
        << "no valid scenario of the suite has an object where schema/scenario.schema.json "
        << location
        << " applies, so it cannot be compared with the loader: use it in a file of "
           "tests/schema/data/valid";
  }
  for (const auto& location : enum_locations(schema_)) {
    EXPECT_TRUE(seen_enums_.count(location))
        << "no valid scenario of the suite sets the value that schema/scenario.schema.json "
        << location << " lists: use it in a file of tests/schema/data/valid";
  }
}

// The comparison itself: a key the loader does not know, added to a copy of the schema, is
// reported, and so is a key removed from it.
TEST_F(SchemaDrift, NoticesAKeyTheSchemaAddsOrLacks) {
  const std::string file = source_path("scenarios/single-server.json");
  json& network = schema_.at(json::json_pointer("/$defs/network/properties"));
  json& host = schema_.at(json::json_pointer("/$defs/host/properties"));
  network["mtu"] = json{{"type", "integer"}};
  host.erase("somaxconn");
  ::testing::TestPartResultArray failures;
  {
    ::testing::ScopedFakeTestPartResultReporter reporter(
        ::testing::ScopedFakeTestPartResultReporter::INTERCEPT_ONLY_CURRENT_THREAD, &failures);
    check_file(file);
  }
  std::string messages;
  for (int i = 0; i < failures.size(); ++i) messages += failures.GetTestPartResult(i).message();
  EXPECT_NE(messages.find("allows \"mtu\" but the loader does not"), std::string::npos) << messages;
  EXPECT_NE(messages.find("the loader accepts \"somaxconn\""), std::string::npos) << messages;
}

}  // namespace
}  // namespace stacksim::testing
