// The sweep grid and the capacity report: hand-made points in, exact reports out.
#include "reports/capacity_report.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "reports/capacity_json.h"
#include "reports/capacity_text.h"
#include "reports/sweep_csv.h"
#include "reports/sweep_grid.h"
#include "reports/sweep_point.h"
#include "tests/reports/run_result_builder.h"

namespace stacksim::reports {
namespace {

using Json = nlohmann::ordered_json;

SweepAxis axis_of(const std::string& text) {
  AxisParse parsed = parse_vary(text);
  EXPECT_TRUE(parsed.axis.has_value()) << text << ": " << parsed.error;
  return parsed.axis.value_or(SweepAxis{});
}

std::string values_of(const std::string& text) {
  Json values = Json::array();
  for (const Json& v : axis_of(text).values) values.push_back(v);
  return values.dump();
}

// ---- Grid expansion ----

TEST(SweepGrid, IntegerRangeStaysIntegers) {
  const SweepAxis axis = axis_of("/hosts/server1/cores=1:16:16");
  EXPECT_EQ(axis.pointer, "/hosts/server1/cores");
  ASSERT_EQ(axis.values.size(), 16u);
  for (int i = 0; i < 16; ++i) {
    EXPECT_TRUE(axis.values[i].is_number_integer());
    EXPECT_EQ(axis.values[i].get<int>(), i + 1);
  }
  EXPECT_EQ(values_of("/workload/arrivals/rate=100:900:9"),
            "[100,200,300,400,500,600,700,800,900]");
  EXPECT_EQ(values_of("/x=16:1:4"), "[16,11,6,1]");  // descending
  EXPECT_EQ(values_of("/x=-2:2:5"), "[-2,-1,0,1,2]");
}

TEST(SweepGrid, RangeWithFractionalSpacingGivesNumbers) {
  EXPECT_EQ(values_of("/x=1:2:3"), "[1.0,1.5,2.0]");
  const SweepAxis thirds = axis_of("/x=0:10:4");  // integers, but 10 / 3 is not whole
  ASSERT_EQ(thirds.values.size(), 4u);
  for (const Json& v : thirds.values) EXPECT_TRUE(v.is_number_float());
  EXPECT_NEAR(thirds.values[1].get<double>(), 10.0 / 3.0, 1e-11);
  EXPECT_EQ(thirds.values[3].get<double>(), 10.0);  // TO exactly
  // Decimal steps come out as written, without binary noise.
  EXPECT_EQ(values_of("/x=0:1:11"), "[0.0,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1.0]");
  EXPECT_EQ(values_of("/x=0.5:0.5:1"), "[0.5]");
}

TEST(SweepGrid, OneStepIsFromAlone) {
  EXPECT_EQ(values_of("/x=5:9:1"), "[5]");
  EXPECT_EQ(values_of("/x=2.5:9:1"), "[2.5]");
}

TEST(SweepGrid, ListsAreParsedAsJsonElseStrings) {
  EXPECT_EQ(values_of("/hosts/server1/cores=2,4,8,16"), "[2,4,8,16]");
  EXPECT_EQ(values_of("/x=0.5,1,abc"), "[0.5,1,\"abc\"]");
  EXPECT_EQ(values_of("/x=10ms,20ms"), "[\"10ms\",\"20ms\"]");
  EXPECT_EQ(values_of("/x=7"), "[7]");
  EXPECT_EQ(values_of(R"(/x={"a":1})"), R"([{"a":1}])");  // a ':' in JSON is no range
  // Commas inside brackets, braces and strings do not split values.
  EXPECT_EQ(values_of(R"(/components/app/hosts=["a"],["a","b"])"), R"([["a"],["a","b"]])");
  EXPECT_EQ(values_of(R"(/x={"dist":"exponential","mean":"1ms"},"a,b")"),
            R"([{"dist":"exponential","mean":"1ms"},"a,b"])");
}

TEST(SweepGrid, BadVaryTextsAreRefusedWithAReason) {
  for (const char* text :
       {"rate=1:2:3", "/x", "=1,2", "/x=", "/x=1:2", "/x=1:2:3:4", "/x=a:2:3", "/x=1:b:3",
        "/x=1:2:0", "/x=1:2:-1", "/x=1:2:1.5", "/x=1:2:10001", "/x=1,,2", "/x=1,"}) {
    const AxisParse parsed = parse_vary(text);
    EXPECT_FALSE(parsed.axis.has_value()) << text;
    EXPECT_FALSE(parsed.error.empty()) << text;
  }
  EXPECT_NE(parse_vary("/x=1:2:0").error.find("STEPS"), std::string::npos);
  EXPECT_NE(parse_vary("rate=5").error.find("PATH=FROM:TO:STEPS"), std::string::npos);
}

TEST(SweepGrid, CartesianProductHasTheFirstAxisOutermost) {
  const std::vector<SweepAxis> axes = {axis_of("/a=1:2:2"), axis_of("/b=x,y,z")};
  ASSERT_EQ(grid_size(axes), 6u);
  const std::vector<GridPoint> grid = expand_grid(axes);
  std::vector<std::string> described;
  for (const GridPoint& point : grid) described.push_back(describe_grid_point(point));
  EXPECT_EQ(described,
            (std::vector<std::string>{R"(/a=1 /b="x")", R"(/a=1 /b="y")", R"(/a=1 /b="z")",
                                      R"(/a=2 /b="x")", R"(/a=2 /b="y")", R"(/a=2 /b="z")"}));
  EXPECT_EQ(grid_point_json(grid[4]).dump(), R"({"/a":2,"/b":"y"})");
  EXPECT_EQ(expand_grid({}).size(), 1u);  // no axis: the scenario itself
}

TEST(SweepGrid, RepeatedPointersAndHugeGridsAreFound) {
  EXPECT_EQ(repeated_pointer({axis_of("/a=1,2"), axis_of("/b=1"), axis_of("/a=3")}), "/a");
  EXPECT_EQ(repeated_pointer({axis_of("/a=1,2"), axis_of("/b=1")}), "");
  const SweepAxis big = axis_of("/a=1:10000:10000");
  EXPECT_EQ(grid_size({big, axis_of("/b=1:10:10")}), 100'000u);
  EXPECT_FALSE(grid_size({big, axis_of("/b=1:11:11")}).has_value());
}

// ---- Points ----

TEST(SweepPoint, LatencyStatisticsParseAndSelect) {
  EXPECT_EQ(parse_latency_statistic("p99"), LatencyStatistic::kP99);
  EXPECT_EQ(parse_latency_statistic("mean"), LatencyStatistic::kMean);
  EXPECT_FALSE(parse_latency_statistic("p90").has_value());
  PointMeasure p;
  p.latency_mean_s = 1;
  p.latency_p50_s = 2;
  p.latency_p95_s = 3;
  p.latency_p99_s = 4;
  EXPECT_EQ(latency_of(p, LatencyStatistic::kMean), 1);
  EXPECT_EQ(latency_of(p, LatencyStatistic::kP50), 2);
  EXPECT_EQ(latency_of(p, LatencyStatistic::kP95), 3);
  EXPECT_EQ(latency_of(p, LatencyStatistic::kP99), 4);
}

TEST(SweepPoint, MeasureIsTheRunSummaryAndItsBottleneck) {
  const PointMeasure p =
      measure_point({{"/workload/arrivals/rate", Json(150)}}, {testing::sample_run()});
  EXPECT_EQ(p.set.size(), 1u);
  EXPECT_EQ(p.offered, 1010);
  EXPECT_EQ(p.completed, 1000);
  EXPECT_EQ(p.failed, 10);
  EXPECT_DOUBLE_EQ(p.availability, 1000.0 / 1010.0);
  EXPECT_DOUBLE_EQ(p.throughput_rps, 10.0);
  EXPECT_NEAR(p.latency_mean_s, 0.5005, 1e-3);
  EXPECT_NEAR(p.latency_p99_s, 0.99, 0.02);
  EXPECT_EQ(p.bottleneck.name, "db");  // the most rejections, as the run report says
  EXPECT_EQ(p.bottleneck.resource, "connections");
  EXPECT_DOUBLE_EQ(p.bottleneck.utilization, 0.40);
}

// ---- Saturation and headroom ----

// An M/M/1 point with mean service 1 ms at `rate`: mean response 1 / (1000 - rate) s.
PointMeasure mm1_point(GridPoint set, double rate, double availability = 1.0) {
  PointMeasure p;
  p.set = std::move(set);
  p.offered = rate * 600;
  p.completed = p.offered * availability;
  p.failed = p.offered - p.completed;
  p.availability = availability;
  p.throughput_rps = rate * availability;
  p.latency_mean_s = 1.0 / (1000.0 - rate);
  p.latency_p50_s = std::log(2.0) * p.latency_mean_s;
  p.latency_p95_s = std::log(20.0) * p.latency_mean_s;
  p.latency_p99_s = std::log(100.0) * p.latency_mean_s;
  p.bottleneck.name = "server";
  p.bottleneck.resource = "servers";
  p.bottleneck.utilization = rate / 1000.0;
  return p;
}

std::vector<PointMeasure> rate_sweep(const SweepAxis& axis) {
  std::vector<PointMeasure> points;
  for (const Json& rate : axis.values) {
    points.push_back(mm1_point({{axis.pointer, rate}}, rate.get<double>()));
  }
  return points;
}

CapacityOptions with_targets(std::optional<double> latency_s, LatencyStatistic statistic,
                             std::optional<double> availability = std::nullopt,
                             std::optional<double> scenario_rate = std::nullopt) {
  CapacityOptions options;
  options.targets.statistic = statistic;
  options.targets.latency_s = latency_s;
  if (latency_s) options.targets.latency_source = "--latency-target";
  options.targets.availability = availability;
  options.scenario_rate = scenario_rate;
  options.open_workload = true;
  return options;
}

TEST(CapacityTargets, CommandLineFirstThenTheScenariosSlo) {
  models::SloSpec slo;
  slo.availability = 0.999;
  slo.latency_p99_ns = 500'000'000;
  slo.latency_p50_ns = 100'000'000;

  CapacityTargets t = capacity_targets(0.2, LatencyStatistic::kP99, slo);
  EXPECT_EQ(t.latency_s, 0.2);
  EXPECT_EQ(t.latency_source, "--latency-target");
  EXPECT_EQ(t.availability, 0.999);

  t = capacity_targets(std::nullopt, LatencyStatistic::kP99, slo);
  EXPECT_EQ(t.latency_s, 0.5);
  EXPECT_EQ(t.latency_source, "slo.latency_p99");
  EXPECT_TRUE(latency_target_note(t).empty());

  t = capacity_targets(std::nullopt, LatencyStatistic::kP50, slo);
  EXPECT_EQ(t.latency_s, 0.1);
  EXPECT_EQ(t.latency_source, "slo.latency_p50");

  t = capacity_targets(std::nullopt, LatencyStatistic::kP95, slo);  // the SLO sets no p95
  EXPECT_FALSE(t.latency_s.has_value());
  EXPECT_TRUE(t.any());  // availability still
  EXPECT_NE(latency_target_note(t).find("slo.latency_p95"), std::string::npos);

  t = capacity_targets(std::nullopt, LatencyStatistic::kP99, std::nullopt);
  EXPECT_FALSE(t.any());
  EXPECT_NE(latency_target_note(t).find("--latency-target"), std::string::npos);
}

TEST(CapacityReport, SaturationIsTheLargestRateMeetingTheTarget) {
  // M/M/1, S = 1 ms: mean response <= 5 ms exactly while rate <= 800.
  const SweepAxis axis = axis_of("/workload/arrivals/rate=100:900:9");
  const CapacityReport report = capacity_report(
      {axis}, rate_sweep(axis), with_targets(0.005, LatencyStatistic::kMean, std::nullopt, 450));
  ASSERT_TRUE(report.saturation.has_value());
  EXPECT_FALSE(report.scaling.has_value());  // a rate sweep has no scaling law
  EXPECT_EQ(report.saturation->pointer, "/workload/arrivals/rate");
  ASSERT_EQ(report.saturation->lines.size(), 1u);
  const SaturationLine& line = report.saturation->lines[0];
  EXPECT_TRUE(line.fixed.empty());
  EXPECT_EQ(line.rate, 800.0);
  EXPECT_FALSE(line.beyond_grid);
  ASSERT_TRUE(line.headroom.has_value());
  EXPECT_DOUBLE_EQ(*line.headroom, 800.0 / 450.0);
  ASSERT_EQ(report.meets.size(), 9u);
  EXPECT_EQ(report.meets[7], true);
  EXPECT_EQ(report.meets[8], false);

  // p99 = ln(100) x mean: <= 5 ms up to rate 79; 100 already misses.
  const CapacityReport strict =
      capacity_report({axis}, rate_sweep(axis), with_targets(0.005, LatencyStatistic::kP99));
  EXPECT_FALSE(strict.saturation->lines[0].rate.has_value());
  EXPECT_FALSE(strict.saturation->lines[0].headroom.has_value());
}

TEST(CapacityReport, AvailabilityTargetAndBeyondTheGrid) {
  const SweepAxis axis = axis_of("/workload/arrivals/rate=100,200,300");
  std::vector<PointMeasure> points = rate_sweep(axis);
  CapacityReport report =
      capacity_report({axis}, points, with_targets(1.0, LatencyStatistic::kP99, 0.999, 150));
  EXPECT_EQ(report.saturation->lines[0].rate, 300.0);
  EXPECT_TRUE(report.saturation->lines[0].beyond_grid);
  EXPECT_DOUBLE_EQ(*report.saturation->lines[0].headroom, 2.0);

  points[2] = mm1_point({{axis.pointer, Json(300)}}, 300, 0.99);  // loses 1%
  report = capacity_report({axis}, points, with_targets(1.0, LatencyStatistic::kP99, 0.999, 150));
  EXPECT_EQ(report.saturation->lines[0].rate, 200.0);
  EXPECT_FALSE(report.saturation->lines[0].beyond_grid);

  // Availability alone still gives a saturation point.
  report = capacity_report({axis}, points,
                           with_targets(std::nullopt, LatencyStatistic::kP99, 0.999, 150));
  EXPECT_EQ(report.saturation->lines[0].rate, 200.0);

  // A point that completed nothing never meets a target.
  points[0].completed = 0;
  points[0].latency_mean_s = points[0].latency_p99_s = 0;
  EXPECT_FALSE(meets_targets(points[0], with_targets(1.0, LatencyStatistic::kP99).targets));
}

TEST(CapacityReport, NoTargetMeansNoSaturationPoint) {
  const SweepAxis axis = axis_of("/workload/arrivals/rate=100,200");
  const CapacityReport report =
      capacity_report({axis}, rate_sweep(axis), with_targets(std::nullopt, LatencyStatistic::kP99));
  ASSERT_TRUE(report.saturation.has_value());
  EXPECT_TRUE(report.saturation->lines.empty());
  EXPECT_FALSE(report.meets[0].has_value());
  const Json j = capacity_json(report);
  EXPECT_TRUE(j["latency_target_s"].is_null());
  EXPECT_NE(j["saturation"]["note"].get<std::string>().find("no latency target"),
            std::string::npos);
  EXPECT_TRUE(j["points"][0]["meets_targets"].is_null());
}

TEST(CapacityReport, EachLineOfARateGridHasItsOwnSaturationPoint) {
  // rate x servers: one server saturates at 800; two (each M/M/1-like at half the rate, for the
  // test) never do on this grid.
  const std::vector<SweepAxis> axes = {axis_of("/workload/arrivals/rate=700,800,900"),
                                       axis_of("/components/server/servers=1,2")};
  std::vector<PointMeasure> points;
  for (const GridPoint& point : expand_grid(axes)) {
    const double rate = point[0].second.get<double>();
    const double servers = point[1].second.get<double>();
    points.push_back(mm1_point(point, rate / servers));
  }
  const CapacityReport report =
      capacity_report(axes, points, with_targets(0.005, LatencyStatistic::kMean, {}, 900));
  ASSERT_EQ(report.saturation->lines.size(), 2u);
  EXPECT_EQ(grid_point_json(report.saturation->lines[0].fixed).dump(),
            R"({"/components/server/servers":1})");
  EXPECT_EQ(report.saturation->lines[0].rate, 800.0);
  EXPECT_EQ(report.saturation->lines[1].rate, 900.0);
  EXPECT_TRUE(report.saturation->lines[1].beyond_grid);
  EXPECT_DOUBLE_EQ(*report.saturation->lines[1].headroom, 1.0);
}

// ---- Universal Scalability Law ----

double usl(double n, double lambda, double sigma, double kappa) {
  return lambda * n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
}

std::vector<PointMeasure> scaling_points(const SweepAxis& axis, double sigma, double kappa) {
  std::vector<PointMeasure> points;
  for (const Json& value : axis.values) {
    PointMeasure p;
    p.set = {{axis.pointer, value}};
    const double n = *scaling_n(value);
    p.throughput_rps = usl(n, 100.0, sigma, kappa);
    p.completed = p.throughput_rps * 600;
    points.push_back(p);
  }
  return points;
}

TEST(CapacityReport, UslIsFittedToACoresSweep) {
  const SweepAxis axis = axis_of("/hosts/server1/cores=1,2,4,8,16,32,64");
  CapacityOptions options;
  options.open_workload = false;
  const CapacityReport report = capacity_report({axis}, scaling_points(axis, 0.05, 0.001), options);
  EXPECT_FALSE(report.saturation.has_value());
  ASSERT_TRUE(report.scaling.has_value());
  EXPECT_EQ(report.scaling->pointer, "/hosts/server1/cores");
  EXPECT_TRUE(report.scaling->note.empty());
  ASSERT_EQ(report.scaling->lines.size(), 1u);
  const ScalingLine& line = report.scaling->lines[0];
  ASSERT_TRUE(line.fit.has_value()) << line.error;
  EXPECT_NEAR(line.fit->lambda, 100.0, 1e-3);
  EXPECT_NEAR(line.fit->sigma, 0.05, 1e-6);
  EXPECT_NEAR(line.fit->kappa, 0.001, 1e-7);
  EXPECT_NEAR(line.fit->peak_n, std::sqrt(0.95 / 0.001), 1e-2);
  EXPECT_NEAR(line.fit->r_squared, 1.0, 1e-9);
  EXPECT_EQ(line.n, (std::vector<double>{1, 2, 4, 8, 16, 32, 64}));
  const std::vector<double> predicted = line.predicted();
  ASSERT_EQ(predicted.size(), 7u);
  for (std::size_t i = 0; i < 7; ++i) {
    EXPECT_NEAR(predicted[i], line.throughput[i], 1e-3);
    EXPECT_EQ(report.predicted_throughput_rps[i], predicted[i]);
  }

  const Json j = capacity_json(report);
  EXPECT_NEAR(j["scaling"]["lines"][0]["usl"]["sigma"].get<double>(), 0.05, 1e-6);
  EXPECT_EQ(j["scaling"]["lines"][0]["points"][3]["n"], 8);
  EXPECT_TRUE(j["points"][0].contains("usl_throughput_rps"));
  EXPECT_FALSE(j.contains("saturation"));
}

TEST(CapacityReport, UslCountsHostsListsAndNotesOpenWorkloads) {
  const SweepAxis axis = axis_of(R"(/components/app/hosts=["a"],["a","b"],["a","b","c","d"])");
  CapacityOptions options;
  options.open_workload = true;
  const CapacityReport report = capacity_report({axis}, scaling_points(axis, 0.1, 0.0), options);
  ASSERT_TRUE(report.scaling.has_value());
  EXPECT_EQ(report.scaling->lines[0].n, (std::vector<double>{1, 2, 4}));
  ASSERT_TRUE(report.scaling->lines[0].fit.has_value());
  EXPECT_NEAR(report.scaling->lines[0].fit->sigma, 0.1, 1e-4);
  EXPECT_NE(report.scaling->note.find("open workload"), std::string::npos);
}

TEST(CapacityReport, AnyIntegerSingleAxisIsFittedButTooFewPointsAreNot) {
  const SweepAxis other = axis_of("/components/pool/size=1,2,3");  // not a known suffix
  const CapacityReport fitted = capacity_report({other}, scaling_points(other, 0.2, 0.01), {});
  ASSERT_TRUE(fitted.scaling.has_value());
  EXPECT_TRUE(fitted.scaling->lines[0].fit.has_value());

  const SweepAxis two = axis_of("/hosts/server1/cores=2,4");
  const CapacityReport unfitted = capacity_report({two}, scaling_points(two, 0.2, 0.01), {});
  ASSERT_TRUE(unfitted.scaling.has_value());
  EXPECT_FALSE(unfitted.scaling->lines[0].fit.has_value());
  EXPECT_FALSE(unfitted.scaling->lines[0].error.empty());
  EXPECT_FALSE(unfitted.predicted_throughput_rps[0].has_value());
  EXPECT_FALSE(capacity_json(unfitted)["scaling"]["lines"][0]["error"].get<std::string>().empty());

  const SweepAxis fractional = axis_of("/components/x/y=0.5,1,2");
  EXPECT_FALSE(capacity_report({fractional}, {}, {}).scaling.has_value());
}

// ---- Outputs ----

TEST(SweepCsv, OneRowPerPointAfterTheHeader) {
  const std::vector<SweepAxis> axes = {axis_of("/workload/arrivals/rate=100,200"),
                                       axis_of(R"(/x="a,b",c)")};
  std::vector<PointMeasure> points;
  for (const GridPoint& point : expand_grid(axes)) {
    points.push_back(mm1_point(point, point[0].second.get<double>()));
  }
  const std::string csv = sweep_csv(axes, points);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "/workload/arrivals/rate,/x,offered,completed,failed,availability,throughput_rps,"
            "latency_mean_s,latency_p50_s,latency_p95_s,latency_p99_s,bottleneck,"
            "bottleneck_resource,bottleneck_utilization");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 5);
  EXPECT_NE(csv.find("\n100,\"a,b\",60000,60000,0,1,100,0.00111111111,"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",server,servers,0.1\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\n200,c,120000,"), std::string::npos) << csv;
}

TEST(CapacityText, TableAndSaturationLine) {
  const SweepAxis axis = axis_of("/workload/arrivals/rate=100:900:9");
  const CapacityReport report = capacity_report(
      {axis}, rate_sweep(axis), with_targets(0.005, LatencyStatistic::kMean, std::nullopt, 900));
  ReportContext context;
  context.scenario_name = "mm1";
  context.seed = 1;
  context.duration_s = 600;
  context.warmup_s = 60;
  const std::string text = capacity_text(context, {axis}, 9, report, false);
  EXPECT_NE(text.find("mm1 \u00b7 9 points \u00d7 1 replication"), std::string::npos) << text;
  EXPECT_NE(text.find("/workload/arrivals/rate  req/s"), std::string::npos) << text;
  EXPECT_NE(text.find("missed"), std::string::npos) << text;
  EXPECT_NE(text.find("Saturation /workload/arrivals/rate = 800"), std::string::npos) << text;
  EXPECT_NE(text.find("headroom 0.889x the scenario's 900"), std::string::npos) << text;
}

TEST(CapacityJson, RatesAreWrittenAsTheAxisWroteThem) {
  const SweepAxis axis = axis_of("/workload/arrivals/rate=100:900:9");
  const Json j = capacity_json(capacity_report(
      {axis}, rate_sweep(axis), with_targets(0.005, LatencyStatistic::kMean, std::nullopt, 900)));
  EXPECT_EQ(j["latency_statistic"], "mean");
  EXPECT_EQ(j["latency_target_s"], 0.005);
  EXPECT_EQ(j["latency_target_from"], "--latency-target");
  EXPECT_TRUE(j["availability_target"].is_null());
  EXPECT_EQ(j["points"].size(), 9u);
  EXPECT_EQ(j["points"][7]["set"].dump(), R"({"/workload/arrivals/rate":800})");
  EXPECT_EQ(j["points"][7]["bottleneck"]["name"], "server");
  EXPECT_EQ(j["saturation"]["lines"][0]["rate"].dump(), "800");
  EXPECT_EQ(j["saturation"]["scenario_rate"].dump(), "900");
  EXPECT_FALSE(j.contains("scaling"));
}

}  // namespace
}  // namespace stacksim::reports
