// Arrivals beyond a constant rate: rate profiles of poisson arrivals, replayed traces, and the
// `writes` flag of request classes.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "scenario/loader.h"
#include "test_support.h"
#include "tests/support/files.h"

namespace stacksim::scenario {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;
using models::WorkloadSpec;
using testing::data_path;
using testing::dump;
using testing::HasError;
using testing::kH;
using testing::kMs;
using testing::kS;

// The minimal scenario with `arrivals`.
LoadResult with_arrivals(const Json& arrivals) {
  return testing::load_with("/workload/arrivals", arrivals);
}

LoadResult with_profile(const Json& profile) {
  return with_arrivals({{"process", "poisson"}, {"rate", 10}, {"profile", profile}});
}

Json point(const Json& at, double factor) { return {{"at", at}, {"factor", factor}}; }

// --- Rate profiles ------------------------------------------------------------------------------

TEST(RateProfile, AnArrayOfPointsGivesSteps) {
  const auto result = with_profile({point(0, 1), point("8h", 3), point("20h", 0)});
  ASSERT_EQ(result.status, LoadStatus::kOk) << dump(result);
  const auto& profile = result.spec->workload.profile;
  ASSERT_EQ(profile.points.size(), 3u);
  EXPECT_EQ(profile.points[1].at_ns, 8 * kH);
  EXPECT_DOUBLE_EQ(profile.points[1].factor, 3.0);
  EXPECT_DOUBLE_EQ(profile.points[2].factor, 0.0);
  EXPECT_FALSE(profile.linear);
  EXPECT_EQ(profile.repeat_ns, 0);
  EXPECT_DOUBLE_EQ(result.spec->workload.rate_per_s, 10.0);
}

TEST(RateProfile, AnObjectGivesShapeAndRepeat) {
  auto result = with_profile(
      {{"points", {point(0, 0.2), point("12h", 2)}}, {"shape", "linear"}, {"repeat", "24h"}});
  ASSERT_EQ(result.status, LoadStatus::kOk) << dump(result);
  EXPECT_EQ(result.spec->workload.profile.points.size(), 2u);
  EXPECT_TRUE(result.spec->workload.profile.linear);
  EXPECT_EQ(result.spec->workload.profile.repeat_ns, 24 * kH);
  result = with_profile({{"points", Json::array({point(0, 1)})}});
  ASSERT_EQ(result.status, LoadStatus::kOk) << dump(result);
  EXPECT_FALSE(result.spec->workload.profile.linear);  // "step" by default
  EXPECT_EQ(result.spec->workload.profile.repeat_ns, 0);
}

TEST(RateProfile, MustStartAtZero) {
  EXPECT_TRUE(HasError(with_profile({point("1h", 1), point("2h", 2)}),
                       "/workload/arrivals/profile/0", "the first point must be at 0"));
  EXPECT_TRUE(HasError(with_profile({{"points", Json::array({point(1, 1)})}}),
                       "/workload/arrivals/profile/points/0", "the first point must be at 0"));
}

TEST(RateProfile, MustIncreaseStrictly) {
  const auto result = with_profile({point(0, 1), point("2h", 2), point("2h", 3), point("1h", 1)});
  EXPECT_TRUE(HasError(result, "/workload/arrivals/profile/2",
                       "points must be in strictly increasing order of \"at\": this one is not "
                       "later than point 1"));
  EXPECT_TRUE(HasError(result, "/workload/arrivals/profile/3", "not later than point 2"));
}

TEST(RateProfile, RepeatMustOutlastTheLastPoint) {
  EXPECT_TRUE(
      HasError(with_profile({{"points", {point(0, 1), point("24h", 2)}}, {"repeat", "24h"}}),
               "/workload/arrivals/profile/repeat",
               "repeat must be longer than the \"at\" of the last point "
               "(/workload/arrivals/profile/points/1)"));
}

TEST(RateProfile, RejectsBadPointsAndShapes) {
  EXPECT_TRUE(HasError(with_profile(Json::array()), "/workload/arrivals/profile",
                       "expected a non-empty array of points"));
  EXPECT_TRUE(
      HasError(with_profile("daily"), "/workload/arrivals/profile", "expected an array of points"));
  EXPECT_TRUE(HasError(with_profile(Json::array({point(0, -1)})),
                       "/workload/arrivals/profile/0/factor", "expected a non-negative number"));
  EXPECT_TRUE(HasError(with_profile(Json::array({{{"at", 0}}})), "/workload/arrivals/profile/0",
                       "missing required key \"factor\""));
  EXPECT_TRUE(HasError(with_profile({{"points", Json::array({point(0, 1)})}, {"shape", "linaer"}}),
                       "/workload/arrivals/profile/shape",
                       "unknown shape \"linaer\"; did you mean \"linear\"?"));
  EXPECT_TRUE(HasError(with_profile({{"point", Json::array({point(0, 1)})}}),
                       "/workload/arrivals/profile/point", "did you mean \"points\"?"));
}

TEST(RateProfile, BelongsToPoissonArrivalsOnly) {
  const auto result =
      with_arrivals({{"process", "closed"}, {"users", 3}, {"profile", Json::array({point(0, 1)})}});
  EXPECT_TRUE(HasError(result, "/workload/arrivals/profile",
                       "unknown key \"profile\"; valid keys are: process, users, think (a key of "
                       "process poisson, not closed)"));
}

// --- Writes -------------------------------------------------------------------------------------

TEST(RequestClassWrites, DefaultsToFalse) {
  Json doc = Json::parse(testing::kMinimalScenario);
  doc["workload"]["mix"].push_back(
      {{"name", "order"}, {"path", {"web", "app", "db"}}, {"writes", true}});
  const auto result = load_scenario_text(doc.dump(), "t.json");
  ASSERT_EQ(result.status, LoadStatus::kOk) << dump(result);
  EXPECT_FALSE(result.spec->workload.mix[0].writes);
  EXPECT_TRUE(result.spec->workload.mix[1].writes);
  doc["workload"]["mix"][1]["writes"] = "yes";
  EXPECT_TRUE(HasError(load_scenario_text(doc.dump(), "t.json"), "/workload/mix/1/writes",
                       "expected true or false"));
}

// --- Traces -------------------------------------------------------------------------------------

// A trace file in a fresh temporary directory.
class TraceFile : public ::testing::Test {
 protected:
  // Writes `text` to `name` in the directory and returns its path.
  std::string write(const std::string& name, const std::string& text) {
    const fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }

  // The traces live in a temporary directory, outside the current one: allowed explicitly.
  static LoadResult load_trace(const std::string& file) {
    nlohmann::ordered_json doc = nlohmann::ordered_json::parse(testing::kMinimalScenario);
    doc["workload"]["arrivals"] = {{"process", "trace"}, {"file", file}};
    return load_scenario_text(doc.dump(2), "t.json", {}, {}, LoadOptions{true});
  }

  const stacksim::testing::TempDir temp_{"stacksim_trace"};
  const fs::path dir_ = temp_.path();
};

TEST(Trace, ReadsTheFileNextToTheScenario) {
  const auto result = load_scenario_file(data_path("good/trace_replay.json"));
  ASSERT_EQ(result.status, LoadStatus::kOk) << dump(result);
  const auto& w = result.spec->workload;
  EXPECT_EQ(w.process, WorkloadSpec::Process::kTrace);
  EXPECT_EQ(w.trace_ns,
            (std::vector<sim::Time>{500 * kMs, 1250 * kMs, 2 * kS, 2 * kS, 3750 * kMs}));
}

TEST_F(TraceFile, TextScenariosFindRelativeTracesFromTheCurrentDirectory) {
  const std::string path = write("t.csv", "0\n1.5\n");
  const auto relative = fs::relative(path, fs::current_path()).string();
  ASSERT_TRUE(fs::path(relative).is_relative());
  const auto result = load_trace(relative);
  ASSERT_EQ(result.status, LoadStatus::kOk) << dump(result);
  EXPECT_EQ(result.spec->workload.trace_ns, (std::vector<sim::Time>{0, 1500 * kMs}));
}

TEST_F(TraceFile, AMissingFileIsReportedWithItsPath) {
  const std::string path = (dir_ / "nope.csv").string();
  const auto result = load_trace(path);
  EXPECT_TRUE(HasError(result, "/workload/arrivals/file",
                       "cannot read trace file \"" + path + "\": No such file or directory"));
  const auto relative = load_scenario_file(data_path("good/trace_replay.json"),
                                           {{"/workload/arrivals/file", "traces/gone.csv"}});
  EXPECT_TRUE(HasError(relative, "/workload/arrivals/file",
                       "cannot read trace file \"" + data_path("good/traces/gone.csv") + "\""));
}

TEST_F(TraceFile, FilesOutsideTheScenarioFolderAreRefusedByDefault) {
  const std::string path = write("t.csv", "0\n1.5\n");
  const auto refused = with_arrivals({{"process", "trace"}, {"file", path}});
  EXPECT_TRUE(HasError(refused, "/workload/arrivals/file",
                       "trace file \"" + path + "\" is outside the scenario's folder"));
  ASSERT_EQ(load_trace(path).status, LoadStatus::kOk);
}

TEST_F(TraceFile, TimesMustNotDecrease) {
  const auto result = load_trace(write("t.csv", "time\n1\n2\n\n1.5\n3\n"));
  ASSERT_EQ(result.errors.size(), 1u) << dump(result);
  EXPECT_EQ(result.errors[0].to_string(),
            "t.json: /workload/arrivals/file: line 5: arrival time 1.5 is before the one on line "
            "3; times must be non-decreasing");
}

TEST_F(TraceFile, ReportsBadLinesByNumber) {
  const auto result = load_trace(write("t.csv", "0\nsoon\n-1\n1e999\n2 3\n"));
  EXPECT_TRUE(HasError(result, "/workload/arrivals/file",
                       "line 2: expected an arrival time in seconds, got \"soon\""));
  EXPECT_TRUE(HasError(result, "/workload/arrivals/file", "line 3: arrival time -1 is negative"));
  EXPECT_TRUE(HasError(result, "/workload/arrivals/file", "line 4: expected an arrival time"));
  EXPECT_TRUE(HasError(result, "/workload/arrivals/file", "line 5: expected an arrival time"));
}

TEST_F(TraceFile, StopsListingAfterAFewBadLines) {
  std::string text;
  for (int i = 0; i < 20; ++i) text += "x\n";
  const auto result = load_trace(write("t.csv", "0\n" + text));
  EXPECT_EQ(result.errors.size(), 6u) << dump(result);
  EXPECT_TRUE(HasError(result, "/workload/arrivals/file", "and 15 more lines with problems"));
}

TEST_F(TraceFile, AnEmptyTraceIsAnError) {
  EXPECT_TRUE(HasError(load_trace(write("t.csv", "# nothing\ntime\n\n")), "/workload/arrivals/file",
                       "the trace holds no arrival times"));
}

TEST_F(TraceFile, NeedsAFileAndNoOtherKeys) {
  EXPECT_TRUE(HasError(with_arrivals({{"process", "trace"}}), "/workload/arrivals",
                       "missing required key \"file\""));
  const auto result =
      with_arrivals({{"process", "trace"}, {"file", write("t.csv", "1\n")}, {"rate", 5}});
  EXPECT_TRUE(HasError(result, "/workload/arrivals/rate", "(a key of process poisson, not trace)"));
  EXPECT_TRUE(HasError(with_arrivals({{"process", "trac"}}), "/workload/arrivals/process",
                       "unknown arrival process \"trac\"; did you mean \"trace\"?"));
}

TEST_F(TraceFile, RandomEditsNeverThrow) {
  const std::string good = "arrival_s\n0.1\n0.2\n0.35,x\n# c\n1\n2.5\n2.5\n";
  std::mt19937 rng(7);
  const std::string alphabet = "0123456789.,-#e \n\r\tx";
  for (int i = 0; i < 300; ++i) {
    std::string text = good;
    for (int e = 0; e < 3; ++e) text[rng() % text.size()] = alphabet[rng() % alphabet.size()];
    LoadResult result;
    ASSERT_NO_THROW(result = load_trace(write("t.csv", text)));
    EXPECT_EQ(result.status == LoadStatus::kOk, result.errors.empty()) << text;
    if (result.status == LoadStatus::kOk) {
      const auto& times = result.spec->workload.trace_ns;
      EXPECT_TRUE(std::is_sorted(times.begin(), times.end())) << text;
    }
  }
}

}  // namespace
}  // namespace stacksim::scenario
