// The product-form view: scenarios built in code against textbook results (Erlang C, Jackson,
// exact MVA), the mapping of stacks (calls, holding, hosts, instances) and the departures.
#include "reports/product_form_view.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "reports/product_form_report.h"
#include "reports/report_header_json.h"
#include "tests/models/spec_builder.h"

namespace stacksim::reports {
namespace {

using models::ComponentKind;
using models::testing::closed_scenario;
using models::testing::ms;
using models::testing::open_scenario;
using models::testing::s;
using models::testing::stack;
using models::testing::station;
using sim::Distribution;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

models::HostSpec host(const std::string& name, int cores) {
  models::HostSpec h;
  h.name = name;
  h.cores = cores;
  return h;
}

ProductFormView solve(const models::ScenarioSpec& spec) {
  const auto view = product_form_view(spec);
  EXPECT_TRUE(view.ok()) << view.error();
  return view.ok() ? *view : ProductFormView{};
}

// The context of a report on the scenario `name`, as the analyze command makes it.
ReportContext context_of(const std::string& name) {
  ReportContext context;
  context.tool_version = "0.1.0";
  context.scenario_name = name;
  context.scenario_file = name + ".json";
  context.scenario_sha256 = "abc";
  context.seed = 7;
  context.duration_s = 3600;
  return context;
}

const ProductFormStation& find(const ProductFormView& view, const std::string& name) {
  for (const auto& st : view.stations) {
    if (st.name == name) return st;
  }
  ADD_FAILURE() << "no station " << name;
  static const ProductFormStation kNone;
  return kNone;
}

bool any_departure(const ProductFormView& view, const std::string& text) {
  for (const auto& d : view.departures) {
    if (d.find(text) != std::string::npos) return true;
  }
  return false;
}

TEST(ProductFormView, MmcStationGivesErlangCResponse) {
  // M/M/4, lambda = 0.35/min, S = 10 min: offered 3.5 erlangs, R = 24.7572 min.
  const auto spec =
      open_scenario(0.35 / 60.0, {station("servers", 4, Distribution::exponential(s(600)))},
                    {"servers"}, s(3600));
  const ProductFormView view = solve(spec);
  EXPECT_EQ(view.model, ProductFormModel::kJackson);
  ASSERT_EQ(view.stations.size(), 1u);
  const ProductFormStation& st = view.stations[0];
  EXPECT_EQ(st.kind, "station");
  EXPECT_EQ(st.servers, 4);
  EXPECT_DOUBLE_EQ(st.visits, 1.0);
  EXPECT_DOUBLE_EQ(st.demand_s, 600.0);
  EXPECT_NEAR(st.utilization, 0.875, 1e-12);
  EXPECT_NEAR(st.response_s / 60.0, 24.7572, 24.7572 * 1e-5);
  EXPECT_DOUBLE_EQ(st.visit_s, st.response_s);
  EXPECT_NEAR(st.queue_length, 0.35 / 60.0 * st.response_s, 1e-9);
  EXPECT_NEAR(view.latency_s / 60.0, 24.7572, 24.7572 * 1e-5);
  EXPECT_NEAR(view.throughput_rps, 0.35 / 60.0, 1e-15);
  EXPECT_TRUE(view.stable);
  EXPECT_TRUE(view.departures.empty()) << view.departures.front();
}

TEST(ProductFormView, TandemOfStationsAddsTheirResponses) {
  const auto spec = open_scenario(100.0,
                                  {station("parse", 1, Distribution::exponential(ms(5))),
                                   station("render", 2, Distribution::exponential(ms(15))),
                                   station("store", 1, Distribution::exponential(ms(8)))},
                                  {"parse", "render", "store"}, s(3600));
  const ProductFormView view = solve(spec);
  ASSERT_EQ(view.stations.size(), 3u);
  EXPECT_NEAR(find(view, "parse").response_s, 0.010, 1e-12);
  EXPECT_NEAR(find(view, "render").response_s, 0.0342857, 1e-7);
  EXPECT_NEAR(find(view, "store").response_s, 0.040, 1e-12);
  EXPECT_NEAR(view.latency_s * 1000.0, 84.2857, 1e-4);
}

TEST(ProductFormView, ClosedSingleStationIsExactMva) {
  // N = 20 users, D = 40 ms, Z = 1 s: X = 18.0027/s, R = 110.94 ms.
  const auto spec = closed_scenario(20, Distribution::exponential(s(1)),
                                    {station("server", 1, Distribution::exponential(ms(40)))},
                                    {"server"}, s(3600));
  const ProductFormView view = solve(spec);
  EXPECT_EQ(view.model, ProductFormModel::kMva);
  EXPECT_EQ(view.users, 20);
  EXPECT_DOUBLE_EQ(view.think_s, 1.0);
  EXPECT_NEAR(view.throughput_rps, 18.0027, 1e-4);
  EXPECT_NEAR(view.latency_s * 1000.0, 110.94, 1e-2);
  EXPECT_NEAR(view.stations[0].utilization, 18.0027 * 0.040, 1e-5);
  EXPECT_NEAR(view.stations[0].response_s, view.latency_s, 1e-12);
}

TEST(ProductFormView, AppCallsRepeatTheRestOfItsPath) {
  auto app = stack("app", ComponentKind::kApp, 8, Distribution::exponential(ms(10)));
  app.calls = 3;
  auto db = stack("db", ComponentKind::kDb, 20, Distribution::exponential(ms(1)));
  const auto spec = open_scenario(10.0, {app, db}, {"app", "db"}, s(3600));
  const ProductFormView view = solve(spec);
  EXPECT_DOUBLE_EQ(find(view, "app").visits, 1.0);
  EXPECT_DOUBLE_EQ(find(view, "db").visits, 3.0);
}

TEST(ProductFormView, VisitsAreWeightedByTheMixAndNestedCalls) {
  auto web = stack("web", ComponentKind::kWeb, 100, Distribution::exponential(ms(1)));
  web.calls = 2;
  auto app = stack("app", ComponentKind::kApp, 8, Distribution::exponential(ms(10)));
  app.calls = 3;
  auto db = stack("db", ComponentKind::kDb, 20, Distribution::exponential(ms(1)));
  auto spec = open_scenario(10.0, {web, app, db}, {"web", "app", "db"}, s(3600));
  spec.workload.mix[0].weight = 3.0;
  spec.workload.mix.push_back({"static", 1.0, {"web"}});
  const ProductFormView view = solve(spec);
  EXPECT_DOUBLE_EQ(find(view, "web").visits, 1.0);
  EXPECT_DOUBLE_EQ(find(view, "app").visits, 0.75 * 2);
  EXPECT_DOUBLE_EQ(find(view, "db").visits, 0.75 * 6);
}

TEST(ProductFormView, DemandIsTheWholeVisit) {
  auto db = stack("db", ComponentKind::kDb, 10, Distribution::exponential(ms(1)));
  db.latency = Distribution::deterministic(ms(2));
  db.reads_per_query = 4;
  db.buffer_pool_hit_ratio = 0.75;
  db.disk_read = Distribution::exponential(ms(5));
  const ProductFormView view = solve(open_scenario(1.0, {db}, {"db"}, s(3600)));
  EXPECT_NEAR(view.stations[0].demand_s, 0.001 + 0.002 + 4 * 0.25 * 0.005, 1e-12);
}

TEST(ProductFormView, WebHoldingItsSlotWhileCallingIsFlagged) {
  const auto web = stack("web", ComponentKind::kWeb, 10, Distribution::exponential(ms(1)));
  const auto app = stack("app", ComponentKind::kApp, 4, Distribution::exponential(ms(50)));
  const ProductFormView view = solve(open_scenario(20.0, {web, app}, {"web", "app"}, s(3600)));
  const ProductFormStation& w = find(view, "web");
  ASSERT_TRUE(w.holding.has_value());
  EXPECT_THAT(w.holding->calls, ::testing::ElementsAre("app"));
  const double app_response = find(view, "app").response_s;
  EXPECT_NEAR(w.holding->downstream_s, app_response, 1e-12);
  EXPECT_NEAR(w.holding->utilization, 20.0 * (0.001 + app_response) / 10, 1e-12);
  EXPECT_GT(w.holding->utilization, w.utilization);
  EXPECT_DOUBLE_EQ(w.visit_s, w.holding->response_s);
  EXPECT_FALSE(find(view, "app").holding.has_value());  // the end of the path calls nothing
  EXPECT_TRUE(any_departure(view,
                            "web holds its slot while calling app: product-form "
                            "underestimates its utilization"));
  EXPECT_TRUE(any_departure(view, "the simulation is the truth"));
  // The pure product form sums the residences: the holding is not counted twice.
  EXPECT_NEAR(view.latency_s, w.response_s + app_response, 1e-12);
}

TEST(ProductFormView, HostedComponentsShareTheCoresAsASeparateQueue) {
  auto spec = open_scenario(
      10.0,
      {stack("a", ComponentKind::kStation, 4, Distribution::exponential(ms(20)), "box"),
       stack("b", ComponentKind::kStation, 4, Distribution::exponential(ms(40)), "box")},
      {"a", "b"}, s(3600));
  spec.hosts.push_back(host("box", 1));
  const ProductFormView view = solve(spec);
  const ProductFormStation& cpu = find(view, "box");
  EXPECT_EQ(cpu.kind, "cpu");
  EXPECT_EQ(cpu.servers, 1);
  EXPECT_DOUBLE_EQ(cpu.visits, 2.0);
  EXPECT_NEAR(cpu.demand_s, 0.030, 1e-12);
  EXPECT_NEAR(cpu.utilization, 0.6, 1e-12);
  EXPECT_GT(find(view, "a").cpu_wait_s, 0.0);
  EXPECT_DOUBLE_EQ(find(view, "a").cpu_wait_s, cpu.waiting_s);
  // The CPU service is counted once: the slots' responses plus the waits for a core.
  EXPECT_NEAR(view.latency_s,
              find(view, "a").response_s + find(view, "b").response_s + 2 * cpu.waiting_s, 1e-12);
  EXPECT_TRUE(any_departure(view, "slots and cores are separate queues"));
}

TEST(ProductFormView, ClosedHostedStationCountsItsCpuOnce) {
  // One slot on a one-core host: the cycle is one M/M/1 of 40 ms, whatever the decomposition.
  auto spec = closed_scenario(20, Distribution::exponential(s(1)),
                              {station("server", 1, Distribution::exponential(ms(40)), "box")},
                              {"server"}, s(3600));
  spec.hosts.push_back(host("box", 1));
  const ProductFormView view = solve(spec);
  EXPECT_NEAR(view.throughput_rps, 18.0027, 1e-4);
  EXPECT_NEAR(view.latency_s * 1000.0, 110.94, 1e-2);
  EXPECT_NEAR(find(view, "server").utilization, find(view, "box").utilization, 1e-12);
}

TEST(ProductFormView, FiniteQueueAndNonExponentialServiceAreDepartures) {
  auto server = station("server", 1, Distribution::deterministic(ms(8)));
  server.queue_capacity = 10;
  const ProductFormView view = solve(open_scenario(100.0, {server}, {"server"}, s(3600)));
  EXPECT_TRUE(any_departure(view,
                            "server: finite queue (10 places): the simulation rejects, "
                            "theory assumes infinite room"));
  EXPECT_TRUE(any_departure(view, "server: service not exponential (cv^2 0.00)"));
  EXPECT_TRUE(any_departure(view, "overestimates the wait"));
}

TEST(ProductFormView, LossSystemNamesErlangB) {
  auto db = stack("db", ComponentKind::kDb, 2, Distribution::exponential(s(1)));
  db.queue_capacity = 0;
  const ProductFormView view = solve(open_scenario(1.0, {db}, {"db"}, s(3600)));
  // Erlang B with 2 servers and 1 erlang: 0.5 / 2.5 = 20%.
  EXPECT_TRUE(any_departure(view, "Erlang B: 20.00% of arrivals rejected"));
}

TEST(ProductFormView, UnstableStationIsNamed) {
  const ProductFormView view = solve(open_scenario(
      200.0, {station("server", 1, Distribution::exponential(ms(10)))}, {"server"}, s(3600)));
  EXPECT_FALSE(view.stable);
  EXPECT_FALSE(view.stations[0].stable);
  EXPECT_TRUE(std::isinf(view.latency_s));
  EXPECT_NEAR(view.throughput_rps, 100.0, 1e-9);  // the bottleneck's capacity
  EXPECT_TRUE(any_departure(view, "server is unstable"));
  const auto json = product_form_json(view, context_of("test"), 0);
  EXPECT_TRUE(json["system"]["latency_s"].is_null());
  EXPECT_TRUE(json["stations"][0]["response_s"].is_null());
}

TEST(ProductFormView, WorkloadFeaturesOutsideTheViewAreListed) {
  auto spec =
      open_scenario(10.0, {stack("web", ComponentKind::kWeb, 10, Distribution::exponential(ms(1)))},
                    {"web"}, s(3600));
  spec.workload.client.max_retries = 2;
  spec.workload.client.timeout_ns = s(2);
  spec.network.rtt_ns = ms(40);
  models::FaultSpec fault;
  fault.kind = models::FaultSpec::Kind::kMaintenance;
  fault.target = "web";
  spec.faults.push_back(fault);
  const ProductFormView view = solve(spec);
  EXPECT_TRUE(any_departure(view, "retries"));
  EXPECT_TRUE(any_departure(view, "client timeout 2"));
  EXPECT_TRUE(any_departure(view, "network round trip 40.0ms"));
  EXPECT_TRUE(any_departure(view, "fault maintenance on web"));
}

TEST(ProductFormView, DatabaseWritesGoToThePrimaryAndReadsToReplicas) {
  auto db = stack("db", ComponentKind::kDb, 10, Distribution::exponential(ms(2)));
  db.instance_hosts = {"h1", "h2", "h3"};
  db.primary_host = "h1";
  auto spec = open_scenario(10.0, {db}, {"db"}, s(3600));
  spec.workload.mix.push_back({"write", 1.0, {"db"}, true});
  for (const char* h : {"h1", "h2", "h3"}) spec.hosts.push_back(host(h, 2));
  const ProductFormView view = solve(spec);
  EXPECT_DOUBLE_EQ(find(view, "db@h1").visits, 0.5);
  EXPECT_DOUBLE_EQ(find(view, "db@h2").visits, 0.25);
  EXPECT_DOUBLE_EQ(find(view, "db@h3").visits, 0.25);
  EXPECT_TRUE(any_departure(view, "db: 3 instances"));
}

TEST(ProductFormView, ComparisonFillsTheSimulatedFiguresAndFlagsDifferences) {
  ProductFormView view = solve(open_scenario(
      50.0, {station("server", 1, Distribution::exponential(ms(10)))}, {"server"}, s(3600)));
  models::RunResult run;
  run.measured_s = 100.0;
  run.completed = 5000;
  run.latency_ns.record(30'000'000);  // 30 ms: +50% on the 20 ms of theory
  models::ComponentResult c;
  c.name = "server";
  c.utilization = 0.51;
  c.mean_response_s = 0.030;
  run.components.push_back(c);
  compare_with_simulation(view, {run});
  ASSERT_TRUE(view.simulated.has_value());
  EXPECT_DOUBLE_EQ(view.simulated->throughput_rps, 50.0);
  EXPECT_NEAR(view.simulated->latency_s, 0.030, 0.030 * 0.05);
  const auto& st = view.stations[0];
  ASSERT_TRUE(st.simulated.has_value());
  EXPECT_DOUBLE_EQ(st.simulated->utilization, 0.51);
  EXPECT_DOUBLE_EQ(*st.simulated->response_s, 0.030);
  EXPECT_TRUE(
      any_departure(view, "server: simulated response 30.0ms vs 20.0ms in theory (+50.0%)"));
  EXPECT_FALSE(any_departure(view, "simulated utilization"));  // 2% off: within tolerance
  EXPECT_NEAR(*relative_difference(0.5, 0.51), 0.02, 1e-12);
  EXPECT_FALSE(relative_difference(0.0, 1.0).has_value());
}

TEST(ProductFormReport, JsonHasTheDocumentedShape) {
  const auto web = stack("web", ComponentKind::kWeb, 10, Distribution::exponential(ms(1)));
  const auto app = stack("app", ComponentKind::kApp, 4, Distribution::exponential(ms(50)));
  const ProductFormView view = solve(open_scenario(20.0, {web, app}, {"web", "app"}, s(3600)));
  const ReportContext context = context_of("test");
  const auto json = product_form_json(view, context, 2);
  EXPECT_EQ(json["schema_version"], 1);
  EXPECT_EQ(json["scenario"]["name"], "test");
  EXPECT_EQ(json["scenario"]["sha256"], "abc");
  // The header every report starts with, then the view.
  const auto header = report_header_json(context, 2);
  EXPECT_EQ(header["replications"], 2);
  for (const auto& [key, value] : header.items()) EXPECT_EQ(json.at(key), value) << key;
  EXPECT_EQ(json.begin().key(), "schema_version");
  EXPECT_EQ(json["model"], "jackson");
  ASSERT_EQ(json["stations"].size(), 2u);
  for (const char* key : {"name", "kind", "servers", "visits", "demand_s", "utilization",
                          "response_s", "queue_length", "simulated"}) {
    EXPECT_TRUE(json["stations"][0].contains(key)) << key;
  }
  EXPECT_TRUE(json["stations"][0]["simulated"].is_null());
  EXPECT_EQ(json["stations"][0]["holding"]["calls"][0], "app");
  EXPECT_TRUE(json["stations"][1]["holding"].is_null());
  EXPECT_DOUBLE_EQ(json["system"]["throughput_rps"].get<double>(), 20.0);
  EXPECT_TRUE(json["system"]["simulated"].is_null());
  EXPECT_TRUE(json["departures"].is_array());
  const std::string text = product_form_text(view, context);
  EXPECT_THAT(text, HasSubstr("open network, Jackson"));
  EXPECT_THAT(text, HasSubstr("holds its slot while calling"));
  EXPECT_THAT(text, Not(HasSubstr("util sim")));
}

}  // namespace
}  // namespace stacksim::reports
