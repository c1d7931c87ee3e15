#include <gtest/gtest.h>

#include "scenario/json_pointer.h"
#include "scenario/loader.h"
#include "test_support.h"

namespace stacksim::scenario {
namespace {

using testing::dump;
using testing::HasError;

LoadResult load_with(std::vector<Override> overrides) {
  return load_scenario_text(testing::kMinimalScenario, "t.json", overrides);
}

TEST(ParseOverride, SplitsAtTheFirstEquals) {
  const auto o = parse_override("/workload/arrivals/rate=50");
  ASSERT_TRUE(o.has_value());
  EXPECT_EQ(o->pointer, "/workload/arrivals/rate");
  EXPECT_EQ(o->value, "50");
  const auto with_equals = parse_override("/name=a=b");
  ASSERT_TRUE(with_equals.has_value());
  EXPECT_EQ(with_equals->value, "a=b");
  const auto empty = parse_override("/description=");
  ASSERT_TRUE(empty.has_value());
  EXPECT_EQ(empty->value, "");
}

TEST(ParseOverride, RejectsMissingEqualsOrRelativePath) {
  EXPECT_FALSE(parse_override("/workload/arrivals/rate").has_value());
  EXPECT_FALSE(parse_override("workload/arrivals/rate=5").has_value());
  EXPECT_FALSE(parse_override("=5").has_value());
}

TEST(Overrides, SetAnExistingValue) {
  const auto result = load_with({{"/workload/arrivals/rate", "50"}});
  ASSERT_EQ(result.status, LoadStatus::kOk) << dump(result);
  EXPECT_DOUBLE_EQ(result.spec->workload.rate_per_s, 50.0);
}

TEST(Overrides, AddAKeyToAnExistingObject) {
  const auto result = load_with({{"/components/web/servers", "64"}, {"/duration", "90s"}});
  ASSERT_EQ(result.status, LoadStatus::kOk) << dump(result);
  EXPECT_EQ(result.spec->find_component("web")->servers, 64);
  EXPECT_EQ(result.spec->duration_ns, 90 * sim::kNanosPerSecond);  // "90s" is not JSON: a string
}

TEST(Overrides, ApplyInOrder) {
  const auto result = load_with({{"/seed", "5"}, {"/seed", "6"}});
  ASSERT_EQ(result.status, LoadStatus::kOk) << dump(result);
  EXPECT_EQ(result.spec->seed, 6u);
}

TEST(Overrides, SetWholeObjectsAndAppendToArrays) {
  const auto result = load_with({{"/workload/arrivals", R"({"process": "closed", "users": 3})"},
                                 {"/workload/mix/-", R"({"name": "static", "path": ["web"]})"},
                                 {"/workload/mix/0/weight", "2"}});
  ASSERT_EQ(result.status, LoadStatus::kOk) << dump(result);
  EXPECT_EQ(result.spec->workload.users, 3);
  ASSERT_EQ(result.spec->workload.mix.size(), 2u);
  EXPECT_EQ(result.spec->workload.mix[1].name, "static");
  EXPECT_DOUBLE_EQ(result.spec->workload.mix[0].weight, 2.0);
}

TEST(Overrides, MissingParentIsAnError) {
  const auto result = load_with({{"/workload/arival/rate", "5"}});
  ASSERT_EQ(result.status, LoadStatus::kInvalid);
  ASSERT_EQ(result.errors.size(), 1u) << dump(result);
  EXPECT_EQ(result.errors[0].to_string(), "t.json: /workload/arival/rate: --set: no such location");
  EXPECT_TRUE(HasError(load_with({{"/workload/mix/7/weight", "1"}}), "/workload/mix/7/weight",
                       "--set: no such location"));
  EXPECT_TRUE(HasError(load_with({{"/name/x", "1"}}), "/name/x", "--set: no such location"));
}

TEST(Overrides, ValueThatIsNotJsonBecomesAStringAndIsTypeChecked) {
  const auto result = load_with({{"/components/web/servers", "four"}});
  ASSERT_EQ(result.status, LoadStatus::kInvalid);
  ASSERT_EQ(result.errors.size(), 1u) << dump(result);
  EXPECT_EQ(result.errors[0].to_string(),
            "t.json: /components/web/servers: expected a positive integer, got \"four\"");
}

TEST(Overrides, NewUnknownKeyIsJudgedByValidation) {
  const auto result = load_with({{"/workload/arrivals/rat", "5"}});
  EXPECT_TRUE(HasError(result, "/workload/arrivals/rat", "did you mean \"rate\"?"));
}

TEST(Overrides, NonFiniteTextIsAString) {
  for (const char* text : {"NaN", "nan", "inf", "-Infinity", "1e400"}) {
    const auto result = load_with({{"/workload/arrivals/rate", text}});
    EXPECT_TRUE(HasError(result, "/workload/arrivals/rate", "expected a positive number")) << text;
  }
}

TEST(ArrayIndex, TakesDecimalDigitsWithoutALeadingZeroBelowTheSize) {
  EXPECT_EQ(array_index("0", 3), 0u);
  EXPECT_EQ(array_index("2", 3), 2u);
  EXPECT_EQ(array_index("3", 3), std::nullopt);
  for (const char* token : {"", "01", "00", "-1", "+1", "1a", " 1", "-", "1234567890123456789"}) {
    EXPECT_EQ(array_index(token, 100), std::nullopt) << token;
  }
}

TEST(Overrides, AnArrayIndexWithALeadingZeroIsNoSuchLocation) {
  EXPECT_TRUE(HasError(load_with({{"/workload/mix/00", "{}"}}), "/workload/mix/00",
                       "--set: no such location"));
}

}  // namespace
}  // namespace stacksim::scenario
