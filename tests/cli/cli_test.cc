// The stacksim command as users and their scripts see it: exit codes, outputs, determinism.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "tests/support/files.h"
#include "tests/support/stacksim_process.h"

namespace stacksim::testing {
namespace {

namespace fs = std::filesystem;

TEST(Cli, ValidatePrintsOkForEveryShippedScenario) {
  for (const auto& entry : fs::directory_iterator(fs::path(STACKSIM_SOURCE_DIR) / "scenarios")) {
    if (entry.path().extension() != ".json") continue;
    const auto result = run_stacksim({"validate", entry.path().string()});
    EXPECT_EQ(result.exit_code, 0) << entry.path() << "\n" << result.err;
    EXPECT_EQ(result.out, "ok\n") << entry.path();
  }
}

TEST(Cli, RunPrintsASummaryNamingTheBottleneck) {
  const auto result = run_stacksim({"run", "scenarios/mm1.json", "--duration", "60s"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("Throughput"), std::string::npos);
  EXPECT_NE(result.out.find("Bottleneck: server"), std::string::npos);
}

TEST(Cli, JsonToStdoutIsTheOnlyThingOnStdout) {
  const auto result =
      run_stacksim({"run", "scenarios/mm1.json", "--duration", "60s", "--json", "-"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto report = nlohmann::json::parse(result.out);  // throws if anything else is mixed in
  EXPECT_EQ(report["schema_version"], 1);
  EXPECT_EQ(report["scenario"]["name"], "mm1");
  EXPECT_EQ(report["scenario"]["sha256"].get<std::string>().size(), 64u);
  EXPECT_EQ(report["duration_s"], 60.0);
  for (const char* key : {"offered", "completed", "failed", "errors", "availability",
                          "throughput_rps", "mean_in_system", "latency_s"}) {
    EXPECT_TRUE(report["summary"].contains(key)) << key;
  }
}

TEST(Cli, SameSeedGivesIdenticalReportsAndAnotherSeedOtherNumbers) {
  const std::vector<std::string> args = {"--duration", "120s", "--warmup", "10s"};
  auto with = [&](std::vector<std::string> extra) {
    extra.insert(extra.begin(), args.begin(), args.end());
    return run_report("scenarios/single-server.json", extra).dump();
  };
  const std::string first = with({"--seed", "5"});
  EXPECT_EQ(first, with({"--seed", "5"}));
  EXPECT_NE(first, with({"--seed", "6"}));
}

TEST(Cli, ThreadCountDoesNotChangeResults) {
  const std::vector<std::string> base = {"--duration", "60s", "--replications", "4"};
  auto with_threads = [&](const std::string& threads) {
    std::vector<std::string> extra = base;
    extra.insert(extra.end(), {"--threads", threads});
    return run_report("scenarios/single-server.json", extra);
  };
  const auto serial = with_threads("1");
  EXPECT_EQ(serial.dump(), with_threads("4").dump());
  EXPECT_EQ(serial["replications"], 4);
  EXPECT_TRUE(serial.contains("confidence"));
}

TEST(Cli, SetOverridesAScenarioValueByJsonPointer) {
  const auto report = run_report("scenarios/mm1.json",
                                 {"--duration", "600s", "--set", "/workload/arrivals/rate=100"});
  EXPECT_NEAR(report["summary"]["throughput_rps"].get<double>(), 100.0, 3.0);
}

TEST(Cli, OutWritesReportAndTimeSeries) {
  const TempDir temp;
  const std::string dir = (temp / "results").string();
  const auto result = run_stacksim({"run", "scenarios/mm1.json", "--duration", "600s", "--quiet",
                                    "--out", dir, "--set", "/report={\"interval\": \"60s\"}"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(result.out.empty());
  const auto report = nlohmann::json::parse(read_file((fs::path(dir) / "report.json").string()));
  EXPECT_EQ(report["scenario"]["name"], "mm1");
  const std::string csv = read_file((fs::path(dir) / "timeseries.csv").string());
  EXPECT_EQ(csv.rfind("start_s,end_s,offered,completed,failed", 0), 0u);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 11);  // header + 10 one-minute rows
}

TEST(Cli, BadCommandLineExits64) {
  EXPECT_EQ(run_stacksim({"run"}).exit_code, 64);
  EXPECT_EQ(run_stacksim({"frobnicate"}).exit_code, 64);
  EXPECT_EQ(run_stacksim({"run", "scenarios/mm1.json", "--threads", "zero"}).exit_code, 64);
  EXPECT_EQ(run_stacksim({"run", "scenarios/mm1.json", "--set", "rate=5"}).exit_code, 64);
}

TEST(Cli, MissingScenarioExits66AndNamesTheFile) {
  const auto result = run_stacksim({"run", "scenarios/no-such-file.json"});
  EXPECT_EQ(result.exit_code, 66);
  EXPECT_NE(result.err.find("scenarios/no-such-file.json"), std::string::npos);
  EXPECT_TRUE(result.out.empty());
}

TEST(Cli, InvalidScenarioExits65WithAPointerAndNoReport) {
  const TempDir dir;
  const std::string json = (dir / "report.json").string();
  const auto result = run_stacksim(
      {"run", "scenarios/mm1.json", "--json", json, "--set", "/workload/arrivals/rate=-5"});
  EXPECT_EQ(result.exit_code, 65);
  EXPECT_NE(result.err.find("scenarios/mm1.json: /workload/arrivals/rate:"), std::string::npos)
      << result.err;
  EXPECT_FALSE(fs::exists(json));
  EXPECT_TRUE(result.out.empty());
  const auto validate =
      run_stacksim({"validate", "scenarios/mm1.json", "--set", "/components/server/servers=0"});
  EXPECT_EQ(validate.exit_code, 65);
  EXPECT_NE(validate.err.find("/components/server/servers"), std::string::npos);
}

TEST(Cli, UnwritableOutputExits73AndLeavesNothingBehind) {
  const auto result = run_stacksim(
      {"run", "scenarios/mm1.json", "--duration", "10s", "--json", "/nonexistent-dir/r.json"});
  EXPECT_EQ(result.exit_code, 73);
  EXPECT_NE(result.err.find("/nonexistent-dir/r.json"), std::string::npos);
  EXPECT_FALSE(fs::exists("/nonexistent-dir"));
}

TEST(Cli, InterruptWritesWhatWasMeasuredAndExits130) {
  const TempDir dir;
  const std::string json = (dir / "report.json").string();
  const pid_t pid = fork();
  if (pid == 0) {
    if (chdir(STACKSIM_SOURCE_DIR) != 0) _exit(127);
    // Ten years of M/M/1 (--force: far more than a run is allowed without it).
    execl(STACKSIM_BINARY, STACKSIM_BINARY, "run", "scenarios/mm1.json", "--duration", "3650d",
          "--force", "--quiet", "--json", json.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  kill(pid, SIGINT);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 130);
  const auto report = nlohmann::json::parse(read_file(json));
  EXPECT_EQ(report["interrupted"], true);
  EXPECT_GT(report["summary"]["completed"].get<double>(), 0.0);
}

}  // namespace
}  // namespace stacksim::testing
