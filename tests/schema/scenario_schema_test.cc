// The scenario schema, checked by valijson: every scenario stacksim ships or tests with is valid,
// and each file of tests/schema/data/invalid is rejected by both the schema and the loader.
#include "scenario/scenario_schema.h"

#include <gtest/gtest.h>

#include "scenario/loader.h"
#include "tests/schema/json_schema_check.h"
#include "tests/schema/schema_files.h"

namespace stacksim::testing {
namespace {

nlohmann::json scenario_schema() { return nlohmann::json::parse(scenario::scenario_schema_text()); }

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += "  " + line + "\n";
  return out;
}

TEST(ScenarioSchema, IsTheShippedFile) {
  EXPECT_EQ(scenario_schema(), read_json_file(source_path("schema/scenario.schema.json")));
  EXPECT_EQ(scenario_schema()["$schema"], "https://json-schema.org/draft/2020-12/schema");
}

TEST(ScenarioSchema, EveryShippedAndTestScenarioIsValid) {
  const SchemaCheck check(scenario_schema());
  const auto files = all_valid_scenarios();
  ASSERT_GE(files.size(), 20u);
  for (const auto& file : files) {
    const auto result = scenario::load_scenario_file(file);
    EXPECT_EQ(result.status, scenario::LoadStatus::kOk) << file;
    const auto errors = check.errors(read_json_file(file));
    EXPECT_TRUE(errors.empty()) << file << " is not valid by the schema:\n" << joined(errors);
  }
}

// Each shipped scenario names the schema by a path relative to itself, so that an editor finds
// it in a clone and in an installation (share/stacksim/scenarios next to share/stacksim/schema).
TEST(ScenarioSchema, ShippedScenariosReferToTheSchemaRelatively) {
  for (const auto& file : shipped_scenarios()) {
    const auto document = read_json_file(file);
    ASSERT_TRUE(document.contains("$schema")) << file;
    const std::filesystem::path reference = document["$schema"].get<std::string>();
    EXPECT_TRUE(reference.is_relative()) << file;
    const auto target = std::filesystem::path(file).parent_path() / reference;
    EXPECT_TRUE(std::filesystem::equivalent(target, source_path("schema/scenario.schema.json")))
        << file << ": " << reference;
  }
}

TEST(ScenarioSchema, InvalidFilesAreRejectedByTheSchemaAndTheLoader) {
  const SchemaCheck check(scenario_schema());
  const auto files = json_files_in("tests/schema/data/invalid");
  ASSERT_GE(files.size(), 12u);
  for (const auto& file : files) {
    const auto result = scenario::load_scenario_file(file);
    EXPECT_EQ(result.status, scenario::LoadStatus::kInvalid)
        << file << " is accepted by the loader";
    EXPECT_FALSE(check.errors(read_json_file(file)).empty())
        << file << " is accepted by the schema";
  }
}

}  // namespace
}  // namespace stacksim::testing
