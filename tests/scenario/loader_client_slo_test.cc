// `workload.client` (timeouts and retries) and the top-level `slo`.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "scenario/loader.h"
#include "test_support.h"

namespace stacksim::scenario {
namespace {

using Json = nlohmann::ordered_json;
using models::ClientSpec;
using testing::dump;
using testing::HasError;
using testing::kMs;
using testing::kS;
using testing::load_with;

TEST(ClientSpec, ConvertsEveryKey) {
  const auto result = load_with(
      "/workload/client",
      {{"timeout", "30s"},
       {"retries", 3},
       {"backoff", {{"initial", "200ms"}, {"multiplier", 1.5}, {"max", "5s"}, {"jitter", "none"}}},
       {"dns_timeout", "1s"},
       {"dns_attempts", 5}});
  ASSERT_EQ(result.status, LoadStatus::kOk) << dump(result);
  const auto& c = result.spec->workload.client;
  EXPECT_EQ(c.timeout_ns, 30 * kS);
  EXPECT_EQ(c.max_retries, 3);
  EXPECT_EQ(c.backoff_initial_ns, 200 * kMs);
  EXPECT_DOUBLE_EQ(c.backoff_multiplier, 1.5);
  EXPECT_EQ(c.backoff_max_ns, 5 * kS);
  EXPECT_EQ(c.jitter, ClientSpec::Jitter::kNone);
  EXPECT_EQ(c.dns_timeout_ns, kS);
  EXPECT_EQ(c.dns_attempts, 5);
}

TEST(ClientSpec, AnEmptyClientKeepsTheDefaults) {
  const auto result = load_with("/workload/client", {{"backoff", Json::object()}});
  ASSERT_EQ(result.status, LoadStatus::kOk) << dump(result);
  const auto& c = result.spec->workload.client;
  const ClientSpec defaults;
  EXPECT_EQ(c.timeout_ns, 0);
  EXPECT_EQ(c.max_retries, 0);
  EXPECT_EQ(c.backoff_initial_ns, 100 * kMs);
  EXPECT_EQ(c.backoff_initial_ns, defaults.backoff_initial_ns);
  EXPECT_DOUBLE_EQ(c.backoff_multiplier, 2.0);
  EXPECT_EQ(c.backoff_max_ns, 10 * kS);
  EXPECT_EQ(c.jitter, ClientSpec::Jitter::kFull);
  EXPECT_EQ(c.dns_timeout_ns, 5 * kS);
  EXPECT_EQ(c.dns_attempts, 2);
}

TEST(ClientSpec, JitterNames) {
  for (const auto& [name, jitter] : std::vector<std::pair<std::string, ClientSpec::Jitter>>{
           {"full", ClientSpec::Jitter::kFull},
           {"equal", ClientSpec::Jitter::kEqual},
           {"none", ClientSpec::Jitter::kNone}}) {
    const auto result = load_with("/workload/client", {{"backoff", {{"jitter", name}}}});
    ASSERT_EQ(result.status, LoadStatus::kOk) << dump(result);
    EXPECT_EQ(result.spec->workload.client.jitter, jitter) << name;
  }
}

TEST(ClientErrors, RetriesAreBetweenZeroAndAHundred) {
  EXPECT_TRUE(HasError(load_with("/workload/client", {{"retries", -1}}), "/workload/client/retries",
                       "expected an integer between 0 and 100, got -1"));
  EXPECT_TRUE(HasError(load_with("/workload/client", {{"retries", 101}}),
                       "/workload/client/retries", "expected an integer between 0 and 100"));
  EXPECT_TRUE(HasError(load_with("/workload/client", {{"retries", 1.5}}),
                       "/workload/client/retries", "got 1.5"));
}

TEST(ClientErrors, BackoffMaxBelowInitial) {
  EXPECT_TRUE(
      HasError(load_with("/workload/client", {{"backoff", {{"initial", "2s"}, {"max", "1s"}}}}),
               "/workload/client/backoff/max", "max must not be less than initial"));
  EXPECT_TRUE(HasError(load_with("/workload/client", {{"backoff", {{"max", "50ms"}}}}),
                       "/workload/client/backoff/max",
                       "max must not be less than initial (100ms by default)"));
  EXPECT_TRUE(HasError(load_with("/workload/client", {{"backoff", {{"initial", "20s"}}}}),
                       "/workload/client/backoff/initial",
                       "initial must not be more than max (10s by default)"));
  // Equal is fine: no growth at all.
  EXPECT_EQ(load_with("/workload/client", {{"backoff", {{"initial", "1s"}, {"max", "1s"}}}}).status,
            LoadStatus::kOk);
}

TEST(ClientErrors, BackoffValues) {
  EXPECT_TRUE(HasError(load_with("/workload/client", {{"backoff", {{"jitter", "ful"}}}}),
                       "/workload/client/backoff/jitter",
                       "unknown jitter \"ful\"; did you mean \"full\"?"));
  EXPECT_TRUE(HasError(load_with("/workload/client", {{"backoff", {{"jitter", "decorrelated"}}}}),
                       "/workload/client/backoff/jitter", "expected one of: full, equal, none"));
  EXPECT_TRUE(HasError(load_with("/workload/client", {{"backoff", {{"multiplier", 0.5}}}}),
                       "/workload/client/backoff/multiplier", "expected a number >= 1, got 0.5"));
  EXPECT_TRUE(HasError(load_with("/workload/client", {{"backoff", {{"initial", 0}}}}),
                       "/workload/client/backoff/initial", "expected a positive duration"));
  EXPECT_TRUE(HasError(load_with("/workload/client", {{"backoff", "exponential"}}),
                       "/workload/client/backoff", "expected an object"));
}

TEST(ClientErrors, TimeoutsAndAttempts) {
  EXPECT_TRUE(HasError(load_with("/workload/client", {{"timeout", "-1s"}}),
                       "/workload/client/timeout", "expected a non-negative duration"));
  EXPECT_TRUE(HasError(load_with("/workload/client", {{"dns_timeout", 0}}),
                       "/workload/client/dns_timeout", "expected a positive duration, got 0"));
  EXPECT_TRUE(HasError(load_with("/workload/client", {{"dns_attempts", 0}}),
                       "/workload/client/dns_attempts", "expected an integer between 1 and 5"));
  EXPECT_TRUE(HasError(load_with("/workload/client", {{"dns_attempts", 6}}),
                       "/workload/client/dns_attempts", "expected an integer between 1 and 5"));
}

TEST(ClientErrors, UnknownKeysSuggestNearest) {
  EXPECT_TRUE(HasError(load_with("/workload/client", {{"retires", 2}}), "/workload/client/retires",
                       "unknown key \"retires\"; did you mean \"retries\"?"));
  EXPECT_TRUE(HasError(load_with("/workload/client", {{"backoff", {{"maximum", "1s"}}}}),
                       "/workload/client/backoff/maximum", "unknown key \"maximum\""));
  EXPECT_TRUE(HasError(load_with("/workload/clinet", Json::object()), "/workload/clinet",
                       "did you mean \"client\"?"));
  EXPECT_TRUE(
      HasError(load_with("/workload/client", 3), "/workload/client", "expected an object, got 3"));
}

TEST(Slo, ConvertsTheObjectivesGiven) {
  const auto result = load_with("/slo", {{"availability", 0.999}, {"latency_p99", "500ms"}});
  ASSERT_EQ(result.status, LoadStatus::kOk) << dump(result);
  ASSERT_TRUE(result.spec->slo.has_value());
  const auto& slo = *result.spec->slo;
  EXPECT_EQ(slo.availability, 0.999);
  EXPECT_EQ(slo.latency_p99_ns, 500 * kMs);
  EXPECT_FALSE(slo.latency_p95_ns.has_value());
  EXPECT_FALSE(slo.latency_p50_ns.has_value());

  const auto latency_only = load_with("/slo", {{"latency_p50", 0.05}, {"latency_p95", "200ms"}});
  ASSERT_EQ(latency_only.status, LoadStatus::kOk) << dump(latency_only);
  EXPECT_FALSE(latency_only.spec->slo->availability.has_value());
  EXPECT_EQ(latency_only.spec->slo->latency_p50_ns, 50 * kMs);
  EXPECT_EQ(latency_only.spec->slo->latency_p95_ns, 200 * kMs);
}

TEST(SloErrors, AvailabilityIsStrictlyBetweenZeroAndOne) {
  for (const double bad : {1.5, 1.0, 0.0, -0.1}) {
    const auto result = load_with("/slo", {{"availability", bad}});
    EXPECT_TRUE(
        HasError(result, "/slo/availability", "expected a number greater than 0 and less than 1"))
        << bad;
  }
  EXPECT_TRUE(HasError(load_with("/slo", {{"availability", 1.5}}), "/slo/availability", "got 1.5"));
  EXPECT_TRUE(HasError(load_with("/slo", {{"availability", "99.9%"}}), "/slo/availability",
                       "got \"99.9%\""));
}

TEST(SloErrors, EmptySloNamesNoObjective) {
  const auto result = load_with("/slo", Json::object());
  EXPECT_TRUE(HasError(result, "/slo", "slo names no objective"));
  EXPECT_EQ(result.errors.size(), 1u) << dump(result);
}

TEST(SloErrors, LatenciesArePositiveDurations) {
  EXPECT_TRUE(HasError(load_with("/slo", {{"latency_p95", 0}}), "/slo/latency_p95",
                       "expected a positive duration, got 0"));
  EXPECT_TRUE(HasError(load_with("/slo", {{"latency_p99", "-1s"}}), "/slo/latency_p99",
                       "expected a positive duration"));
  EXPECT_TRUE(HasError(load_with("/slo", {{"latency_p999", "1s"}}), "/slo/latency_p999",
                       "did you mean \"latency_p99\"?"));
  EXPECT_TRUE(HasError(load_with("/slo", Json::array()), "/slo", "expected an object"));
  EXPECT_TRUE(HasError(load_with("/sol", Json::object()), "/sol", "did you mean \"slo\"?"));
}

}  // namespace
}  // namespace stacksim::scenario
