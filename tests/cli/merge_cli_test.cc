// Sharded sweeps and runs (`--shard I/N`) and `stacksim merge`, through the real command line:
// the merged report is byte for byte the unsharded command's, however the work was split and
// however many threads each shard used, and bad sets of parts are refused with the documented
// exit codes and messages that name what is wrong.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "tests/support/files.h"
#include "tests/support/stacksim_process.h"

namespace stacksim::testing {
namespace {

using Args = std::vector<std::string>;

Args concat(Args a, const Args& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// Runs `COMMAND ARGS... --shard i/N --json DIR/part-i.json` for every i; returns the parts.
std::vector<std::string> run_shards(const TempDir& dir, const std::string& command,
                                    const Args& args, int shards, const std::string& threads) {
  std::vector<std::string> parts;
  for (int i = 1; i <= shards; ++i) {
    const std::string part = (dir / ("part-" + std::to_string(i) + ".json")).string();
    const auto result = run_stacksim(
        concat({command}, concat(args, {"--shard", std::to_string(i) + "/" + std::to_string(shards),
                                        "--threads", threads, "--json", part})));
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("shard " + std::to_string(i) + "/"), std::string::npos) << result.out;
    parts.push_back(part);
  }
  return parts;
}

struct Outputs {
  std::string json;
  std::string csv;
  std::string html;
  std::string text;
};

// `COMMAND ARGS... --json F --csv G --html H` (with the text report), read back.
Outputs outputs_of(const TempDir& dir, const Args& command) {
  const std::string json = (dir / "out.json").string();
  const std::string csv = (dir / "out.csv").string();
  const std::string html = (dir / "out.html").string();
  const auto result = run_stacksim(concat(command, {"--json", json, "--csv", csv, "--html", html}));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  Outputs outputs{read_file(json), read_file(csv), read_file(html), result.out};
  std::filesystem::remove(json);
  std::filesystem::remove(csv);
  std::filesystem::remove(html);
  return outputs;
}

// The text report without its wall time (" · 1.2 s wall" or " · 830ms wall").
std::string without_wall(std::string text) {
  const auto wall = text.find(" wall");
  if (wall == std::string::npos) return text;
  const auto start = text.rfind(" \u00b7 ", wall);
  return text.erase(start, wall + 5 - start);
}

// Merging the N shards of `args` gives the unsharded command's JSON, CSV and text.
void expect_merge_equals_whole(const std::string& command, const Args& args, int shards,
                               const std::string& shard_threads = "1") {
  SCOPED_TRACE(command + " in " + std::to_string(shards) + " shards");
  const TempDir dir;
  const auto parts = run_shards(dir, command, args, shards, shard_threads);
  const Outputs merged = outputs_of(dir, concat({"merge"}, parts));
  const Outputs whole = outputs_of(dir, concat({command}, args));
  ASSERT_FALSE(whole.json.empty());
  EXPECT_EQ(merged.json, whole.json);
  EXPECT_EQ(merged.csv, whole.csv);
  EXPECT_NE(whole.html.find("<svg"), std::string::npos);
  EXPECT_EQ(merged.html, whole.html);
  EXPECT_EQ(without_wall(merged.text), without_wall(whole.text));
}

// 6 points x 2 replications of M/M/1 across its saturation, with a latency target.
const Args kRateSweep = {"scenarios/mm1.json",
                         "--vary",
                         "/workload/arrivals/rate=400:900:6",
                         "--replications",
                         "2",
                         "--duration",
                         "60s",
                         "--warmup",
                         "5s",
                         "--latency-target",
                         "5ms",
                         "--latency-percentile",
                         "mean"};

TEST(MergeCli, OnePointPerShardGivesTheWholeSweep) {
  expect_merge_equals_whole("sweep", kRateSweep, 6);
}

TEST(MergeCli, TwoPointsPerShardGiveTheWholeSweep) {
  expect_merge_equals_whole("sweep", kRateSweep, 3);
}

TEST(MergeCli, ManyPointsPerShardWithTwoThreadsGiveTheWholeSweep) {
  // The shards run on 2 threads, the unsharded sweep on 1.
  expect_merge_equals_whole("sweep", kRateSweep, 2, "2");
}

TEST(MergeCli, ReplicationsSplitAcrossShardsGiveTheWholeSweep) {
  // 2 x 2 points x 3 replications in 5 shards: the replications of each point are spread over
  // shards, and the latency histograms, means and intervals are merged across them.
  const Args args = {"scenarios/mm1.json",
                     "--vary",
                     "/workload/arrivals/rate=500,850",
                     "--vary",
                     "/components/server/servers=1,2",
                     "--replications",
                     "3",
                     "--duration",
                     "60s",
                     "--warmup",
                     "5s"};
  expect_merge_equals_whole("sweep", args, 5);
}

TEST(MergeCli, ScalingSweepKeepsTheUslFit) {
  const Args args = {"scenarios/vertical-vs-horizontal.json", "--vary",
                     "/hosts/server1/cores=2,4,8,16", "--duration", "60s"};
  expect_merge_equals_whole("sweep", args, 3, "2");
}

TEST(MergeCli, ShardedReplicationsOfARunGiveTheWholeRun) {
  // Host crashes every day or so: downtime windows, the availability cross-check with its
  // interval over the replications, and the time series.
  const Args args = {
      "scenarios/spof-host-failure.json", "--replications", "5", "--duration", "3d", "--set",
      "/faults/0/mtbf/mean=\"1d\""};
  expect_merge_equals_whole("run", args, 3, "2");
  expect_merge_equals_whole("run", args, 5);
  const auto report = run_json(concat({"run"}, args));
  EXPECT_GT(report["downtime"].size(), 2u);  // the case is not trivial
}

TEST(MergeCli, PartialReportsRecordTheExperiment) {
  const TempDir dir;
  const auto parts = run_shards(dir, "sweep", kRateSweep, 4, "1");
  const auto part = nlohmann::json::parse(read_file(parts[1]));
  EXPECT_EQ(part["stacksim_partial_report"], 1);
  EXPECT_EQ(part["kind"], "sweep");
  EXPECT_EQ(part["shard"]["index"], 2);
  EXPECT_EQ(part["shard"]["count"], 4);
  EXPECT_EQ(part["grid"].size(), 6u);
  EXPECT_EQ(part["grid"][5]["/workload/arrivals/rate"], 900);
  EXPECT_EQ(part["replications"], 2);
  EXPECT_EQ(part["options"]["latency_target"], "5ms");
  const auto run = run_report("scenarios/mm1.json", {"--duration", "1s"});
  EXPECT_EQ(part["scenario"]["sha256"], run["scenario"]["sha256"]);
  // Points 2 and 6 (indices 1 and 5), both replications of each, with the scenario's seed.
  ASSERT_EQ(part["tasks"].size(), 4u);
  EXPECT_EQ(part["tasks"][0]["point"], 1);
  EXPECT_EQ(part["tasks"][1]["replication"], 1);
  EXPECT_EQ(part["tasks"][3]["point"], 5);
  EXPECT_EQ(part["tasks"][0]["seed"], run["seed"]);
  EXPECT_GT(part["tasks"][0]["result"]["latency_ns"]["buckets"].size(), 10u);
}

TEST(MergeCli, RefusesMissingDuplicateAndMismatchedParts) {
  const TempDir dir;
  const auto parts = run_shards(dir, "sweep", kRateSweep, 3, "1");

  const auto missing = run_stacksim({"merge", parts[0], parts[2], "--json", "-"});
  EXPECT_EQ(missing.exit_code, 65);
  EXPECT_NE(missing.err.find("missing shard 2/3"), std::string::npos) << missing.err;
  EXPECT_TRUE(missing.out.empty());

  const auto twice = run_stacksim({"merge", parts[0], parts[1], parts[2], parts[1]});
  EXPECT_EQ(twice.exit_code, 65);
  EXPECT_NE(twice.err.find("shard 2/3 is given twice: " + parts[1] + " and " + parts[1]),
            std::string::npos)
      << twice.err;

  // The same grid, another --set: different options.
  const std::string other = (dir / "other.json").string();
  auto result =
      run_stacksim(concat({"sweep"}, concat(kRateSweep, {"--set", "/components/server/servers=2",
                                                         "--shard", "2/3", "--json", other})));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  result = run_stacksim({"merge", parts[0], other, parts[2]});
  EXPECT_EQ(result.exit_code, 65);
  EXPECT_NE(result.err.find(other + " and " + parts[0] + " come from different options"),
            std::string::npos)
      << result.err;

  // Another scenario file.
  Args mmc = kRateSweep;
  mmc[0] = "scenarios/mmc.json";
  result = run_stacksim(concat({"sweep"}, concat(mmc, {"--shard", "2/3", "--json", other})));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  result = run_stacksim({"merge", parts[0], other, parts[2]});
  EXPECT_EQ(result.exit_code, 65);
  EXPECT_NE(result.err.find("come from different scenarios: scenarios/mmc.json (sha256 "),
            std::string::npos)
      << result.err;

  // Shards of a split into 2 with shards of a split into 3.
  result = run_stacksim(concat({"sweep"}, concat(kRateSweep, {"--shard", "2/2", "--json", other})));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  result = run_stacksim({"merge", parts[0], other});
  EXPECT_EQ(result.exit_code, 65);
  EXPECT_NE(result.err.find("into 2 and 3 shards"), std::string::npos) << result.err;
}

TEST(MergeCli, RefusesUnreadableAndForeignFiles) {
  const TempDir dir;
  const auto parts = run_shards(
      dir, "run", {"scenarios/mm1.json", "--duration", "10s", "--replications", "2"}, 2, "1");
  const std::string absent = (dir / "absent.json").string();
  auto result = run_stacksim({"merge", parts[0], absent, parts[1]});
  EXPECT_EQ(result.exit_code, 66);
  EXPECT_NE(result.err.find(absent + ": cannot read the file"), std::string::npos) << result.err;

  // A run report is not a partial report; nor is a truncated partial report.
  const std::string report = (dir / "report.json").string();
  ASSERT_EQ(
      run_stacksim({"run", "scenarios/mm1.json", "--duration", "1s", "--json", report}).exit_code,
      0);
  result = run_stacksim({"merge", parts[0], report});
  EXPECT_EQ(result.exit_code, 65);
  EXPECT_NE(result.err.find(report + ": not a stacksim partial report"), std::string::npos)
      << result.err;
  const std::string cut = (dir / "cut.json").string();
  const std::string whole = read_file(parts[1]);
  std::ofstream(cut) << whole.substr(0, whole.size() / 2);
  result = run_stacksim({"merge", parts[0], cut});
  EXPECT_EQ(result.exit_code, 65);
  EXPECT_NE(result.err.find(cut + ": not JSON"), std::string::npos) << result.err;
  // A part whose results lack a key.
  auto damaged = nlohmann::json::parse(whole);
  damaged["tasks"][0]["result"]["components"][0].erase("visits");
  std::ofstream(cut, std::ios::trunc) << damaged.dump();
  result = run_stacksim({"merge", parts[0], cut});
  EXPECT_EQ(result.exit_code, 65);
  EXPECT_NE(result.err.find(cut + ": /tasks/0/result/components/0/visits: missing"),
            std::string::npos)
      << result.err;
}

TEST(MergeCli, AllowPartialMergesWhatIsThereAndSaysWhatIsMissing) {
  const TempDir dir;
  const auto parts = run_shards(dir, "sweep", kRateSweep, 3, "1");
  const auto result = run_stacksim({"merge", parts[0], parts[2], "--allow-partial", "--json", "-"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("merged without shard 2/3"), std::string::npos) << result.err;
  const auto report = nlohmann::json::parse(result.out);
  EXPECT_EQ(report["missing"], nlohmann::json::array({"shard 2/3"}));
  // Shard 2/3 held points 2 and 5 (rates 500 and 800).
  ASSERT_EQ(report["points"].size(), 4u);
  EXPECT_EQ(report["points"][1]["set"]["/workload/arrivals/rate"], 600);
  const auto whole = run_json(concat({"sweep"}, kRateSweep));
  EXPECT_EQ(report["points"][1], whole["points"][2]);
  EXPECT_FALSE(whole.contains("missing"));
}

TEST(MergeCli, ShardOptionErrors) {
  auto result =
      run_stacksim(concat({"sweep"}, concat(kRateSweep, {"--shard", "4/3", "--json", "x"})));
  EXPECT_EQ(result.exit_code, 64);
  EXPECT_NE(result.err.find("--shard 4/3: expected I/N"), std::string::npos) << result.err;
  result = run_stacksim(concat({"sweep"}, concat(kRateSweep, {"--shard", "1/3"})));
  EXPECT_EQ(result.exit_code, 64);
  EXPECT_NE(result.err.find("give --json FILE"), std::string::npos) << result.err;
  result = run_stacksim(
      {"run", "scenarios/mm1.json", "--shard", "1/2", "--json", "p.json", "--csv", "p.csv"});
  EXPECT_EQ(result.exit_code, 64);
  EXPECT_EQ(run_stacksim({"merge"}).exit_code, 64);
}

}  // namespace
}  // namespace stacksim::testing
