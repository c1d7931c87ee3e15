#include "reports/json_report.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "tests/reports/run_result_builder.h"

namespace stacksim::reports {
namespace {

using nlohmann::ordered_json;
using testing::sample_run;

constexpr double kT975Df2 = 4.302653;  // Student t, 0.975 quantile, 2 degrees of freedom

ReportContext sample_context() {
  ReportContext c;
  c.tool_version = "0.1.0";
  c.scenario_name = "foobar-single-server";
  c.scenario_file = "scenarios/single-server.json";
  c.scenario_sha256 = std::string(64, 'a');
  c.seed = 42;
  c.duration_s = 100.0;
  c.warmup_s = 300.0;
  c.replications = 1;
  c.wall_seconds = 12.3;
  return c;
}

std::vector<std::string> keys_of(const ordered_json& object) {
  std::vector<std::string> keys;
  for (const auto& item : object.items()) keys.push_back(item.key());
  return keys;
}

TEST(JsonReportTest, OneReplicationHasEveryContractKey) {
  const ordered_json j = json_report(sample_context(), {sample_run()});

  EXPECT_EQ(keys_of(j),
            (std::vector<std::string>{"schema_version", "tool_version", "scenario", "seed",
                                      "duration_s", "warmup_s", "replications", "summary",
                                      "components", "hosts", "classes", "bottleneck"}));
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
            (std::vector<std::string>{"offered", "completed", "failed", "errors", "availability",
                                      "throughput_rps", "mean_in_system", "latency_s"}));
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
  const ordered_json j = json_report(sample_context(), runs);
  EXPECT_EQ(summary_json(runs), j["summary"]);
  EXPECT_EQ(components_json(runs), j["components"]);
  EXPECT_EQ(summary_json(runs).dump(), j["summary"].dump());
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

  const ordered_json j = json_report(sample_context(), runs);
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
  EXPECT_EQ(keys_of(c),
            (std::vector<std::string>{"offered", "completed", "failed", "availability",
                                      "throughput_rps", "mean_in_system", "latency_s"}));
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
  EXPECT_FALSE(json_report(sample_context(), runs).contains("interrupted"));
  runs[1].interrupted = true;
  runs[1].measured_s = 50.0;
  const ordered_json j = json_report(sample_context(), runs);
  EXPECT_EQ(j["interrupted"], true);
  EXPECT_DOUBLE_EQ(j["measured_s"].get<double>(), 75.0);
}

TEST(JsonReportTest, NoReplicationsStillWellFormed) {
  const ordered_json j = json_report(sample_context(), {});
  EXPECT_EQ(j["replications"], 0);
  EXPECT_EQ(j["summary"]["offered"], 0);
  EXPECT_TRUE(j["components"].is_object());
  EXPECT_TRUE(j["components"].empty());
  EXPECT_TRUE(j["bottleneck"].is_null());
}

}  // namespace
}  // namespace stacksim::reports
