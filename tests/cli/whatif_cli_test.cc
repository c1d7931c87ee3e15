// `stacksim whatif` as users and their scripts see it: each host and component instance failed
// in turn, measured, beside the graph's structural verdict.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>

#include "tests/support/files.h"
#include "tests/support/stacksim_process.h"

namespace stacksim::testing {
namespace {

std::map<std::string, nlohmann::json> by_target(const nlohmann::json& report) {
  std::map<std::string, nlohmann::json> out;
  for (const auto& t : report["targets"]) out[t["target"].get<std::string>()] = t;
  return out;
}

// The distributed design, each target down for 2 minutes: one run of 7 minutes per target.
const nlohmann::json& distributed_report() {
  static const nlohmann::json report =
      run_json({"whatif", "scenarios/distributed.json", "--window", "2m", "--threads", "2"});
  return report;
}

TEST(WhatIfCli, ReportsEveryHostAndInstanceWithTheContractKeys) {
  const auto& report = distributed_report();
  ASSERT_TRUE(report.contains("targets"));
  const auto targets = by_target(report);
  for (const char* name : {"lb1", "app1", "app2", "db1", "db2", "dns", "lb", "web@app1", "web@app2",
                           "app@app1", "app@app2", "db@db1", "db@db2"}) {
    ASSERT_TRUE(targets.count(name)) << name;
    const auto& t = targets.at(name);
    for (const char* key : {"target", "kind", "failed", "failed_share", "p99_s", "detected_after_s",
                            "recovered_after_s", "structural_failing_share"}) {
      EXPECT_TRUE(t.contains(key)) << name << " lacks " << key;
    }
  }
  EXPECT_EQ(targets.at("lb1")["kind"], "host");
  EXPECT_EQ(targets.at("web@app1")["kind"], "web");
  EXPECT_EQ(report["window_s"], 120.0);
  EXPECT_EQ(report["at_s"], 300.0);  // the warm-up's end
}

TEST(WhatIfCli, TheLoadBalancerIsASinglePointOfFailureAndNothingRoutesAroundIt) {
  const auto t = by_target(distributed_report()).at("lb");
  EXPECT_EQ(t["structural_failing_share"], 1.0);
  EXPECT_GT(t["failed_share"].get<double>(), 0.9);
  EXPECT_TRUE(t["detected_after_s"].is_null());  // failed until it came back
}

TEST(WhatIfCli, ABackendCostsOnlyTheHealthChecksDetectionWindow) {
  // HAProxy checks every 2 s and marks a backend down after 3 failed checks: the failures stop
  // 4-6 s (plus the row in progress) after the crash, though the host stays down 2 minutes.
  const auto t = by_target(distributed_report()).at("app1");
  EXPECT_EQ(t["structural_failing_share"], 0.0);
  EXPECT_GT(t["failed"].get<double>(), 0.0);
  EXPECT_LT(t["failed_share"].get<double>(), 0.1);
  ASSERT_FALSE(t["detected_after_s"].is_null());
  EXPECT_GE(t["detected_after_s"].get<double>(), 4.0);
  EXPECT_LE(t["detected_after_s"].get<double>(), 8.0);
}

TEST(WhatIfCli, InstanceAffinityMakesAStructurallyHarmlessFailureCostly) {
  // The graph lets any web server call any app server, so losing app@app1 "fails nothing"; but
  // each web server calls the app server on its own host, which the health checks (of the web
  // servers) do not see: the requests web@app1 takes keep failing.
  const auto t = by_target(distributed_report()).at("app@app1");
  EXPECT_EQ(t["structural_failing_share"], 0.0);
  EXPECT_GT(t["failed_share"].get<double>(), 0.25);
  EXPECT_TRUE(t["detected_after_s"].is_null());
}

TEST(WhatIfCli, TheResultsDoNotDependOnTheThreadCount) {
  const auto one =
      run_json({"whatif", "scenarios/single-server.json", "--window", "1m", "--threads", "1"});
  const auto three =
      run_json({"whatif", "scenarios/single-server.json", "--window", "1m", "--threads", "3"});
  EXPECT_EQ(one["targets"], three["targets"]);
  ASSERT_EQ(one["targets"].size(), 5u);  // server1, dns, web, app, db
}

TEST(WhatIfCli, TextShowsTheMeasuredCostBesideTheGraphsVerdict) {
  const auto result =
      run_stacksim({"whatif", "scenarios/single-server.json", "--window", "30s", "--at", "10m"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("What if one target fails"), std::string::npos);
  EXPECT_NE(result.out.find("graph says"), std::string::npos);
  EXPECT_NE(result.out.find("server1"), std::string::npos);
  EXPECT_NE(result.out.find("10:00"), std::string::npos) << result.out;  // --at on the clock
}

TEST(WhatIfCli, BadWindowIsAUsageError) {
  const auto result = run_stacksim({"whatif", "scenarios/single-server.json", "--window", "0"});
  EXPECT_EQ(result.exit_code, 64);
  EXPECT_NE(result.err.find("--window"), std::string::npos);
  EXPECT_TRUE(result.out.empty());
}

TEST(WhatIfCli, HtmlWritesAPageWithTheCostBesideTheGraphsVerdict) {
  const TempDir dir("whatif-html");
  const std::filesystem::path html = dir / "whatif.html";
  const auto result = run_stacksim({"whatif", "scenarios/single-server.json", "--window", "30s",
                                    "--quiet", "--html", html.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(result.out.empty()) << "--quiet prints nothing";
  const std::string page = read_file(html);
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(page.find("stacksim whatif: "), std::string::npos);
  EXPECT_NE(page.find("graph says (structural)"), std::string::npos);
  EXPECT_NE(page.find("detection and recovery per target"), std::string::npos);
  // Every target has a row in the table, and the charts are inline SVG.
  for (const char* target : {"server1", "dns", "web", "app", "db"}) {
    EXPECT_NE(page.find("<td>" + std::string(target) + "</td>"), std::string::npos) << target;
  }
  EXPECT_NE(page.find("<svg class=\"chart\""), std::string::npos);
}

TEST(WhatIfCli, HtmlToStdoutReplacesTheTable) {
  const auto result =
      run_stacksim({"whatif", "scenarios/single-server.json", "--window", "30s", "--html", "-"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(result.out.find("What if one target fails"), std::string::npos);
}

TEST(WhatIfCli, HtmlIntoAMissingFolderFailsBeforeSimulating) {
  const TempDir dir("whatif-html-bad");
  const std::filesystem::path json = dir / "whatif.json";
  const auto result = run_stacksim({"whatif", "scenarios/single-server.json", "--json",
                                    json.string(), "--html", "/no/such/dir/whatif.html"});
  EXPECT_EQ(result.exit_code, 73);
  EXPECT_NE(result.err.find("/no/such/dir"), std::string::npos) << result.err;
  EXPECT_TRUE(result.out.empty());
  EXPECT_FALSE(std::filesystem::exists(json)) << "no partial output";
}

TEST(WhatIfCli, JsonAndHtmlCannotBothGoToStdout) {
  const auto result =
      run_stacksim({"whatif", "scenarios/single-server.json", "--json", "-", "--html", "-"});
  EXPECT_EQ(result.exit_code, 64);
  EXPECT_NE(result.err.find("--html"), std::string::npos);
  EXPECT_TRUE(result.out.empty());
}

TEST(WhatIfCli, MissingScenarioIs66) {
  EXPECT_EQ(run_stacksim({"whatif", "scenarios/no-such-file.json"}).exit_code, 66);
}

}  // namespace
}  // namespace stacksim::testing
