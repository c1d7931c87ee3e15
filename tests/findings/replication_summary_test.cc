#include "findings/replication_summary.h"

#include <gtest/gtest.h>

#include <cmath>

#include "findings/bottleneck.h"
#include "tests/reports/run_result_builder.h"

namespace stacksim::findings {
namespace {

using reports::testing::component;
using reports::testing::host;
using reports::testing::sample_run;

constexpr double kT975Df2 = 4.302653;  // Student t, 0.975 quantile, 2 degrees of freedom

TEST(MeanIntervalTest, EmptyIsZero) {
  const Interval i = mean_interval({});
  EXPECT_EQ(i.mean, 0.0);
  EXPECT_EQ(i.half_width, 0.0);
}

TEST(MeanIntervalTest, SingleValueHasNoWidth) {
  const Interval i = mean_interval({7.5});
  EXPECT_EQ(i.mean, 7.5);
  EXPECT_EQ(i.half_width, 0.0);
  EXPECT_EQ(i.low(), 7.5);
  EXPECT_EQ(i.high(), 7.5);
}

TEST(MeanIntervalTest, ThreeValuesUseStudentT) {
  // mean 20, sample standard deviation 10.
  const Interval i = mean_interval({10.0, 20.0, 30.0});
  EXPECT_DOUBLE_EQ(i.mean, 20.0);
  const double expected = kT975Df2 * 10.0 / std::sqrt(3.0);
  EXPECT_NEAR(i.half_width, expected, 1e-5);
  EXPECT_NEAR(i.low(), 20.0 - expected, 1e-5);
  EXPECT_NEAR(i.high(), 20.0 + expected, 1e-5);
}

TEST(MeanIntervalTest, ManyValuesApproachNormal) {
  std::vector<double> values;
  for (int i = 0; i < 1000; ++i) values.push_back(i % 2 == 0 ? 1.0 : -1.0);
  const Interval i = mean_interval(values);
  // s = sqrt(1000/999), t(0.975, 999) = 1.962341.
  EXPECT_NEAR(i.half_width, 1.962341 * std::sqrt(1000.0 / 999.0) / std::sqrt(1000.0), 1e-5);
}

TEST(SummarizeTest, EmptyIsAllZero) {
  const SummaryStats s = summarize({});
  EXPECT_EQ(s.offered.mean, 0.0);
  EXPECT_EQ(s.latency_p99_s.mean, 0.0);
  EXPECT_TRUE(s.errors.empty());
}

TEST(SummarizeTest, OneReplication) {
  const SummaryStats s = summarize({sample_run()});
  EXPECT_EQ(s.offered.mean, 1010.0);
  EXPECT_EQ(s.completed.mean, 1000.0);
  EXPECT_EQ(s.failed.mean, 10.0);
  EXPECT_DOUBLE_EQ(s.availability.mean, 1000.0 / 1010.0);
  EXPECT_DOUBLE_EQ(s.throughput_rps.mean, 10.0);
  EXPECT_DOUBLE_EQ(s.mean_in_system.mean, 3.25);
  EXPECT_EQ(s.offered.half_width, 0.0);
  EXPECT_EQ(s.latency_p99_s.half_width, 0.0);
  // Latencies 1..1000 ms, in seconds.
  EXPECT_NEAR(s.latency_mean_s.mean, 0.5005, 1e-12);
  EXPECT_NEAR(s.latency_p50_s.mean, 0.500, 0.500 * 0.01);
  EXPECT_NEAR(s.latency_p90_s.mean, 0.900, 0.900 * 0.01);
  EXPECT_NEAR(s.latency_p95_s.mean, 0.950, 0.950 * 0.01);
  EXPECT_NEAR(s.latency_p99_s.mean, 0.990, 0.990 * 0.01);
  EXPECT_NEAR(s.latency_p999_s.mean, 0.999, 0.999 * 0.01);
  EXPECT_DOUBLE_EQ(s.latency_max_s.mean, 1.0);
  EXPECT_EQ(s.errors.size(), 2u);
  EXPECT_EQ(s.errors.at("rejected"), 8.0);
  EXPECT_EQ(s.errors.at("dns_failure"), 2.0);
}

TEST(SummarizeTest, ThreeReplicationsAverageWithIntervals) {
  std::vector<models::RunResult> runs(3, sample_run());
  runs[0].completed = 900;
  runs[1].completed = 1000;
  runs[2].completed = 1100;
  runs[1].errors = {{"timeout", 3}};  // no rejected, no dns_failure in this one
  const SummaryStats s = summarize(runs);
  EXPECT_DOUBLE_EQ(s.completed.mean, 1000.0);
  EXPECT_NEAR(s.completed.half_width, kT975Df2 * 100.0 / std::sqrt(3.0), 1e-3);
  EXPECT_DOUBLE_EQ(s.throughput_rps.mean, 10.0);
  EXPECT_NEAR(s.throughput_rps.half_width, kT975Df2 * 1.0 / std::sqrt(3.0), 1e-5);
  const double a0 = 900.0 / 910.0, a1 = 1000.0 / 1010.0, a2 = 1100.0 / 1110.0;
  EXPECT_DOUBLE_EQ(s.availability.mean, (a0 + a1 + a2) / 3.0);
  EXPECT_EQ(s.offered.half_width, 0.0);  // identical in every replication
  EXPECT_DOUBLE_EQ(s.errors.at("rejected"), 16.0 / 3.0);
  EXPECT_DOUBLE_EQ(s.errors.at("dns_failure"), 4.0 / 3.0);
  EXPECT_DOUBLE_EQ(s.errors.at("timeout"), 1.0);
}

TEST(SummarizeTest, InterruptedWhenAnyReplicationWasWithTheMeanMeasuredTime) {
  std::vector<models::RunResult> runs(2, sample_run());
  runs[0].measured_s = 30;
  runs[1].measured_s = 60;
  SummaryStats s = summarize(runs);
  EXPECT_FALSE(s.interrupted);
  EXPECT_DOUBLE_EQ(s.measured_s, 45.0);
  runs[1].interrupted = true;
  s = summarize(runs);
  EXPECT_TRUE(s.interrupted);
  EXPECT_FALSE(summarize({}).interrupted);
  EXPECT_EQ(summarize({}).measured_s, 0.0);
}

TEST(SummarizeTest, AttemptsAndSuccessShares) {
  std::vector<models::RunResult> runs(2, sample_run());
  // 1010 offered in each; 1515 and 2020 attempts: amplification 1.5 and 2.
  runs[0].attempts = 1515;
  runs[1].attempts = 2020;
  runs[0].first_attempt_completed = 505;  // 50%
  runs[1].first_attempt_completed = 909;  // 90%
  runs[1].completed = 959;
  runs[0].attempt_errors = {{"timeout", 505}};
  runs[1].attempt_errors = {{"timeout", 1000}, {"component_down", 10}};
  runs[1].failures_by_origin = {{"crash", 2}};
  runs[0].availability_by_time = 0.9;
  runs[1].availability_by_time = 0.8;
  const SummaryStats s = summarize(runs);
  EXPECT_DOUBLE_EQ(s.attempts.mean, 1767.5);
  EXPECT_DOUBLE_EQ(s.retry_amplification.mean, 1.75);
  EXPECT_DOUBLE_EQ(s.first_attempt_success.mean, 0.7);
  EXPECT_DOUBLE_EQ(s.final_success.mean, (1000.0 + 959.0) / 1010.0 / 2.0);
  EXPECT_DOUBLE_EQ(s.availability_by_time.mean, 0.85);
  EXPECT_GT(s.availability_by_time.half_width, 0.0);
  EXPECT_DOUBLE_EQ(s.attempt_errors.at("timeout"), 752.5);
  EXPECT_DOUBLE_EQ(s.attempt_errors.at("component_down"), 5.0);
  // sample_run's overload 8 in the first, crash 2 instead in the second.
  EXPECT_DOUBLE_EQ(s.failures_by_origin.at("crash"), 1.0);
  EXPECT_DOUBLE_EQ(s.failures_by_origin.at("overload"), 4.0);
}

TEST(SummarizeTest, NothingOfferedCountsAsAllServed) {
  models::RunResult r;
  r.measured_s = 10;
  const SummaryStats s = summarize({r});
  EXPECT_EQ(s.retry_amplification.mean, 1.0);
  EXPECT_EQ(s.first_attempt_success.mean, 1.0);
  EXPECT_EQ(s.final_success.mean, 1.0);
  EXPECT_EQ(s.availability_by_time.mean, 1.0);
}

TEST(SummarizeTest, EmptyHistogramGivesZeroLatency) {
  models::RunResult r;
  r.offered = 5;
  r.failed = 5;
  r.measured_s = 10;
  const SummaryStats s = summarize({r});
  EXPECT_EQ(s.availability.mean, 0.0);
  EXPECT_EQ(s.latency_mean_s.mean, 0.0);
  EXPECT_EQ(s.latency_max_s.mean, 0.0);
  EXPECT_EQ(s.latency_p99_s.mean, 0.0);
}

TEST(MeanComponentsTest, AveragesFieldByFieldMatchingByName) {
  models::RunResult a, b;
  a.components = {component("web", "web", "h", 4, 0.2, 1.0),
                  component("db", "db", "h", 2, 0.4, 3.0)};
  // Listed in another order in the second replication.
  b.components = {component("db", "db", "h", 2, 0.6, 4.0),
                  component("web", "web", "h", 4, 0.3, 2.0)};
  const auto mean = mean_components({a, b});
  ASSERT_EQ(mean.size(), 2u);
  EXPECT_EQ(mean[0].name, "web");
  EXPECT_EQ(mean[0].kind, "web");
  EXPECT_EQ(mean[0].host, "h");
  EXPECT_EQ(mean[0].servers, 4);
  EXPECT_DOUBLE_EQ(mean[0].utilization, 0.25);
  EXPECT_DOUBLE_EQ(mean[0].mean_queue_length, 0.75);
  EXPECT_DOUBLE_EQ(mean[0].mean_wait_s, 0.0015);
  EXPECT_DOUBLE_EQ(mean[0].mean_response_s, 0.015);
  EXPECT_DOUBLE_EQ(mean[0].throughput_rps, 15.0);
  EXPECT_EQ(mean[0].visits, 1500u);
  EXPECT_EQ(mean[0].rejected, 2u);  // 1.5 rounded
  EXPECT_DOUBLE_EQ(mean[0].availability, 1.0 - 0.0015);
  EXPECT_EQ(mean[1].name, "db");
  EXPECT_DOUBLE_EQ(mean[1].utilization, 0.5);
  EXPECT_DOUBLE_EQ(mean[1].throughput_rps, 35.0);
  // The counts unrounded.
  EXPECT_DOUBLE_EQ(mean[0].mean_visits, 1500.0);
  EXPECT_DOUBLE_EQ(mean[0].mean_rejected, 1.5);
  EXPECT_DOUBLE_EQ(mean[1].mean_rejected, 3.5);
}

TEST(MeanHostsTest, AveragesFieldByField) {
  models::RunResult a, b;
  a.hosts = {host("s1", 4, 0.5, 0.2, 1.0)};
  b.hosts = {host("s1", 4, 0.7, 0.4, 0.9)};
  const auto mean = mean_hosts({a, b});
  ASSERT_EQ(mean.size(), 1u);
  EXPECT_EQ(mean[0].name, "s1");
  EXPECT_EQ(mean[0].cores, 4);
  EXPECT_DOUBLE_EQ(mean[0].cpu_utilization, 0.6);
  EXPECT_DOUBLE_EQ(mean[0].mean_cpu_queue_length, 0.3);
  EXPECT_DOUBLE_EQ(mean[0].availability, 0.95);
}

TEST(MeanClassesTest, CountsMayBeFractional) {
  models::RunResult a, b;
  a.classes = {{"page", 10, 9, 1, 0.2}, {"api", 4, 4, 0, 0.1}};
  b.classes = {{"page", 11, 11, 0, 0.4}, {"api", 6, 5, 1, 0.3}};
  const auto mean = mean_classes({a, b});
  ASSERT_EQ(mean.size(), 2u);
  EXPECT_EQ(mean[0].name, "page");
  EXPECT_DOUBLE_EQ(mean[0].offered, 10.5);
  EXPECT_DOUBLE_EQ(mean[0].completed, 10.0);
  EXPECT_DOUBLE_EQ(mean[0].failed, 0.5);
  EXPECT_DOUBLE_EQ(mean[0].mean_latency_s, 0.3);
  EXPECT_EQ(mean[1].name, "api");
  EXPECT_DOUBLE_EQ(mean[1].offered, 5.0);
}

// A summary of `completed` requests with mean latency `latency_s` over 100 s.
SummaryStats served(double completed, double latency_s) {
  SummaryStats s;
  s.completed.mean = completed;
  s.offered.mean = completed;
  s.latency_mean_s.mean = latency_s;
  s.throughput_rps.mean = completed / 100.0;
  s.measured_s = 100.0;
  s.replications = 1;
  return s;
}

ComponentStats stats_of(const models::ComponentResult& c) {
  ComponentStats stats;
  static_cast<models::ComponentResult&>(stats) = c;
  stats.mean_visits = static_cast<double>(c.visits);
  stats.mean_rejected = static_cast<double>(c.rejected);
  return stats;
}

ComponentStats idle(const std::string& name, const std::string& kind, double utilization) {
  models::ComponentResult c = component(name, kind, "s1", 4, utilization, 1.0);
  c.rejected = 0;
  c.mean_wait_s = 0.0;
  c.availability = 1.0;
  return stats_of(c);
}

TEST(FindBottleneckTest, NothingLimitingNamesTheBusiestResource) {
  const std::vector<ComponentStats> components = {idle("web", "web", 0.2), idle("app", "app", 0.6)};
  const std::vector<models::HostResult> hosts = {host("s1", 2, 0.5, 0, 1)};
  const Bottleneck b = find_bottleneck(served(1000, 0.1), components, hosts, {});
  EXPECT_EQ(b.name, "app");
  EXPECT_EQ(b.resource, "workers");
  EXPECT_EQ(b.because, "busiest");
  EXPECT_DOUBLE_EQ(b.utilization, 0.6);
  // Ties go to the first, components before hosts; a host is named by its name, resource cpu.
  const std::vector<models::HostResult> busy = {host("s1", 2, 0.9, 0, 1)};
  const Bottleneck cpu = find_bottleneck(served(1000, 0.1), components, busy, {});
  EXPECT_EQ(cpu.name, "s1");
  EXPECT_EQ(cpu.resource, "cpu");
}

TEST(FindBottleneckTest, RejectionsBeatUtilization) {
  std::vector<ComponentStats> components = {idle("web", "web", 0.2), idle("app", "app", 0.6),
                                            idle("db", "db", 0.1)};
  components[2].mean_rejected = 30;  // MySQL max_connections reached
  const std::vector<models::HostResult> hosts = {host("s1", 2, 0.85, 0, 1)};
  const Bottleneck b = find_bottleneck(served(1000, 0.1), components, hosts, {});
  EXPECT_EQ(b.name, "db");
  EXPECT_EQ(b.resource, "connections");
  EXPECT_EQ(b.because, "rejections");
  EXPECT_DOUBLE_EQ(b.rejected, 30);
  // A web server that turns connections away has a full accept queue.
  components[0].mean_rejected = 40;
  EXPECT_EQ(find_bottleneck(served(1000, 0.1), components, hosts, {}).resource, "backlog");
}

TEST(FindBottleneckTest, RejectionsOnASaturatedHostNameItsCores) {
  // PHP-FPM children that hold their slot while they wait for a core: the cores ran out, not
  // the children; the rejections stay the evidence.
  std::vector<ComponentStats> components = {idle("web", "web", 0.2), idle("app", "app", 1.0)};
  components[1].mean_rejected = 500;
  const std::vector<models::HostResult> saturated = {host("s1", 2, 0.9, 0, 1)};
  const Bottleneck b = find_bottleneck(served(1000, 0.1), components, saturated, {});
  EXPECT_EQ(b.name, "s1");
  EXPECT_EQ(b.resource, "cpu");
  EXPECT_EQ(b.because, "rejections");
  EXPECT_DOUBLE_EQ(b.rejected, 500);
  EXPECT_DOUBLE_EQ(b.utilization, 0.9);
  // Just below kCpuSaturatedShare the workers are what ran out.
  const std::vector<models::HostResult> busy = {host("s1", 2, 0.89, 0, 1)};
  EXPECT_EQ(find_bottleneck(served(1000, 0.1), components, busy, {}).resource, "workers");
}

TEST(FindBottleneckTest, WaitingNamesTheLargestShareOfLatency) {
  std::vector<ComponentStats> components = {idle("web", "web", 0.9), idle("app", "app", 0.6)};
  // 1000 completed requests, 100 ms each; the app: 2000 visits waiting 10 ms = 20 ms a request.
  components[1].mean_visits = 2000;
  components[1].mean_wait_s = 0.010;
  // The host's CPU: 0.5 bursts waiting on average at 10 requests/s = 50 ms a request.
  const std::vector<models::HostResult> hosts = {host("s1", 2, 0.5, 0.5, 1)};
  const Bottleneck b = find_bottleneck(served(1000, 0.1), components, hosts, {});
  EXPECT_EQ(b.name, "s1");
  EXPECT_EQ(b.resource, "cpu");
  EXPECT_EQ(b.because, "waiting");
  EXPECT_DOUBLE_EQ(*b.wait_share, 0.5);
  // Below 5% of latency nothing counts as waiting.
  const std::vector<models::HostResult> short_wait = {host("s1", 2, 0.5, 0.004, 1)};
  components[1].mean_wait_s = 0.0001;
  EXPECT_EQ(find_bottleneck(served(1000, 0.1), components, short_wait, {}).because, "busiest");
}

TEST(FindBottleneckTest, FaultsThatCauseMostFailuresNameTheTargetDownLongest) {
  SummaryStats s = served(900, 0.1);
  s.failed.mean = 100;
  s.failures_by_origin = {{"crash", 90}, {"overload", 10}};
  DowntimeTotals downtime;
  downtime.seconds["s1"]["crash"] = 20;
  downtime.seconds["web"]["crash"] = 20;  // down with its host: the host is named
  const std::vector<ComponentStats> components = {idle("web", "web", 0.9)};
  const std::vector<models::HostResult> hosts = {host("s1", 2, 0.0, 0, 0.8)};
  const Bottleneck b = find_bottleneck(s, components, hosts, downtime);
  EXPECT_EQ(b.name, "s1");
  EXPECT_EQ(b.resource, "down");
  EXPECT_DOUBLE_EQ(b.down_s, 20);
  EXPECT_DOUBLE_EQ(b.utilization, 0.2);
  // Overload behind most failures: the faults are not what limits.
  s.failures_by_origin = {{"crash", 10}, {"overload", 90}};
  EXPECT_NE(find_bottleneck(s, components, hosts, downtime).resource, "down");
}

TEST(FindBottleneckTest, AHostShortOfMemoryComesFirst) {
  std::vector<ComponentStats> components = {idle("app", "app", 1.0)};
  components[0].mean_rejected = 500;
  models::HostResult h = host("s1", 8, 0.3, 0, 1);
  h.memory_bytes = 1000;
  h.mean_memory_demand_bytes = 1200;
  h.memory_over_share = 0.7;
  const Bottleneck b = find_bottleneck(served(1000, 1.0), components, {h}, {});
  EXPECT_EQ(b.name, "s1");
  EXPECT_EQ(b.resource, "memory");
  EXPECT_DOUBLE_EQ(b.memory_over_share, 0.7);
  EXPECT_DOUBLE_EQ(b.utilization, 1.2);
  h.memory_over_share = 0.001;  // a blip: not what limits
  EXPECT_EQ(find_bottleneck(served(1000, 1.0), components, {h}, {}).resource, "workers");
}

TEST(FindBottleneckTest, NothingMeasured) {
  EXPECT_TRUE(find_bottleneck(served(0, 0), {}, {}, {}).name.empty());
  EXPECT_TRUE(find_bottleneck(std::vector<models::RunResult>{}).name.empty());
}

}  // namespace
}  // namespace stacksim::findings
