// `stacksim lab` as students and instructors use it: every lab's start fails, its solution
// passes, a cheat fails; Gradescope's results format; hints; grading a folder of submissions.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "tests/support/files.h"
#include "tests/support/stacksim_process.h"

namespace stacksim::testing {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string>& lab_ids() {
  static const std::vector<std::string> ids = [] {
    std::vector<std::string> found;
    for (const auto& entry : fs::directory_iterator(fs::path(STACKSIM_SOURCE_DIR) / "labs")) {
      if (fs::exists(entry.path() / "lab.json")) found.push_back(entry.path().filename());
    }
    std::sort(found.begin(), found.end());
    return found;
  }();
  return ids;
}

nlohmann::json parse_with_comments(const std::string& text) {
  return nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/true, /*ignore_comments=*/true);
}

void write(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

// Gradescope's autograder results: a total score, and tests with name, score, max_score,
// output (and our status); the total is the sum of the tests' scores.
void expect_gradescope_results(const nlohmann::json& results) {
  ASSERT_TRUE(results.is_object());
  ASSERT_TRUE(results.contains("score") && results["score"].is_number());
  ASSERT_TRUE(results.contains("tests") && results["tests"].is_array());
  ASSERT_FALSE(results["tests"].empty());
  const std::set<std::string> allowed = {"name",        "score",        "max_score", "output",
                                         "status",      "number",       "tags",      "visibility",
                                         "name_format", "output_format"};
  double sum = 0.0;
  for (const auto& test : results["tests"]) {
    for (const auto& [key, value] : test.items()) EXPECT_TRUE(allowed.count(key)) << key;
    ASSERT_TRUE(test["name"].is_string());
    ASSERT_TRUE(test["score"].is_number());
    ASSERT_TRUE(test["max_score"].is_number());
    ASSERT_TRUE(test["output"].is_string());
    EXPECT_TRUE(test["status"] == "passed" || test["status"] == "failed");
    EXPECT_LE(test["score"].get<double>(), test["max_score"].get<double>());
    sum += test["score"].get<double>();
  }
  EXPECT_DOUBLE_EQ(results["score"].get<double>(), sum);
}

TEST(LabCli, ListHasEveryLabIdFirstThenItsTitle) {
  const auto result = run_stacksim({"lab", "list"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  for (const auto& id :
       {"request-path", "spof", "scaling", "database", "retry-storm", "maintenance"}) {
    EXPECT_NE(("\n" + result.out).find(std::string("\n") + id + "  "), std::string::npos) << id;
  }
  EXPECT_EQ(result.out.rfind("database  ", 0), 0u) << result.out;  // in name order
}

TEST(LabCli, ShowPrintsTheHandOutAndUnknownLabsAreUsageErrors) {
  const auto shown = run_stacksim({"lab", "show", "spof"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_EQ(shown.out, read_file(fs::path(STACKSIM_SOURCE_DIR) / "labs/spof/README.md"));
  const auto unknown = run_stacksim({"lab", "show", "spoof"});
  EXPECT_EQ(unknown.exit_code, 64);
  EXPECT_NE(unknown.err.find("unknown lab spoof"), std::string::npos) << unknown.err;
}

TEST(LabCli, InitCopiesTheStartAndTheHandOutAndNeverOverwrites) {
  const TempDir dir;
  const fs::path student = dir / "me";
  const auto result = run_stacksim({"lab", "init", "scaling", student.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const fs::path lab = fs::path(STACKSIM_SOURCE_DIR) / "labs/scaling";
  EXPECT_EQ(read_file(student / "README.md"), read_file(lab / "README.md"));
  // The copy is the start with only its "$schema" changed: the lab's points into the source
  // tree, the copy's to the schema written beside it, which is what `stacksim schema` prints.
  const auto original = parse_with_comments(read_file(lab / "start.json"));
  auto copy = parse_with_comments(read_file(student / "start.json"));
  ASSERT_TRUE(copy.contains("$schema") && copy["$schema"].is_string());
  const fs::path schema = student / copy["$schema"].get<std::string>();
  EXPECT_TRUE(fs::is_regular_file(schema)) << schema;
  EXPECT_EQ(read_file(schema), run_stacksim({"schema"}).out);
  EXPECT_NE(original["$schema"], copy["$schema"]);
  copy["$schema"] = original["$schema"];
  EXPECT_EQ(copy, original);
  EXPECT_NE(read_file(student / "start.json").find("// Lab scaling"), std::string::npos)
      << "the comments are kept";
  const auto valid = run_stacksim({"validate", (student / "start.json").string()});
  EXPECT_EQ(valid.exit_code, 0) << valid.out << valid.err;
  write(student / "start.json", "{} // my work");
  const auto again = run_stacksim({"lab", "init", "scaling", student.string()});
  EXPECT_EQ(again.exit_code, 73);
  EXPECT_EQ(read_file(student / "start.json"), "{} // my work");
}

TEST(LabCli, InvalidScenarioExits65WithItsPointerAndAZeroResult) {
  const TempDir dir;
  write(dir / "bad.json", R"({"name": "x", "components": {"web": {"kind": "web", "sevrers": 1}},
    "workload": {"arrivals": {"process": "poisson", "rate": 1}, "mix": []}})");
  const std::string json = (dir / "results.json").string();
  const auto result =
      run_stacksim({"lab", "check", "request-path", (dir / "bad.json").string(), "--json", json});
  EXPECT_EQ(result.exit_code, 65);
  EXPECT_NE(result.err.find("bad.json: /components/web/sevrers: unknown key"), std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("bad.json: /workload/mix: lab request-path needs request class "
                            "\"checkout\""),
            std::string::npos)
      << result.err;
  const auto results = nlohmann::json::parse(read_file(json));
  expect_gradescope_results(results);
  EXPECT_EQ(results["score"], 0.0);
}

// Each lab's start, solution and a cheat (the start without faults and with a tenth of the
// load), checked as a student would; the start's hints must name what limits it.
class EveryLab : public ::testing::TestWithParam<std::string> {};

// What the hint of each start design must say: the resource that limits it, and where.
const std::map<std::string, std::string> kStartHints = {
    {"database", "limited by down: requests failed while db1 was down"},
    {"maintenance", "limited by down: requests failed while web was down (maintenance"},
    {"request-path", "limited by latency, not capacity"},
    {"retry-storm", "limited by cpu: host server1's cores"},
    {"scaling", "limited by cpu: host server1's cores"},
    {"spof", "limited by down: requests failed while server1 was down (crash"},
};

TEST_P(EveryLab, StartFailsSolutionPassesCheatFails) {
  const std::string id = GetParam();
  const fs::path lab = fs::path(STACKSIM_SOURCE_DIR) / "labs" / id;
  for (const char* file : {"README.md", "start.json", "lab.json", "solution.json", "answers.md"}) {
    EXPECT_TRUE(fs::exists(lab / file)) << id << " lacks " << file;
  }
  const TempDir dir;
  const std::string json = (dir / "results.json").string();

  const auto start = run_stacksim(
      {"lab", "check", id, (lab / "start.json").string(), "--json", json, "--threads", "2"});
  EXPECT_EQ(start.exit_code, 1) << start.out << start.err;
  expect_gradescope_results(nlohmann::json::parse(read_file(json)));
  EXPECT_NE(start.out.find("\u2717"), std::string::npos) << start.out;
  ASSERT_TRUE(kStartHints.count(id)) << "no expected hint for lab " << id;
  EXPECT_NE(start.out.find(kStartHints.at(id)), std::string::npos) << start.out;

  const auto solution = run_stacksim(
      {"lab", "check", id, (lab / "solution.json").string(), "--json", json, "--threads", "2"});
  EXPECT_EQ(solution.exit_code, 0) << solution.out << solution.err;
  const auto results = nlohmann::json::parse(read_file(json));
  expect_gradescope_results(results);
  double max_score = 0.0;
  for (const auto& test : results["tests"]) max_score += test["max_score"].get<double>();
  EXPECT_DOUBLE_EQ(results["score"].get<double>(), max_score);

  auto cheat = parse_with_comments(read_file(lab / "start.json"));
  cheat.erase("faults");
  if (cheat["workload"]["arrivals"].contains("rate")) {
    cheat["workload"]["arrivals"]["rate"] =
        cheat["workload"]["arrivals"]["rate"].get<double>() / 10;
  }
  write(dir / "cheat.json", cheat.dump(2));
  const auto cheated =
      run_stacksim({"lab", "check", id, (dir / "cheat.json").string(), "--threads", "2"});
  EXPECT_EQ(cheated.exit_code, 1) << cheated.out << cheated.err;
}

INSTANTIATE_TEST_SUITE_P(Labs, EveryLab, ::testing::ValuesIn(lab_ids()), [](const auto& info) {
  std::string name = info.param;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
});

TEST(LabCli, RunPrintsTheMonthlyCostWhenTheScenarioHasPrices) {
  const auto result =
      run_stacksim({"run", "labs/request-path/start.json", "--duration", "10s", "--warmup", "0s"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  // 4 cores x $0.031611 + 8 GiB x $0.004237 an hour, 730 hours a month: $117.0480.
  EXPECT_NE(result.out.find("Cost       $117.05 a month: server1 (4 cores, 8 GiB) $117.05"),
            std::string::npos)
      << result.out;
  const auto report = run_report("labs/request-path/start.json", {"--duration", "10s"});
  EXPECT_NEAR(report["cost"]["total_per_month"].get<double>(), 117.0482, 1e-6);
  const auto none = run_stacksim({"run", "scenarios/mm1.json", "--duration", "10s"});
  EXPECT_EQ(none.out.find("Cost "), std::string::npos);
}

TEST(LabCli, GradeGivesEverySubmissionARowAndNeverStops) {
  const TempDir dir;
  const fs::path lab = fs::path(STACKSIM_SOURCE_DIR) / "labs/request-path";
  fs::copy_file(lab / "solution.json", dir / "alice.json");
  fs::copy_file(lab / "start.json", dir / "bob.json");
  write(dir / "carol.json", "{ \"name\": \"carol\", ");  // invalid JSON
  // Hostile: reads a file outside its folder as an arrival trace.
  auto nosy = parse_with_comments(read_file(lab / "start.json"));
  nosy["workload"]["arrivals"] = {{"process", "trace"}, {"file", "../../../../etc/passwd"}};
  write(dir / "dave.json", nosy.dump());
  fs::create_symlink("/etc/passwd", dir / "eve.json");  // hostile: a link out of the folder
  fs::create_directories(dir / "frank");                // a student's own folder
  fs::copy_file(lab / "solution.json", dir / "frank" / "design.json");
  const std::string csv = (dir / "grades.csv").string();
  const auto result =
      run_stacksim({"lab", "grade", "request-path", dir.path().string(), "--csv", csv});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::string rows = read_file(csv);
  EXPECT_EQ(std::count(rows.begin(), rows.end(), '\n'), 7) << rows;  // header + 6 rows
  EXPECT_NE(rows.find("alice.json,6,6,passed,"), std::string::npos) << rows;
  EXPECT_NE(rows.find("bob.json,"), std::string::npos);
  EXPECT_NE(rows.find(",failed,"), std::string::npos) << rows;
  EXPECT_NE(rows.find("carol.json,0,6,invalid,"), std::string::npos) << rows;
  EXPECT_NE(rows.find("dave.json,0,6,invalid,"), std::string::npos) << rows;
  EXPECT_NE(rows.find("only read files in its own folder"), std::string::npos) << rows;
  EXPECT_NE(rows.find("eve.json,0,6,rejected,"), std::string::npos) << rows;
  EXPECT_NE(rows.find("frank/design.json,6,6,passed,"), std::string::npos) << rows;
  EXPECT_NE(result.out.find("carol.json"), std::string::npos) << result.out;
}

TEST(LabCli, GradeStopsASubmissionAtItsCpuLimit) {
  const TempDir dir;
  // A hundred retries after a 1 ms timeout: legal, but a hundred times the work of the lab.
  auto greedy =
      parse_with_comments(read_file(fs::path(STACKSIM_SOURCE_DIR) / "labs/retry-storm/start.json"));
  greedy["workload"]["client"] = {
      {"timeout", "1ms"},
      {"retries", 100},
      {"backoff", {{"initial", "1ms"}, {"multiplier", 1}, {"max", "1ms"}, {"jitter", "none"}}}};
  write(dir / "greedy.json", greedy.dump());
  const std::string csv = (dir / "grades.csv").string();
  const auto result = run_stacksim(
      {"lab", "grade", "retry-storm", dir.path().string(), "--csv", csv, "--cpu-limit", "1"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  // The CPU-time limit on an idle machine; on a loaded one the wall-clock limit may come first.
  EXPECT_NE(read_file(csv).find("greedy.json,0,5,limit,exceeded the "), std::string::npos)
      << read_file(csv);
}

}  // namespace
}  // namespace stacksim::testing
