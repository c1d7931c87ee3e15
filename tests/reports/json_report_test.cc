#include "reports/json_report.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "reports/json_numbers.h"
#include "tests/reports/report_reading.h"
#include "tests/reports/run_result_builder.h"

namespace stacksim::reports {
namespace {

using nlohmann::ordered_json;
using testing::keys_of;
using testing::sample_context;
using testing::sample_run;

constexpr double kT975Df2 = 4.302653;  // Student t, 0.975 quantile, 2 degrees of freedom

TEST(JsonReportTest, OneReplicationHasEveryContractKey) {
  const ordered_json j = json_report(sample_context(100.0), {sample_run()});

  EXPECT_EQ(keys_of(j), (std::vector<std::string>{
                            "schema_version", "tool_version", "scenario", "seed", "duration_s",
                            "warmup_s", "replications", "events", "summary", "components", "hosts",
                            "classes", "bottleneck", "downtime", "downtime_by_target"}));
  EXPECT_EQ(j["schema_version"], 1);
  EXPECT_EQ(j["tool_version"], "0.1.0");
  EXPECT_EQ(j["scenario"]["name"], "foobar-single-server");
  EXPECT_EQ(j["scenario"]["sha256"], std::string(64, 'a'));
  EXPECT_EQ(j["scenario"]["file"], "scenarios/single-server.json");
  EXPECT_EQ(j["seed"], 42);
  EXPECT_EQ(j["duration_s"], 100.0);
  EXPECT_EQ(j["warmup_s"], 300.0);
  EXPECT_EQ(j["replications"], 1);
  EXPECT_FALSE(j.contains("interrupted"));
  EXPECT_FALSE(j.contains("confidence"));
  EXPECT_FALSE(j.contains("wall_seconds"));  // reports are reproducible byte for byte

  const ordered_json& s = j["summary"];
  EXPECT_EQ(keys_of(s),
            (std::vector<std::string>{
                "offered", "completed", "failed", "errors", "availability", "throughput_rps",
                "mean_in_system", "latency_s", "availability_by_time", "nines",
                "downtime_per_year_s", "attempts", "retry_amplification", "first_attempt_success",
                "final_success", "attempt_errors", "failures_by_origin", "lost_writes"}));
  // Counts of a single replication are integers.
  EXPECT_TRUE(s["offered"].is_number_integer());
  EXPECT_TRUE(s["completed"].is_number_integer());
  EXPECT_TRUE(s["failed"].is_number_integer());
  EXPECT_TRUE(s["errors"]["rejected"].is_number_integer());
  EXPECT_EQ(s["offered"], 1010);
  EXPECT_EQ(s["completed"], 1000);
  EXPECT_EQ(s["failed"], 10);
  EXPECT_EQ(s["errors"], (ordered_json{{"dns_failure", 2}, {"rejected", 8}}));
  EXPECT_DOUBLE_EQ(s["availability"].get<double>(), 1000.0 / (1000.0 + 10.0));
  EXPECT_DOUBLE_EQ(s["throughput_rps"].get<double>(), 1000.0 / 100.0);
  EXPECT_DOUBLE_EQ(s["mean_in_system"].get<double>(), 3.25);
  const ordered_json& latency = s["latency_s"];
  EXPECT_EQ(keys_of(latency),
            (std::vector<std::string>{"mean", "p50", "p90", "p95", "p99", "p999", "max"}));
  EXPECT_NEAR(latency["mean"].get<double>(), 0.5005, 1e-12);
  EXPECT_NEAR(latency["p50"].get<double>(), 0.500, 0.500 * 0.01);
  EXPECT_NEAR(latency["p90"].get<double>(), 0.900, 0.900 * 0.01);
  EXPECT_NEAR(latency["p95"].get<double>(), 0.950, 0.950 * 0.01);
  EXPECT_NEAR(latency["p99"].get<double>(), 0.990, 0.990 * 0.01);
  EXPECT_NEAR(latency["p999"].get<double>(), 0.999, 0.999 * 0.01);
  EXPECT_DOUBLE_EQ(latency["max"].get<double>(), 1.0);

  const ordered_json& components = j["components"];
  EXPECT_EQ(keys_of(components), (std::vector<std::string>{"web", "app", "db"}));
  const ordered_json& app = components["app"];
  EXPECT_EQ(keys_of(app),
            (std::vector<std::string>{"kind", "host", "servers", "utilization", "mean_queue_length",
                                      "mean_wait_s", "mean_response_s", "throughput_rps",
                                      "rejected", "availability", "visits"}));
  EXPECT_EQ(app["kind"], "app");
  EXPECT_EQ(app["host"], "server1");
  EXPECT_EQ(app["servers"], 16);
  EXPECT_DOUBLE_EQ(app["utilization"].get<double>(), 0.934);
  EXPECT_DOUBLE_EQ(app["mean_queue_length"].get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(app["mean_wait_s"].get<double>(), 0.002);
  EXPECT_DOUBLE_EQ(app["mean_response_s"].get<double>(), 0.02);
  EXPECT_DOUBLE_EQ(app["throughput_rps"].get<double>(), 20.0);
  EXPECT_TRUE(app["rejected"].is_number_integer());
  EXPECT_EQ(app["rejected"], 2);
  EXPECT_DOUBLE_EQ(app["availability"].get<double>(), 0.998);
  EXPECT_EQ(app["visits"], 2000);

  EXPECT_EQ(j["hosts"], (ordered_json{{"server1",
                                       {{"cores", 4},
                                        {"cpu_utilization", 0.61},
                                        {"mean_cpu_queue_length", 0.41},
                                        {"availability", 1.0}}}}));
  EXPECT_EQ(
      j["classes"],
      (ordered_json{
          {"page",
           {{"offered", 1010}, {"completed", 1000}, {"failed", 10}, {"mean_latency_s", 0.5005}}}}));
  EXPECT_EQ(j["bottleneck"], (ordered_json{{"name", "app"}, {"utilization", 0.934}}));

  // Availability: nothing was down, one attempt per request.
  EXPECT_EQ(s["availability_by_time"], 1.0);
  EXPECT_NEAR(s["nines"].get<double>(), std::log10(101.0), 1e-12);  // 1 - A = 10/1010
  EXPECT_EQ(s["downtime_per_year_s"], 0.0);
  EXPECT_TRUE(s["attempts"].is_number_integer());
  EXPECT_EQ(s["attempts"], 1010);
  EXPECT_EQ(s["retry_amplification"], 1.0);
  EXPECT_DOUBLE_EQ(s["first_attempt_success"].get<double>(), 1000.0 / 1010.0);
  EXPECT_DOUBLE_EQ(s["final_success"].get<double>(), 1000.0 / 1010.0);
  EXPECT_EQ(s["attempt_errors"], (ordered_json{{"dns_failure", 2}, {"rejected", 8}}));
  EXPECT_EQ(s["failures_by_origin"], (ordered_json{{"dns_records", 2}, {"overload", 8}}));
  EXPECT_EQ(j["downtime"], ordered_json::array());
  EXPECT_EQ(j["downtime_by_target"], ordered_json::object());
  EXPECT_FALSE(j.contains("downtime_truncated"));
  EXPECT_FALSE(j.contains("slo"));
  EXPECT_FALSE(j.contains("availability_check"));
}

TEST(JsonReportTest, NinesOfTheRequestAvailability) {
  auto run = sample_run();
  run.completed = 999;
  run.failed = 1;
  EXPECT_NEAR(summary_json({run})["nines"].get<double>(), 3.0, 1e-9);  // 99.9%
  run.completed = 99999;
  EXPECT_NEAR(summary_json({run})["nines"].get<double>(), 5.0, 1e-9);  // 99.999%
  run.failed = 0;
  EXPECT_TRUE(summary_json({run})["nines"].is_null());  // 100%: no finite number of nines
}

TEST(JsonReportTest, DowntimePerYearFollowsTheTimeAvailability) {
  auto run = sample_run();
  run.availability_by_time = 0.999;
  // 0.1% of 365.25 days.
  EXPECT_NEAR(summary_json({run})["downtime_per_year_s"].get<double>(), 31557.6, 1e-6);
  run.availability_by_time = 0.99999;
  EXPECT_NEAR(summary_json({run})["downtime_per_year_s"].get<double>(), 315.576, 1e-6);
}

TEST(JsonReportTest, RetryAmplificationAndSuccessShares) {
  auto run = sample_run();
  run.offered = 1000;
  run.attempts = 1500;
  run.first_attempt_completed = 800;
  run.completed = 950;
  run.failed = 50;
  run.attempt_errors = {{"timeout", 600}, {"component_down", 100}};
  const ordered_json s = summary_json({run});
  EXPECT_EQ(s["attempts"], 1500);
  EXPECT_DOUBLE_EQ(s["retry_amplification"].get<double>(), 1.5);
  EXPECT_DOUBLE_EQ(s["first_attempt_success"].get<double>(), 0.8);
  EXPECT_DOUBLE_EQ(s["final_success"].get<double>(), 0.95);
  EXPECT_EQ(s["attempt_errors"], (ordered_json{{"component_down", 100}, {"timeout", 600}}));
}

TEST(JsonReportTest, ReplicationsAverageTheAvailabilityMetrics) {
  std::vector<models::RunResult> runs(2, sample_run());
  runs[0].availability_by_time = 0.99;
  runs[1].availability_by_time = 0.97;
  runs[0].attempts = 1010;
  runs[1].attempts = 2020;  // amplification 1 and 2
  runs[0].failures_by_origin = {{"crash", 3}};
  runs[1].failures_by_origin = {{"crash", 4}, {"overload", 1}};
  const ordered_json j = json_report(sample_context(100.0), runs);
  const ordered_json& s = j["summary"];
  EXPECT_DOUBLE_EQ(s["availability_by_time"].get<double>(), 0.98);
  EXPECT_DOUBLE_EQ(s["retry_amplification"].get<double>(), 1.5);
  EXPECT_DOUBLE_EQ(s["attempts"].get<double>(), 1515.0);
  EXPECT_EQ(s["failures_by_origin"], (ordered_json{{"crash", 3.5}, {"overload", 0.5}}));
  // Two values a apart: half-width t(0.975, 1) x (a / sqrt 2) / sqrt 2 = 12.7062 x a / 2.
  const ordered_json& c = j["confidence"];
  EXPECT_DOUBLE_EQ(c["availability_by_time"]["mean"].get<double>(), 0.98);
  EXPECT_NEAR(c["availability_by_time"]["half_width"].get<double>(), 12.7062047 * 0.01, 1e-7);
  EXPECT_NEAR(c["retry_amplification"]["half_width"].get<double>(), 12.7062047 * 0.5, 1e-6);
}

TEST(JsonReportTest, DowntimeWindowsOfTheFirstReplicationAndMeanTotals) {
  using testing::window;
  std::vector<models::RunResult> runs(2, sample_run());
  runs[0].downtime = {window("server1", "crash", 10.0, 40.0), window("web", "crash", 10.0, 40.0),
                      window("web", "maintenance", 60.0, 70.0)};
  runs[1].downtime = {window("server1", "crash", 5.0, 15.0), window("web", "crash", 5.0, 15.0)};
  const ordered_json j = json_report(sample_context(100.0), runs);
  ASSERT_EQ(j["downtime"].size(), 3u);
  EXPECT_EQ(j["downtime"][0], (ordered_json{{"target", "server1"},
                                            {"cause", "crash"},
                                            {"start_s", 10.0},
                                            {"end_s", 40.0},
                                            {"duration_s", 30.0}}));
  EXPECT_EQ(j["downtime"][2]["cause"], "maintenance");
  EXPECT_EQ(j["downtime"][2]["duration_s"], 10.0);
  // Means over both replications; the maintenance window happened in one of them only.
  EXPECT_EQ(j["downtime_by_target"],
            (ordered_json{{"server1", {{"crash", 20.0}}},
                          {"web", {{"crash", 20.0}, {"maintenance", 5.0}}}}));
  EXPECT_FALSE(j.contains("downtime_truncated"));
}

TEST(JsonReportTest, TruncatedDowntimeIsFlagged) {
  auto run = sample_run();
  run.downtime.assign(models::kMaxDowntimeWindows, testing::window("web", "crash", 1.0, 2.0));
  const ordered_json j = json_report(sample_context(100.0), {run});
  EXPECT_EQ(j["downtime_truncated"], true);
  EXPECT_EQ(j["downtime"].size(), models::kMaxDowntimeWindows);
}

TEST(JsonReportTest, SloVerdictsAndErrorBudget) {
  auto run = sample_run();  // 1010 offered, 1000 completed, 10 failed, p99 about 0.99 s
  run.failures_by_origin = {
      {"crash", 3}, {"dns_outage", 1}, {"maintenance", 2}, {"overload", 3}, {"slowdown", 1}};
  ReportContext context = sample_context(100.0);
  context.slo = models::SloSpec{};
  context.slo->availability = 0.99;             // 1000/1010 = 0.990099: met
  context.slo->latency_p99_ns = 500'000'000;    // 0.5 s: not met
  context.slo->latency_p50_ns = 1'000'000'000;  // 1 s: met
  const ordered_json j = json_report(context, {run});
  ASSERT_TRUE(j.contains("slo"));
  const ordered_json& slo = j["slo"];
  EXPECT_EQ(slo["met"], false);
  EXPECT_EQ(keys_of(slo["objectives"]),
            (std::vector<std::string>{"availability", "latency_p50_s", "latency_p99_s"}));
  const ordered_json& availability = slo["objectives"]["availability"];
  EXPECT_EQ(availability["target"], 0.99);
  EXPECT_DOUBLE_EQ(availability["measured"].get<double>(), 1000.0 / 1010.0);
  EXPECT_EQ(availability["met"], true);
  EXPECT_EQ(slo["objectives"]["latency_p99_s"]["target"], 0.5);
  EXPECT_NEAR(slo["objectives"]["latency_p99_s"]["measured"].get<double>(), 0.99, 0.01);
  EXPECT_EQ(slo["objectives"]["latency_p99_s"]["met"], false);
  EXPECT_EQ(slo["objectives"]["latency_p50_s"]["met"], true);

  // Budget (1 - 0.99) x 1010 = 10.1 requests; 10 burned.
  const ordered_json& budget = slo["error_budget"];
  EXPECT_EQ(budget["target"], 0.99);
  EXPECT_EQ(budget["offered"], 1010);
  EXPECT_NEAR(budget["budget_requests"].get<double>(), 10.1, 1e-12);
  EXPECT_EQ(budget["burned_requests"], 10);
  EXPECT_NEAR(budget["burned_fraction"].get<double>(), 10.0 / 10.1, 1e-12);
  const ordered_json& by = budget["by_category"];
  EXPECT_EQ(keys_of(by), (std::vector<std::string>{"failures", "maintenance", "overload"}));
  EXPECT_EQ(by["failures"]["requests"], 4);  // crash 3 + dns_outage 1
  EXPECT_NEAR(by["failures"]["budget_fraction"].get<double>(), 4.0 / 10.1, 1e-12);
  EXPECT_EQ(by["maintenance"]["requests"], 2);
  EXPECT_NEAR(by["maintenance"]["budget_fraction"].get<double>(), 2.0 / 10.1, 1e-12);
  EXPECT_EQ(by["overload"]["requests"], 4);  // overload 3 + slowdown 1
  EXPECT_NEAR(by["overload"]["budget_fraction"].get<double>(), 4.0 / 10.1, 1e-12);
}

TEST(JsonReportTest, AvailabilityCheckWithOneAndThreeReplications) {
  findings::AvailabilityPrediction prediction;
  prediction.exact = true;
  prediction.predicted = 0.99;
  prediction.note = "exact: exponential times to failure and to repair";
  ReportContext context = sample_context(100.0);
  context.availability_prediction = prediction;

  auto run = sample_run();
  run.availability_by_time = 0.985;
  const ordered_json one = json_report(context, {run})["availability_check"];
  EXPECT_EQ(one, (ordered_json{{"method", "ctmc"},
                               {"exact", true},
                               {"predicted", 0.99},
                               {"simulated", 0.985},
                               {"ci_low", nullptr},
                               {"ci_high", nullptr},
                               {"within_ci", nullptr},
                               {"note", "exact: exponential times to failure and to repair"}}));

  std::vector<models::RunResult> runs(3, run);
  runs[0].availability_by_time = 0.98;
  runs[1].availability_by_time = 0.99;
  runs[2].availability_by_time = 1.00;  // mean 0.99, s = 0.01
  const ordered_json three = json_report(context, runs)["availability_check"];
  const double half_width = kT975Df2 * 0.01 / std::sqrt(3.0);
  EXPECT_DOUBLE_EQ(three["simulated"].get<double>(), 0.99);
  EXPECT_NEAR(three["ci_low"].get<double>(), 0.99 - half_width, 1e-7);
  EXPECT_NEAR(three["ci_high"].get<double>(), 0.99 + half_width, 1e-7);
  EXPECT_EQ(three["within_ci"], true);

  context.availability_prediction->predicted = 0.9;
  EXPECT_EQ(json_report(context, runs)["availability_check"]["within_ci"], false);
  context.availability_prediction->predicted.reset();  // the solver refused
  const ordered_json unsolved = json_report(context, runs)["availability_check"];
  EXPECT_TRUE(unsolved["predicted"].is_null());
  EXPECT_TRUE(unsolved["within_ci"].is_null());
}

TEST(JsonReportTest, ComponentWithoutHostHasNoHostKey) {
  auto run = sample_run();
  run.components[0].host.clear();
  const ordered_json j = components_json({run});
  EXPECT_FALSE(j["web"].contains("host"));
  EXPECT_TRUE(j["app"].contains("host"));
}

TEST(JsonReportTest, SummaryAndComponentsAreTheReportsOwn) {
  std::vector<models::RunResult> runs(2, sample_run());
  runs[1].completed = 990;
  runs[1].components[1].utilization = 0.5;
  const ordered_json j = json_report(sample_context(100.0), runs);
  EXPECT_EQ(summary_json(runs), j["summary"]);
  EXPECT_EQ(components_json(runs), j["components"]);
  EXPECT_EQ(summary_json(runs).dump(), j["summary"].dump());
  // The same from values computed beforehand.
  EXPECT_EQ(summary_json(findings::summarize(runs)).dump(), j["summary"].dump());
  EXPECT_EQ(components_json(findings::mean_components(runs)).dump(), j["components"].dump());
}

TEST(JsonReportTest, ThreeReplicationsReportMeansAndConfidence) {
  std::vector<models::RunResult> runs(3, sample_run());
  // Completed 900, 1000, 1101; failed 10 each; offered 1010 each; mean in system 3, 4, 8.
  runs[0].completed = 900;
  runs[2].completed = 1101;
  runs[0].mean_in_system = 3.0;
  runs[1].mean_in_system = 4.0;
  runs[2].mean_in_system = 8.0;
  // Latencies: 1..1000 ms, 1..1000 ms, and 1..2000 ms.
  runs[2].latency_ns.reset();
  testing::record_milliseconds(runs[2].latency_ns, 2000);
  runs[2].errors["timeout"] = 1;
  runs[1].components[1].rejected = 3;  // app: 2, 3, 2 -> 7/3
  runs[0].components[1].utilization = 0.90;
  runs[2].components[1].utilization = 0.95;
  runs[1].hosts[0].cpu_utilization = 0.70;

  const ordered_json j = json_report(sample_context(100.0), runs);
  EXPECT_EQ(j["replications"], 3);
  const ordered_json& s = j["summary"];
  EXPECT_EQ(s["offered"], 1010);
  EXPECT_DOUBLE_EQ(s["completed"].get<double>(), 3001.0 / 3.0);
  EXPECT_FALSE(s["completed"].is_number_integer());
  EXPECT_DOUBLE_EQ(s["throughput_rps"].get<double>(), 3001.0 / 3.0 / 100.0);
  const double availability[] = {900.0 / 910.0, 1000.0 / 1010.0, 1101.0 / 1111.0};
  const double availability_mean = (availability[0] + availability[1] + availability[2]) / 3.0;
  EXPECT_DOUBLE_EQ(s["availability"].get<double>(), availability_mean);
  EXPECT_DOUBLE_EQ(s["mean_in_system"].get<double>(), 5.0);
  EXPECT_DOUBLE_EQ(s["errors"]["timeout"].get<double>(), 1.0 / 3.0);
  EXPECT_NEAR(s["latency_s"]["mean"].get<double>(), (0.5005 + 0.5005 + 1.0005) / 3.0, 1e-12);
  EXPECT_NEAR(s["latency_s"]["max"].get<double>(), 4.0 / 3.0, 1e-12);
  EXPECT_NEAR(s["latency_s"]["p99"].get<double>(), (0.99 + 0.99 + 1.98) / 3.0, 0.011);

  EXPECT_DOUBLE_EQ(j["components"]["app"]["rejected"].get<double>(), 7.0 / 3.0);
  EXPECT_DOUBLE_EQ(j["components"]["app"]["utilization"].get<double>(),
                   (0.90 + 0.934 + 0.95) / 3.0);
  EXPECT_DOUBLE_EQ(j["hosts"]["server1"]["cpu_utilization"].get<double>(),
                   (0.61 + 0.70 + 0.61) / 3.0);
  EXPECT_EQ(j["bottleneck"]["name"], "app");

  ASSERT_TRUE(j.contains("confidence"));
  const ordered_json& c = j["confidence"];
  EXPECT_EQ(keys_of(c), (std::vector<std::string>{"offered", "completed", "failed", "availability",
                                                  "throughput_rps", "mean_in_system", "latency_s",
                                                  "availability_by_time", "retry_amplification"}));
  EXPECT_EQ(keys_of(c["latency_s"]),
            (std::vector<std::string>{"mean", "p50", "p90", "p95", "p99", "p999", "max"}));
  EXPECT_EQ(keys_of(c["completed"]),
            (std::vector<std::string>{"mean", "low", "high", "half_width"}));

  // Mean in system 3, 4, 8: mean 5, s = sqrt(7).
  const double in_system_hw = kT975Df2 * std::sqrt(7.0) / std::sqrt(3.0);
  EXPECT_DOUBLE_EQ(c["mean_in_system"]["mean"].get<double>(), 5.0);
  EXPECT_NEAR(c["mean_in_system"]["half_width"].get<double>(), in_system_hw, 1e-5);
  EXPECT_NEAR(c["mean_in_system"]["low"].get<double>(), 5.0 - in_system_hw, 1e-5);
  EXPECT_NEAR(c["mean_in_system"]["high"].get<double>(), 5.0 + in_system_hw, 1e-5);

  // Availability, computed independently.
  double squares = 0.0;
  for (double a : availability) squares += (a - availability_mean) * (a - availability_mean);
  const double availability_hw = kT975Df2 * std::sqrt(squares / 2.0) / std::sqrt(3.0);
  EXPECT_NEAR(c["availability"]["half_width"].get<double>(), availability_hw, 1e-8);
  EXPECT_DOUBLE_EQ(c["availability"]["mean"].get<double>(), availability_mean);

  // Offered is the same in every replication: no width.
  EXPECT_EQ(c["offered"]["half_width"].get<double>(), 0.0);
  EXPECT_EQ(c["offered"]["low"].get<double>(), 1010.0);

  // Max latency 1, 1, 2 s: mean 4/3, s = sqrt(1/3).
  EXPECT_NEAR(c["latency_s"]["max"]["half_width"].get<double>(),
              kT975Df2 * std::sqrt(1.0 / 3.0) / std::sqrt(3.0), 1e-5);
}

TEST(JsonReportTest, InterruptedOnlyWhenARunWas) {
  std::vector<models::RunResult> runs(2, sample_run());
  EXPECT_FALSE(json_report(sample_context(100.0), runs).contains("interrupted"));
  runs[1].interrupted = true;
  runs[1].measured_s = 50.0;
  const ordered_json j = json_report(sample_context(100.0), runs);
  EXPECT_EQ(j["interrupted"], true);
  EXPECT_DOUBLE_EQ(j["measured_s"].get<double>(), 75.0);
}

TEST(JsonReportTest, NoReplicationsStillWellFormed) {
  const ordered_json j = json_report(sample_context(100.0), {});
  EXPECT_EQ(j["replications"], 0);
  EXPECT_EQ(j["summary"]["offered"], 0);
  EXPECT_TRUE(j["components"].is_object());
  EXPECT_TRUE(j["components"].empty());
  EXPECT_TRUE(j["bottleneck"].is_null());
}

TEST(JsonNumbersTest, OptionalOrNull) {
  EXPECT_TRUE(optional_or_null(std::optional<double>()).is_null());
  EXPECT_TRUE(optional_or_null(std::optional<bool>()).is_null());
  EXPECT_EQ(optional_or_null(std::optional<double>(0.25)), 0.25);
  EXPECT_EQ(optional_or_null(std::optional<bool>(false)), false);
  // JSON has no infinity.
  EXPECT_TRUE(
      optional_or_null(std::optional<double>(std::numeric_limits<double>::infinity())).is_null());
}

}  // namespace
}  // namespace stacksim::reports
