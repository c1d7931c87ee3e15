// `stacksim schema`, `--help` with its examples and exit codes, and the JSON pointers the bash
// completion asks for, through the real binary.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <sstream>

#include "tests/support/files.h"
#include "tests/support/stacksim_process.h"

namespace stacksim::testing {
namespace {

std::string source_file(const std::string& relative) {
  return read_file(std::string(STACKSIM_SOURCE_DIR) + "/" + relative);
}

// The subcommands `stacksim --help` lists.
std::vector<std::string> subcommands() {
  const auto help = run_stacksim({"--help"});
  std::vector<std::string> names;
  std::istringstream lines(help.out);
  std::string line;
  bool in_list = false;
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == ':' && line[0] != ' ') {
      in_list = line == "Subcommands:";
    } else if (in_list && line.size() > 2 && line[2] != ' ') {
      names.push_back(line.substr(2, line.find(' ', 2) - 2));
    }
  }
  return names;
}

TEST(SchemaCli, PrintsTheShippedSchemas) {
  const auto scenario = run_stacksim({"schema"});
  ASSERT_EQ(scenario.exit_code, 0) << scenario.err;
  EXPECT_EQ(scenario.out, source_file("schema/scenario.schema.json"));
  const auto report = run_stacksim({"schema", "--report"});
  ASSERT_EQ(report.exit_code, 0) << report.err;
  EXPECT_EQ(report.out, source_file("schema/report.schema.json"));
  EXPECT_EQ(nlohmann::json::parse(report.out)["title"], "stacksim run report");
}

TEST(SchemaCli, UnknownOptionIsAUsageError) {
  EXPECT_EQ(run_stacksim({"schema", "--scenario"}).exit_code, 64);
}

TEST(HelpCli, EveryCommandShowsItsExitCodesAndItsExamplesNameRealScenarios) {
  const auto names = subcommands();
  ASSERT_GE(names.size(), 6u);
  EXPECT_EQ(std::count(names.begin(), names.end(), "__pointers"), 0);
  const std::regex scenario_file(R"(scenarios/[a-z0-9-]+\.json)");
  for (const auto& name : names) {
    const auto help = run_stacksim({name, "--help"});
    EXPECT_EQ(help.exit_code, 0) << name;
    // A command's own codes (lab check's 1) come right after 0.
    EXPECT_NE(help.out.find("EXIT CODES:\n  0    success\n"), std::string::npos) << name;
    EXPECT_NE(help.out.find("\n  64   bad command line\n"), std::string::npos) << name << ":\n"
                                                                               << help.out;
    // Every scenario an example names exists.
    for (std::sregex_iterator it(help.out.begin(), help.out.end(), scenario_file), end; it != end;
         ++it) {
      EXPECT_TRUE(std::filesystem::exists(std::string(STACKSIM_SOURCE_DIR) + "/" + it->str()))
          << name << " --help names " << it->str();
    }
  }
  const auto run = run_stacksim({"run", "--help"});
  EXPECT_NE(run.out.find("EXAMPLES:\n  stacksim run scenarios/single-server.json\n"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("  65   invalid scenario\n"), std::string::npos);
  EXPECT_NE(run.out.find("  130  interrupted"), std::string::npos);
  const auto top = run_stacksim({"--help"});
  EXPECT_NE(top.out.find("Usage: stacksim [OPTIONS] SUBCOMMAND"), std::string::npos) << top.out;
}

TEST(CompletionHelperCli, ListsTheJsonPointersOfAScenario) {
  const auto result = run_stacksim({"__pointers", "scenarios/single-server.json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out.rfind("/$schema\n/name\n", 0), 0u) << result.out;
  for (const char* pointer : {"/workload/arrivals/rate", "/hosts/server1/cores",
                              "/components/app/workers", "/workload/mix/0/weight"}) {
    EXPECT_NE(result.out.find(std::string("\n") + pointer + "\n"), std::string::npos) << pointer;
  }
  EXPECT_EQ(run_stacksim({"__pointers", "no-such-file.json"}).out, "");
}

}  // namespace
}  // namespace stacksim::testing
