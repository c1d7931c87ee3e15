// lab.json and a submission loaded under a lab's conditions: what the lab imposes, what the
// student keeps, and the errors with their pointers.
#include "scenario/lab_loader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/support/files.h"

namespace stacksim::scenario {
namespace {

namespace fs = std::filesystem;
using stacksim::testing::TempDir;

void write(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

constexpr const char* kLab = R"({
  "id": "t", "title": "a test lab", "replications": 2,
  "conditions": {
    "seed": 7, "duration": "1m", "warmup": "0s",
    "set": { "/workload/arrivals": {"process": "poisson", "rate": 50}, "/network/rtt": "10ms" },
    "faults": [ {"kind": "crash", "target": "primary of db", "at": "10s", "duration": "5s"} ],
    "faults_on_every_host": [ {"kind": "crash", "mtbf": "1h", "mttr": "1m"} ],
    "mix": [ {"name": "page", "weight": 2, "needs": ["web", "db"]} ],
    "student_may_set": ["/faults/0/duration"]
  },
  "prices": {"core": 10},
  "goals": [
    {"name": "fast", "metric": "latency_p99", "max": "200ms", "points": 2},
    {"name": "up", "metric": "class_availability", "class": "page", "min": 0.99}
  ]
})";

// A student's design: two hosts, the db on both with its primary on b, its own faults, load
// and seed (all overridden), and a mix weight the lab replaces.
constexpr const char* kSubmission = R"({
  "name": "s", "seed": 99, "duration": "1h",
  "hosts": {"a": {"cores": 2}, "b": {"cores": 2}},
  "components": {
    "web": {"kind": "web", "host": "a"},
    "db": {"kind": "db", "hosts": ["a", "b"], "primary": "b", "failover": "1s"}
  },
  "workload": {"arrivals": {"process": "poisson", "rate": 1},
               "mix": [{"name": "page", "weight": 9, "path": ["web", "db"]}]},
  "faults": [{"kind": "crash", "target": "a", "at": "1s", "duration": "42s"}]
})";

TEST(LabLoader, ReadsTheRulesAndTheGoals) {
  const TempDir dir;
  write(dir / "lab.json", kLab);
  const auto loaded = load_lab_file((dir / "lab.json").string());
  ASSERT_TRUE(loaded.lab) << (loaded.errors.empty() ? "" : loaded.errors[0].to_string());
  const auto& spec = loaded.lab->spec;
  EXPECT_EQ(spec.id, "t");
  EXPECT_EQ(spec.replications, 2);
  EXPECT_DOUBLE_EQ(spec.prices.core_per_month, 10.0);
  EXPECT_DOUBLE_EQ(spec.prices.memory_gib_per_month, models::kDefaultMemoryGibPerMonth);
  ASSERT_EQ(spec.goals.size(), 2u);
  EXPECT_EQ(spec.goals[0].metric, models::LabMetric::kLatencyP99);
  EXPECT_TRUE(spec.goals[0].at_most);
  EXPECT_DOUBLE_EQ(spec.goals[0].threshold, 0.2);
  EXPECT_DOUBLE_EQ(spec.goals[0].points, 2.0);
  EXPECT_EQ(spec.goals[1].request_class, "page");
  EXPECT_FALSE(spec.goals[1].at_most);
}

TEST(LabLoader, ImposesTheLabsConditionsOverTheStudents) {
  const TempDir dir;
  write(dir / "lab.json", kLab);
  write(dir / "s.json", kSubmission);
  const auto lab = load_lab_file((dir / "lab.json").string());
  ASSERT_TRUE(lab.lab);
  const auto loaded = load_lab_submission((dir / "s.json").string(), *lab.lab);
  ASSERT_TRUE(loaded.spec) << loaded.errors[0].to_string();
  const auto& spec = *loaded.spec;
  EXPECT_EQ(spec.seed, 7u);
  EXPECT_EQ(spec.duration_ns, 60 * sim::kNanosPerSecond);
  EXPECT_DOUBLE_EQ(spec.workload.rate_per_s, 50.0);
  EXPECT_EQ(spec.network.rtt_ns, 10'000'000);  // "network" was absent: created
  EXPECT_DOUBLE_EQ(spec.workload.mix[0].weight, 2.0);
  // The lab's crash of the primary's host (b), then one crash schedule per declared host; the
  // student's own fault is gone, but the duration the lab lets the student set is theirs.
  ASSERT_EQ(spec.faults.size(), 3u);
  EXPECT_EQ(spec.faults[0].target, "b");
  ASSERT_EQ(spec.faults[0].windows.size(), 1u);
  EXPECT_EQ(spec.faults[0].windows[0].duration_ns, 42 * sim::kNanosPerSecond);
  EXPECT_EQ(spec.faults[1].target, "a");
  EXPECT_EQ(spec.faults[2].target, "b");
}

TEST(LabLoader, NamesWhatMakesASubmissionUnfitForTheLab) {
  const TempDir dir;
  write(dir / "lab.json", kLab);
  std::string text = kSubmission;
  text.replace(text.find(R"("path": ["web", "db"])"), 21, R"("path": ["web"])");
  text.replace(text.find(R"("db": {"kind")"), 4, R"("dbx")");
  write(dir / "s.json", text);
  const auto lab = load_lab_file((dir / "lab.json").string());
  ASSERT_TRUE(lab.lab);
  const auto loaded = load_lab_submission((dir / "s.json").string(), *lab.lab);
  EXPECT_EQ(loaded.status, LoadStatus::kInvalid);
  std::string all;
  for (const auto& e : loaded.errors) all += e.to_string() + "\n";
  EXPECT_NE(all.find("s.json: /workload/mix/0/path: lab t: class \"page\" must pass through web, "
                     "db, in that order"),
            std::string::npos)
      << all;
}

TEST(LabLoader, ReportsBadRulesAtTheirPointers) {
  const TempDir dir;
  std::string text = kLab;
  text.replace(text.find("latency_p99"), 11, "latencyp99");
  text.replace(text.find(R"("min": 0.99)"), 11, R"("min": 1.5)");
  write(dir / "lab.json", text);
  const auto loaded = load_lab_file((dir / "lab.json").string());
  EXPECT_EQ(loaded.status, LoadStatus::kInvalid);
  std::string all;
  for (const auto& e : loaded.errors) all += e.to_string() + "\n";
  EXPECT_NE(all.find("lab.json: /goals/0/metric: unknown metric \"latencyp99\"; did you mean "
                     "\"latency_p99\"?"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("lab.json: /goals/1/min:"), std::string::npos) << all;
}

TEST(LabLoader, RefusesATraceOutsideTheSubmissionsFolder) {
  const TempDir dir;
  write(dir / "lab.json", R"({"id": "t", "title": "t", "conditions": {"seed": 1,
    "duration": "1m", "warmup": "0s"}, "goals": [{"name": "g", "metric": "failed", "max": 0}]})");
  std::string text = kSubmission;
  text.replace(text.find(R"({"process": "poisson", "rate": 1})"), 33,
               R"({"process": "trace", "file": "../secret.csv"})");
  write(dir / "s.json", text);
  const auto lab = load_lab_file((dir / "lab.json").string());
  ASSERT_TRUE(lab.lab);
  const auto loaded = load_lab_submission((dir / "s.json").string(), *lab.lab);
  EXPECT_EQ(loaded.status, LoadStatus::kInvalid);
  std::string all;
  for (const auto& e : loaded.errors) all += e.to_string() + "\n";
  EXPECT_NE(all.find("/workload/arrivals/file: a lab submission may only read files in its own "
                     "folder"),
            std::string::npos)
      << all;
}

// The maintenance lab's deploy cannot be deleted or softened: the student's file chooses only
// its mode and drain; its time, window, other faults and client retries are the lab's.
TEST(LabLoader, TheMaintenanceLabKeepsItsDeployAndLetsTheStudentChooseHow) {
  const auto lab =
      load_lab_file((fs::path(STACKSIM_SOURCE_DIR) / "labs/maintenance/lab.json").string());
  ASSERT_TRUE(lab.lab) << (lab.errors.empty() ? "" : lab.errors[0].to_string());
  const TempDir dir;
  const std::string design = R"({
    "name": "s",
    "hosts": {"a": {"cores": 2}, "b": {"cores": 2}},
    "components": {"lb": {"kind": "lb"}, "web": {"kind": "web", "hosts": ["a", "b"]}},
    "workload": {"arrivals": {"process": "poisson", "rate": 1}, "client": {"retries": 9},
                 "mix": [{"name": "page", "path": ["lb", "web"]}]},
    "faults": [)";
  write(dir / "soft.json", design + R"(
      {"kind": "maintenance", "target": "lb", "mode": "rolling", "drain": false, "start": "1h",
       "duration": "1ms"},
      {"kind": "crash", "target": "a", "at": "1s", "duration": "1s"}]})");
  const auto soft = load_lab_submission((dir / "soft.json").string(), *lab.lab);
  ASSERT_TRUE(soft.spec) << soft.errors[0].to_string();
  ASSERT_EQ(soft.spec->faults.size(), 1u);
  const models::FaultSpec& deploy = soft.spec->faults[0];
  EXPECT_EQ(deploy.kind, models::FaultSpec::Kind::kMaintenance);
  EXPECT_EQ(deploy.target, "web");
  EXPECT_EQ(deploy.mode, models::FaultSpec::Mode::kRolling);  // the student's choice
  EXPECT_FALSE(deploy.drain);                                 // the student's choice
  EXPECT_EQ(deploy.start_ns, 300 * sim::kNanosPerSecond);
  EXPECT_EQ(deploy.every_ns, 86'400 * sim::kNanosPerSecond);
  EXPECT_EQ(deploy.duration_ns, 30 * sim::kNanosPerSecond);
  EXPECT_EQ(soft.spec->workload.client.max_retries, 0);
  EXPECT_DOUBLE_EQ(soft.spec->workload.rate_per_s, 200.0);

  write(dir / "none.json", design + "]}");  // no deploy at all: the lab's, restarting
  const auto none = load_lab_submission((dir / "none.json").string(), *lab.lab);
  ASSERT_TRUE(none.spec) << none.errors[0].to_string();
  ASSERT_EQ(none.spec->faults.size(), 1u);
  EXPECT_EQ(none.spec->faults[0].mode, models::FaultSpec::Mode::kRestart);
  EXPECT_EQ(none.spec->faults[0].duration_ns, 30 * sim::kNanosPerSecond);
}

}  // namespace
}  // namespace stacksim::scenario
