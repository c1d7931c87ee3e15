// A RunResult saved by run_result_json reads back equal in every field, to the bit.
#include "shards/run_result_json.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <stdexcept>

namespace stacksim::shards {
namespace {

std::uint64_t bits(double x) { return std::bit_cast<std::uint64_t>(x); }

models::RunResult sample() {
  models::RunResult r;
  r.offered = 1001;
  r.completed = 990;
  r.failed = 11;
  r.errors = {{"rejected", 7}, {"timeout", 4}};
  r.attempts = 1020;
  r.first_attempt_completed = 980;
  r.attempt_errors = {{"timeout", 30}};
  r.failures_by_origin = {{"crash", 11}};
  r.availability_by_time = 0.1 + 0.2;  // not a short decimal
  r.lost_writes = 3;
  r.downtime = {{"server1", "crash", 12.5, 1.0 / 3.0}};
  r.measured_s = 3600;
  r.mean_in_system = std::nan("");
  for (const std::int64_t v : {5LL, 1'000LL, 123'456'789LL, 77'000'000'000LL}) {
    r.latency_ns.record(v);
  }
  models::ComponentResult c;
  c.name = "db";
  c.kind = "db";
  c.host = "server1";
  c.servers = 151;
  c.utilization = 2.0 / 3.0;
  c.mean_queue_length = HUGE_VAL;
  c.mean_wait_s = 1e-300;
  c.mean_response_s = 0.000954;
  c.throughput_rps = 420.6;
  c.visits = 1'514'160;
  c.rejected = 2;
  c.availability = 0.999;
  r.components = {c};
  models::HostResult h;
  h.name = "server1";
  h.cores = 4;
  h.cpu_utilization = 0.38;
  h.mean_cpu_queue_length = 0.1;
  h.availability = 0.99;
  h.memory_bytes = 8LL << 30;
  h.mean_memory_demand_bytes = 1.5e9;
  h.peak_memory_demand_bytes = -1;
  h.memory_over_share = 0.25;
  h.oom_kills = 1;
  r.hosts = {h};
  r.classes = {{"page", 500, 495, 5, 0.07}};
  models::IntervalRow row;
  row.start_s = 0;
  row.end_s = 60;
  row.offered = 10;
  row.completed = 9;
  row.failed = 1;
  row.latency_p50_s = 0.01;
  row.latency_p99_s = 0.2;
  row.component_utilization = {0.5};
  row.component_queue_length = {-HUGE_VAL};
  row.host_cpu_utilization = {0.4};
  row.component_up = {1.0};
  row.host_up = {0.75};
  r.series = {row};
  r.events = 42;
  r.interrupted = true;
  return r;
}

TEST(RunResultJson, ReadsBackEveryFieldExactly) {
  const models::RunResult a = sample();
  const auto text = run_result_json(a).dump();
  const models::RunResult b = run_result_from_json(nlohmann::json::parse(text));
  EXPECT_EQ(b.offered, a.offered);
  EXPECT_EQ(b.completed, a.completed);
  EXPECT_EQ(b.failed, a.failed);
  EXPECT_EQ(b.errors, a.errors);
  EXPECT_EQ(b.attempts, a.attempts);
  EXPECT_EQ(b.first_attempt_completed, a.first_attempt_completed);
  EXPECT_EQ(b.attempt_errors, a.attempt_errors);
  EXPECT_EQ(b.failures_by_origin, a.failures_by_origin);
  EXPECT_EQ(bits(b.availability_by_time), bits(a.availability_by_time));
  EXPECT_EQ(b.lost_writes, a.lost_writes);
  ASSERT_EQ(b.downtime.size(), 1u);
  EXPECT_EQ(b.downtime[0].target, "server1");
  EXPECT_EQ(b.downtime[0].cause, "crash");
  EXPECT_EQ(bits(b.downtime[0].end_s), bits(1.0 / 3.0));
  EXPECT_EQ(b.measured_s, a.measured_s);
  EXPECT_TRUE(std::isnan(b.mean_in_system));
  EXPECT_EQ(b.latency_ns.count(), 4u);
  EXPECT_EQ(b.latency_ns.bucket_counts(), a.latency_ns.bucket_counts());
  EXPECT_EQ(bits(b.latency_ns.sum()), bits(a.latency_ns.sum()));
  EXPECT_EQ(b.latency_ns.min(), 5);
  EXPECT_EQ(b.latency_ns.max(), 77'000'000'000);
  EXPECT_EQ(b.latency_ns.quantile(0.5), a.latency_ns.quantile(0.5));
  ASSERT_EQ(b.components.size(), 1u);
  const auto& c = b.components[0];
  EXPECT_EQ(c.name, "db");
  EXPECT_EQ(c.host, "server1");
  EXPECT_EQ(c.servers, 151);
  EXPECT_EQ(bits(c.utilization), bits(2.0 / 3.0));
  EXPECT_EQ(c.mean_queue_length, HUGE_VAL);
  EXPECT_EQ(bits(c.mean_wait_s), bits(1e-300));
  EXPECT_EQ(c.visits, 1'514'160u);
  EXPECT_EQ(c.rejected, 2u);
  ASSERT_EQ(b.hosts.size(), 1u);
  EXPECT_EQ(b.hosts[0].memory_bytes, 8LL << 30);
  EXPECT_EQ(b.hosts[0].peak_memory_demand_bytes, -1);
  EXPECT_EQ(b.hosts[0].oom_kills, 1u);
  EXPECT_EQ(b.hosts[0].memory_over_share, 0.25);
  ASSERT_EQ(b.classes.size(), 1u);
  EXPECT_EQ(b.classes[0].name, "page");
  EXPECT_EQ(b.classes[0].failed, 5u);
  ASSERT_EQ(b.series.size(), 1u);
  EXPECT_EQ(b.series[0].component_queue_length[0], -HUGE_VAL);
  EXPECT_EQ(b.series[0].host_up, std::vector<double>{0.75});
  EXPECT_EQ(b.series[0].failed, 1u);
  EXPECT_EQ(b.events, 42u);
  EXPECT_TRUE(b.interrupted);
  // Written again, it is the same text.
  EXPECT_EQ(run_result_json(b).dump(), text);
}

TEST(RunResultJson, AnEmptyHistogramStaysEmpty) {
  const models::RunResult b = run_result_from_json(run_result_json(models::RunResult{}));
  EXPECT_EQ(b.latency_ns.count(), 0u);
  EXPECT_EQ(b.latency_ns.min(), 0);
  EXPECT_EQ(b.latency_ns.quantile(0.99), 0.0);
}

TEST(RunResultJson, NamesTheFirstBadKey) {
  auto j = nlohmann::json::parse(run_result_json(sample()).dump());
  j["hosts"][0]["cores"] = "four";
  try {
    (void)run_result_from_json(j);
    FAIL() << "accepted a bad value";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "/hosts/0/cores: expected an integer");
  }
  j = nlohmann::json::parse(run_result_json(sample()).dump());
  j["latency_ns"]["buckets"][0] = nlohmann::json::array({1'000'000, 1});
  EXPECT_THROW((void)run_result_from_json(j), std::runtime_error);
}

}  // namespace
}  // namespace stacksim::shards
