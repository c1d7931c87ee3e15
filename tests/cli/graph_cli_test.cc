// `stacksim graph` as users and their scripts see it: the JSON, the DOT file, the table, exit
// codes.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <utility>

#include "tests/support/files.h"
#include "tests/support/stacksim_process.h"

namespace stacksim::testing {
namespace {

TEST(GraphCli, JsonToStdoutListsTheSingleServersSpofs) {
  const auto result = run_stacksim({"graph", "scenarios/single-server.json", "--json", "-"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto graph = nlohmann::json::parse(result.out);  // throws if anything else is mixed in
  const auto spofs = graph["spofs"].get<std::set<std::string>>();
  EXPECT_EQ(spofs, (std::set<std::string>{"server1", "dns", "web", "app", "db"}));
  EXPECT_FALSE(graph["nodes"].empty());
  for (const auto& edge : graph["edges"]) {
    EXPECT_TRUE(edge.contains("from") && edge.contains("to") && edge.contains("relation"));
  }
  ASSERT_FALSE(graph["what_if"].empty());
  EXPECT_EQ(graph["what_if"][0]["target"], "server1");
  EXPECT_EQ(graph["what_if"][0]["traffic_share_failing"], 1.0);
  EXPECT_EQ(graph["what_if"][0]["classes_failing"].size(), graph["classes"].size());
}

TEST(GraphCli, DotWritesADigraphFile) {
  const TempDir dir;
  const std::string dot = (dir / "graph.dot").string();
  const auto result = run_stacksim({"graph", "scenarios/single-server.json", "--dot", dot});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(result.out.empty());
  const std::string text = read_file(dot);
  EXPECT_EQ(text.rfind("digraph", 0), 0u);
  EXPECT_NE(text.find("subgraph \"cluster_server1\""), std::string::npos);
}

TEST(GraphCli, WithoutOutputsPrintsTheTable) {
  const auto result = run_stacksim({"graph", "scenarios/single-server.json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("Single points of failure (5): server1, dns, web, app, db"),
            std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("What if one target fails"), std::string::npos);
}

TEST(GraphCli, TheWhatIfTableSaysItIsStructuralAndPointsToWhatif) {
  // Losing server2 of a round-robin DNS pair costs "0%" structurally, yet browsers keep trying
  // the dead address: only a simulation can say what it costs.
  const auto text = run_stacksim({"graph", "scenarios/single-server.json"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("What if one target fails (structural"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("it cannot\nsay what a failure costs"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("stacksim whatif SCENARIO"), std::string::npos) << text.out;
  const auto graph = run_json({"graph", "scenarios/single-server.json"});
  EXPECT_EQ(graph["what_if_basis"], "structural");
}

TEST(GraphCli, SetOverridesApply) {
  const auto result = run_stacksim(
      {"graph", "scenarios/single-server.json", "--json", "-", "--set", "/workload/hostname="});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto spofs = nlohmann::json::parse(result.out)["spofs"].get<std::set<std::string>>();
  EXPECT_EQ(spofs, (std::set<std::string>{"server1", "web", "app", "db"}));
}

TEST(GraphCli, DistributedDesignLeavesOnlyTheBalancerAndTheDatabasePrimary) {
  const auto spofs_of = [](std::vector<std::string> extra) {
    std::vector<std::string> args = {"graph", "scenarios/distributed.json"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_json(std::move(args))["spofs"].get<std::set<std::string>>();
  };
  const auto spofs = spofs_of({});
  for (const char* spof : {"lb", "lb1", "db@db1", "db1"}) EXPECT_EQ(spofs.count(spof), 1u) << spof;
  for (const char* redundant :
       {"app1", "app2", "web@app1", "web@app2", "app@app1", "app@app2", "db@db2", "db2"}) {
    EXPECT_EQ(spofs.count(redundant), 0u) << redundant;
  }
  // With automatic failover the primary is no longer one.
  const auto with_failover = spofs_of({"--set", "/components/db/failover=\"30s\""});
  EXPECT_EQ(with_failover.count("db@db1"), 0u);
  EXPECT_EQ(with_failover.count("db1"), 0u);
  EXPECT_EQ(with_failover.count("lb"), 1u);
}

TEST(GraphCli, MissingScenarioExits66) {
  const auto result = run_stacksim({"graph", "scenarios/no-such-file.json"});
  EXPECT_EQ(result.exit_code, 66);
  EXPECT_NE(result.err.find("scenarios/no-such-file.json"), std::string::npos);
  EXPECT_TRUE(result.out.empty());
}

TEST(GraphCli, UnwritableOutputExits73) {
  const auto result = run_stacksim(
      {"graph", "scenarios/single-server.json", "--json", "/nonexistent-dir/graph.json"});
  EXPECT_EQ(result.exit_code, 73);
  EXPECT_NE(result.err.find("/nonexistent-dir/graph.json"), std::string::npos);
}

TEST(GraphCli, BadCommandLineExits64) {
  EXPECT_EQ(run_stacksim({"graph"}).exit_code, 64);
  EXPECT_EQ(run_stacksim({"graph", "scenarios/single-server.json", "--json", "-", "--dot", "-"})
                .exit_code,
            64);
}

}  // namespace
}  // namespace stacksim::testing
