// `stacksim sweep` as users and their scripts see it: the capacity it finds, determinism across
// thread counts, agreement with `stacksim run`, outputs and exit codes.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/support/files.h"
#include "tests/support/stacksim_process.h"
#include "tests/validation/queueing_formulas.h"

namespace stacksim::testing {
namespace {

namespace fs = std::filesystem;

TEST(SweepCli, FindsTheSaturationPointOfMm1ThatTheoryPredicts) {
  // M/M/1 with S = 1 ms: mean response 1 / (1000 - rate) s, at most 6 ms while rate <= 833, so
  // the largest rate of the grid within a 6 ms mean is 800 (a 5 ms target would put 800 exactly
  // on the boundary, where the noise of a finite run decides).
  const auto report = run_json(
      {"sweep", "scenarios/mm1.json", "--vary", "/workload/arrivals/rate=100:900:9", "--duration",
       "600s", "--latency-target", "6ms", "--latency-percentile", "mean", "--threads", "4"});
  ASSERT_EQ(report["points"].size(), 9u);
  EXPECT_EQ(report["vary"][0]["pointer"], "/workload/arrivals/rate");
  EXPECT_EQ(report["vary"][0]["values"].dump(), "[100,200,300,400,500,600,700,800,900]");
  for (int i = 0; i < 9; ++i) {
    const auto& point = report["points"][i];
    const double rate = 100.0 * (i + 1);
    EXPECT_EQ(point["set"]["/workload/arrivals/rate"], rate);
    EXPECT_NEAR(point["summary"]["throughput_rps"].get<double>(), rate, 0.03 * rate);
    EXPECT_NEAR(point["components"]["server"]["utilization"].get<double>(), rate / 1000, 0.02);
    EXPECT_EQ(point["bottleneck"]["name"], "server");
  }
  const auto& capacity = report["capacity"];
  EXPECT_EQ(capacity["latency_statistic"], "mean");
  EXPECT_DOUBLE_EQ(capacity["latency_target_s"].get<double>(), 0.006);
  const auto& line = capacity["saturation"]["lines"][0];
  EXPECT_EQ(line["rate"], 800);
  EXPECT_EQ(line["beyond_grid"], false);
  EXPECT_EQ(capacity["saturation"]["scenario_rate"], 900);  // mm1.json's own rate
  EXPECT_NEAR(line["headroom"].get<double>(), 800.0 / 900.0, 1e-12);
  EXPECT_EQ(capacity["points"][7]["meets_targets"], true);
  EXPECT_EQ(capacity["points"][8]["meets_targets"], false);
}

TEST(SweepCli, FindsTheSaturationPointOfMmcThatErlangCPredicts) {
  // mmc.json's four servers with a 10 ms mean service: by Erlang C the mean response is
  // 13.57 ms at 280/s and 15.09 ms at 300/s, so with a 14 ms target the saturation point of the
  // grid is 280/s. Each point's mean response is within 4% of Erlang C (over seeds 1-3 the
  // largest deviation was 1.5%, at 340/s where utilization is 85%).
  const auto report = run_json(
      {"sweep", "scenarios/mmc.json", "--set", "/components/servers/service/mean=\"10ms\"",
       "--vary", "/workload/arrivals/rate=200:340:8", "--duration", "1200s", "--warmup", "10s",
       "--latency-target", "14ms", "--latency-percentile", "mean", "--threads", "2"});
  ASSERT_EQ(report["points"].size(), 8u);
  for (int i = 0; i < 8; ++i) {
    const double rate = 200.0 + 20.0 * i;
    const double theory = mmc_response(4, rate, 0.010);
    EXPECT_NEAR(report["points"][i]["summary"]["latency_s"]["mean"].get<double>(), theory,
                0.04 * theory)
        << "rate " << rate;
  }
  const auto& line = report["capacity"]["saturation"]["lines"][0];
  EXPECT_EQ(line["rate"], 280);
  EXPECT_EQ(line["beyond_grid"], false);
}

TEST(SweepCli, ThreadCountDoesNotChangeTheReport) {
  auto with_threads = [](const std::string& threads) {
    const auto result = run_stacksim(
        {"sweep", "scenarios/mm1.json", "--vary", "/workload/arrivals/rate=300:900:4", "--vary",
         "/components/server/servers=1,2", "--duration", "60s", "--replications", "2",
         "--latency-target", "20ms", "--threads", threads, "--json", "-"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.out;
  };
  const std::string serial = with_threads("1");
  EXPECT_EQ(serial, with_threads("4"));
  const auto report = nlohmann::json::parse(serial);
  EXPECT_EQ(report["replications"], 2);
  ASSERT_EQ(report["points"].size(), 8u);
  // Grid order: the first --vary outermost.
  EXPECT_EQ(report["points"][1]["set"].dump(),
            R"({"/components/server/servers":2,"/workload/arrivals/rate":300})");
  EXPECT_EQ(report["points"][2]["set"]["/workload/arrivals/rate"], 500);
}

TEST(SweepCli, APointIsTheRunOfThatPoint) {
  const std::vector<std::string> common = {
      "--duration",     "60s", "--warmup", "5s",
      "--replications", "2",   "--set",    "/components/server/service/mean=\"1.1ms\""};
  std::vector<std::string> sweep = {
      "sweep", "scenarios/mm1.json", "--vary", "/workload/arrivals/rate=300,700", "--threads", "3"};
  sweep.insert(sweep.end(), common.begin(), common.end());
  const auto swept = run_json(sweep);
  ASSERT_EQ(swept["points"].size(), 2u);

  std::vector<std::string> run = common;
  run.insert(run.end(), {"--set", "/workload/arrivals/rate=700"});
  const auto alone = run_report("scenarios/mm1.json", run);
  EXPECT_EQ(swept["points"][1]["summary"], alone["summary"]);
  EXPECT_EQ(swept["points"][1]["components"], alone["components"]);
  EXPECT_EQ(swept["points"][1]["bottleneck"], alone["bottleneck"]);
  EXPECT_EQ(swept["scenario"]["sha256"], alone["scenario"]["sha256"]);
  EXPECT_NE(swept["points"][0]["summary"], alone["summary"]);
}

TEST(SweepCli, PrintsTheCapacityTableAndWritesTheCsv) {
  const TempDir dir;
  const std::string csv = (dir / "sweep.csv").string();
  const auto result =
      run_stacksim({"sweep", "scenarios/mm1.json", "--vary", "/workload/arrivals/rate=200,400,600",
                    "--duration", "60s", "--latency-target", "20ms", "--csv", csv});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  // Narrow, the axis is headed by its pointer's last step and a line says which it is.
  EXPECT_NE(result.out.find("(rate = /workload/arrivals/rate)\nrate  req/s"), std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("Saturation /workload/arrivals/rate \u2265 600"), std::string::npos)
      << result.out;
  const std::string text = read_file(csv);
  EXPECT_EQ(text.rfind("/workload/arrivals/rate,offered,completed,failed,availability,", 0), 0u);
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 4);  // header + 3 points
  EXPECT_NE(text.find("\n400,"), std::string::npos);

  const auto quiet = run_stacksim({"sweep", "scenarios/mm1.json", "--vary",
                                   "/workload/arrivals/rate=200", "--duration", "10s", "--quiet"});
  EXPECT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_TRUE(quiet.out.empty());
}

TEST(SweepCli, CsvHasComponentsCausesAndIntervals) {
  const TempDir dir;
  const std::string csv = (dir / "sweep.csv").string();
  const auto result =
      run_stacksim({"sweep", "scenarios/erlang-b.json", "--vary", "/workload/arrivals/rate=60,80",
                    "--duration", "2m", "--replications", "2", "--quiet", "--csv", csv});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::string text = read_file(csv);
  const std::string header = text.substr(0, text.find('\n'));
  EXPECT_NE(header.find(",bottleneck_utilization,utilization_"), std::string::npos) << header;
  // M/M/10/10 turns arrivals away when every server is busy: the cause has its column.
  EXPECT_NE(header.find(",failed_"), std::string::npos) << header;
  EXPECT_NE(header.find(",availability_low,availability_high,throughput_rps_low,"),
            std::string::npos)
      << header;
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 3);  // header + 2 points
  // One replication: no interval columns.
  const auto single =
      run_stacksim({"sweep", "scenarios/erlang-b.json", "--vary", "/workload/arrivals/rate=60",
                    "--duration", "1m", "--quiet", "--csv", csv});
  ASSERT_EQ(single.exit_code, 0) << single.err;
  EXPECT_EQ(read_file(csv).find("_low"), std::string::npos);
}

TEST(SweepCli, VerticalScalingFitsTheUniversalScalabilityLaw) {
  const auto report =
      run_json({"sweep", "scenarios/vertical-vs-horizontal.json", "--vary",
                "/hosts/server1/cores=2,4,8,16", "--duration", "3m", "--threads", "4"});
  ASSERT_EQ(report["points"].size(), 4u);
  double previous = 0;
  for (const auto& point : report["points"]) {
    const double throughput = point["summary"]["throughput_rps"].get<double>();
    EXPECT_GT(throughput, previous);
    previous = throughput;
  }
  const auto& scaling = report["capacity"]["scaling"];
  EXPECT_EQ(scaling["pointer"], "/hosts/server1/cores");
  const auto& usl = scaling["lines"][0]["usl"];
  ASSERT_TRUE(usl.is_object()) << scaling.dump(2);
  EXPECT_GT(usl["r_squared"].get<double>(), 0.98);
  EXPECT_GE(usl["sigma"].get<double>(), 0.0);
  EXPECT_GE(usl["kappa"].get<double>(), 0.0);
  // 40 ms of CPU per request: 25 requests/s per core. Past 333/s more cores stop paying, so the
  // crosstalk term is positive (over seeds 1-8: lambda 25.8 to 26.4, kappa 0.00098 to 0.00114).
  EXPECT_NEAR(usl["lambda"].get<double>(), 25.0, 2.5);
  EXPECT_GT(usl["kappa"].get<double>(), 0.0);
  // The 3 ms lock caps the throughput at 333/s; 16 cores (400/s of CPU) reach it.
  EXPECT_NEAR(previous, 333.0, 15.0);
  EXPECT_TRUE(report["capacity"]["points"][3].contains("usl_throughput_rps"));
}

TEST(SweepCli, HorizontalScalingCountsInstancesAndFitsTheUsl) {
  // The same 2-core box repeated 1, 2, 4 and 8 times: about 50 requests/s per box (40 ms of CPU
  // per request on 2 cores) until the 3 ms serial section caps the stack at 333/s.
  const auto report = run_json(
      {"sweep", "scenarios/vertical-vs-horizontal.json", "--set", "/hosts/server1/cores=2",
       "--vary",
       "/components/app/hosts=[\"server1\"],[\"server1\",\"server2\"],[\"server1\",\"server2\","
       "\"server3\",\"server4\"],[\"server1\",\"server2\",\"server3\",\"server4\",\"server5\","
       "\"server6\",\"server7\",\"server8\"]",
       "--duration", "3m", "--threads", "2"});
  ASSERT_EQ(report["points"].size(), 4u);
  const double instances[] = {1, 2, 4, 8};
  for (int i = 0; i < 3; ++i) {
    EXPECT_NEAR(report["points"][i]["summary"]["throughput_rps"].get<double>(), 50.0 * instances[i],
                0.05 * 50.0 * instances[i]);
  }
  EXPECT_NEAR(report["points"][3]["summary"]["throughput_rps"].get<double>(), 333.0, 15.0);
  EXPECT_EQ(report["points"][3]["bottleneck"]["name"], "db");  // the serial section binds
  const auto& scaling = report["capacity"]["scaling"];
  EXPECT_EQ(scaling["pointer"], "/components/app/hosts");
  const auto& usl = scaling["lines"][0]["usl"];
  ASSERT_TRUE(usl.is_object()) << scaling.dump(2);
  EXPECT_GT(usl["r_squared"].get<double>(), 0.98);
  EXPECT_NEAR(usl["lambda"].get<double>(), 50.0, 5.0);  // one instance's throughput
  EXPECT_GT(usl["kappa"].get<double>(), 0.0);           // past the cap, more boxes stop paying
}

TEST(SweepCli, ReadsATraceFromTheScenarioDirectoryAsRunDoes) {
  // The scenario names its trace relative to itself; stacksim runs from the source directory.
  const TempDir temp;
  const std::string dir = temp.path().string();
  fs::create_directories(dir + "/sub");
  std::ofstream(dir + "/sub/arrivals.csv") << "arrival_s\n0.1\n0.2\n0.5\n1.0\n1.5\n";
  std::ofstream(dir + "/sub/trace.json") << R"({
    "name": "trace",
    "duration": "2s",
    "components": { "server": { "kind": "station", "service": "1ms" } },
    "workload": {
      "arrivals": { "process": "trace", "file": "arrivals.csv" },
      "mix": [ { "name": "job", "path": ["server"] } ]
    }
  })";
  const std::string scenario = dir + "/sub/trace.json";
  EXPECT_EQ(run_stacksim({"validate", scenario}).exit_code, 0);
  const auto report = run_json({"sweep", scenario, "--vary", "/seed=1,2"});
  ASSERT_EQ(report["points"].size(), 2u);
  for (const auto& point : report["points"]) EXPECT_EQ(point["summary"]["offered"], 5);
  EXPECT_EQ(run_report(scenario)["summary"]["offered"], 5);
}

TEST(SweepCli, BadVaryExits64) {
  const std::string mm1 = "scenarios/mm1.json";
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"sweep", mm1},                                                 // no --vary
           {"sweep", mm1, "--vary", "/workload/arrivals/rate"},            // no '='
           {"sweep", mm1, "--vary", "workload/arrivals/rate=1:2:3"},       // not a pointer
           {"sweep", mm1, "--vary", "/workload/arrivals/rate=100:900"},    // bad range
           {"sweep", mm1, "--vary", "/workload/arrivals/rate=abc:900:3"},  // bad FROM
           {"sweep", mm1, "--vary", "/workload/arrivals/rate=100:900:0"},  // STEPS 0
           {"sweep", mm1, "--vary", "/workload/arrivals/rate=1,2", "--vary",
            "/workload/arrivals/rate=3"},  // twice
           {"sweep", mm1, "--vary", "/workload/arrivals/rate=1", "--latency-target", "fast"},
           {"sweep", mm1, "--vary", "/seed=1:3:3", "--seed", "4"},  // --seed would win
           {"sweep", mm1, "--vary", "/workload/arrivals/rate=1", "--latency-percentile", "p90"},
       }) {
    const auto result = run_stacksim(args);
    EXPECT_EQ(result.exit_code, 64) << args.back() << "\n" << result.err;
    EXPECT_TRUE(result.out.empty()) << args.back();
  }
  const auto result = run_stacksim({"sweep", mm1, "--vary", "/workload/arrivals/rate=100:900:0"});
  EXPECT_NE(result.err.find("STEPS"), std::string::npos) << result.err;
}

TEST(SweepCli, InvalidPointExits65NamingThePointerAndWritesNothing) {
  const TempDir dir;
  const std::string json = (dir / "sweep.json").string();
  const auto result = run_stacksim(
      {"sweep", "scenarios/mm1.json", "--vary", "/workload/arrivals/rate=100,-5", "--json", json});
  EXPECT_EQ(result.exit_code, 65);
  EXPECT_NE(result.err.find("/workload/arrivals/rate=-5"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("scenarios/mm1.json: /workload/arrivals/rate:"), std::string::npos)
      << result.err;
  EXPECT_EQ(result.err.find("rate=100 "), std::string::npos) << result.err;  // 100 is valid
  EXPECT_FALSE(fs::exists(json));
  EXPECT_TRUE(result.out.empty());

  EXPECT_EQ(run_stacksim({"sweep", "scenarios/no-such-file.json", "--vary", "/seed=1"}).exit_code,
            66);
}

}  // namespace
}  // namespace stacksim::testing
