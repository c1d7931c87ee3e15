// The text reports fit an 80-column terminal: `run` on every shipped scenario, `sweep`, `graph`,
// `analyze`, `whatif` and `compare` print no line wider than 80 display columns (UTF-8 code
// points), leaving out less essential columns and saying so; `--wide` prints the full tables.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/shipped_scenarios.h"
#include "tests/support/stacksim_process.h"

namespace stacksim::testing {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kColumns = 80;

std::size_t code_points(const std::string& line) {
  return static_cast<std::size_t>(std::count_if(line.begin(), line.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// The widest line of `text` and the line itself.
std::pair<std::size_t, std::string> widest(const std::string& text) {
  std::pair<std::size_t, std::string> out{0, ""};
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (code_points(line) > out.first) out = {code_points(line), line};
  }
  return out;
}

void expect_fits(const std::vector<std::string>& args) {
  const auto result = run_stacksim(args);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  ASSERT_FALSE(result.out.empty());
  const auto [width, line] = widest(result.out);
  EXPECT_LE(width, kColumns) << "widest line (" << width << " columns):\n" << line;
}

class RunFits : public ::testing::TestWithParam<std::string> {};

TEST_P(RunFits, EightyColumns) {
  std::vector<std::string> args = {"run", "scenarios/" + GetParam() + ".json"};
  // A week of nightly restarts takes long to simulate; one day shows one restart.
  if (GetParam() == "maintenance-restart") args.insert(args.end(), {"--duration", "1d"});
  expect_fits(args);
}

INSTANTIATE_TEST_SUITE_P(Shipped, RunFits, ::testing::ValuesIn(shipped_scenarios()),
                         [](const auto& info) { return scenario_test_name(info.param); });

TEST(TerminalWidth, RunWithReplicationsAndExplanationsFits) {
  expect_fits({"run", "scenarios/distributed.json", "--duration", "5m", "--replications", "2",
               "--explain"});
}

TEST(TerminalWidth, SweepFits) {
  expect_fits({"sweep", "scenarios/single-server.json", "--duration", "2m", "--vary",
               "/workload/arrivals/rate=50,100", "--latency-target", "200ms"});
  expect_fits({"sweep", "scenarios/vertical-vs-horizontal.json", "--duration", "1m", "--vary",
               "/hosts/server1/cores=2,4,8"});
}

TEST(TerminalWidth, GraphFits) {
  for (const char* scenario : {"scenarios/single-server.json", "scenarios/distributed.json",
                               "scenarios/dns-outage.json"}) {
    expect_fits({"graph", scenario});
  }
}

TEST(TerminalWidth, AnalyzeFits) {
  expect_fits({"analyze", "scenarios/single-server.json", "--duration", "5m"});
  expect_fits({"analyze", "scenarios/tandem.json", "--no-simulate"});
}

TEST(TerminalWidth, WhatIfFits) {
  expect_fits({"whatif", "scenarios/distributed.json", "--window", "30s", "--threads", "2"});
}

TEST(TerminalWidth, CompareFits) {
  expect_fits({"compare", "scenarios/single-server.json", "scenarios/distributed.json",
               "--duration", "5m", "--labels", "one box,load-balanced"});
}

TEST(TerminalWidth, WideKeepsTheFullTables) {
  const auto narrow = run_stacksim({"run", "scenarios/single-server.json", "--duration", "5m"});
  const auto wide =
      run_stacksim({"run", "scenarios/single-server.json", "--duration", "5m", "--wide"});
  ASSERT_EQ(narrow.exit_code, 0) << narrow.err;
  ASSERT_EQ(wide.exit_code, 0) << wide.err;
  // The wide summary has every column of the component table, and lines wider than a terminal.
  EXPECT_NE(wide.out.find("Component  kind  host     servers  util   queue  wait  response  "
                          "thru/s  rejected\n"),
            std::string::npos)
      << wide.out;
  EXPECT_GT(widest(wide.out).first, kColumns);
  EXPECT_EQ(wide.out.find("--wide shows"), std::string::npos);
  // The narrow one leaves out the kind, says so and how to see it, and wraps the long lines.
  EXPECT_NE(narrow.out.find("Component  host     servers"), std::string::npos) << narrow.out;
  EXPECT_NE(narrow.out.find("(kind left out to fit 80 columns; --wide shows it)"),
            std::string::npos)
      << narrow.out;
  EXPECT_NE(narrow.out.find("Bottleneck: server1 cpu: utilization"), std::string::npos);
  EXPECT_LE(widest(narrow.out).first, kColumns);
}

TEST(TerminalWidth, WideOnEveryCommand) {
  for (std::vector<std::string> args :
       {std::vector<std::string>{"graph", "scenarios/distributed.json"},
        std::vector<std::string>{"analyze", "scenarios/single-server.json", "--no-simulate"},
        std::vector<std::string>{"whatif", "scenarios/single-server.json", "--window", "30s"},
        std::vector<std::string>{"sweep", "scenarios/mm1.json", "--duration", "30s", "--vary",
                                 "/workload/arrivals/rate=100,200"},
        std::vector<std::string>{"compare", "scenarios/mm1.json", "scenarios/mm1.json",
                                 "--duration", "30s"}}) {
    args.push_back("--wide");
    const auto result = run_stacksim(args);
    EXPECT_EQ(result.exit_code, 0) << args[0] << ": " << result.err;
    EXPECT_EQ(result.out.find("--wide shows"), std::string::npos) << args[0];
  }
}

}  // namespace
}  // namespace stacksim::testing
