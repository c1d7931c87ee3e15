#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "scenario/loader.h"
#include "test_support.h"

namespace stacksim::scenario {
namespace {

using Json = nlohmann::ordered_json;
using testing::data_path;
using testing::dump;
using testing::HasError;
using testing::load_with;
using testing::load_without;

LoadResult load_text(const std::string& text) { return load_scenario_text(text, "t.json"); }

TEST(LoaderSyntax, ReportsLineAndColumnOfASyntaxError) {
  const auto result = load_text("{\n  \"name\": \"x\",\n}");
  ASSERT_EQ(result.status, LoadStatus::kInvalid);
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].to_string(),
            "t.json:3:1: syntax error while parsing object key - unexpected '}'; expected string "
            "literal");
}

TEST(LoaderSyntax, ReportsTheMissingCommaInAFile) {
  const auto result = load_scenario_file(data_path("bad/syntax_error.json"));
  ASSERT_EQ(result.status, LoadStatus::kInvalid);
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].line, 4);
  EXPECT_EQ(result.errors[0].column, 12);
  EXPECT_EQ(result.errors[0].to_string(),
            data_path("bad/syntax_error.json") +
                ":4:12: syntax error while parsing object - unexpected string literal; expected "
                "'}'");
}

TEST(LoaderSyntax, ReportsEndOfInputAndUnterminatedComments) {
  auto result = load_text("{\"name\": ");
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].line, 1);
  EXPECT_NE(result.errors[0].message.find("unexpected end of input"), std::string::npos);
  result = load_text("{} /* never closed");
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_NE(result.errors[0].message.find("comment"), std::string::npos) << dump(result);
  result = load_text("");
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].to_string().substr(0, 11), "t.json:1:1:");
}

TEST(LoaderSyntax, ReportsNumberOverflowWithItsPosition) {
  const auto result = load_text("{\n  \"seed\": 1e400\n}");
  ASSERT_EQ(result.status, LoadStatus::kInvalid);
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].line, 2);
  EXPECT_NE(result.errors[0].message.find("number overflow"), std::string::npos);
}

TEST(LoaderErrors, RejectsADuplicateKey) {
  const auto result = load_text(R"({"name": "a", "name": "b"})");
  EXPECT_TRUE(HasError(result, "/name", "duplicate key \"name\""));
}

TEST(LoaderErrors, TopLevelMustBeAnObject) {
  const auto result = load_text("[1, 2]");
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].to_string(),
            "t.json: expected a JSON object at the top level, got an array");
}

TEST(LoaderErrors, UnknownTopLevelKeySuggestsNearest) {
  const auto result = load_with("/worklaod", Json::object());
  ASSERT_EQ(result.status, LoadStatus::kInvalid);
  EXPECT_TRUE(
      HasError(result, "/worklaod", "unknown key \"worklaod\"; did you mean \"workload\"?"));
}

TEST(LoaderErrors, UnknownComponentKeySuggestsNearest) {
  const auto result = load_with("/components/web/sevrers", 4);
  EXPECT_TRUE(HasError(result, "/components/web/sevrers",
                       "unknown key \"sevrers\"; did you mean \"servers\"?"));
  EXPECT_EQ(result.errors.size(), 1u) << dump(result);
}

TEST(LoaderErrors, KeyOfAnotherKindIsUnknownAndSaysWhoseItIs) {
  const auto result = load_with("/components/db/workers", 4);
  EXPECT_TRUE(HasError(result, "/components/db/workers", "unknown key \"workers\""));
  EXPECT_TRUE(HasError(result, "/components/db/workers", "a key of kind app"));
}

TEST(LoaderErrors, UnknownKeyWithoutNearOneListsValidKeys) {
  const auto result = load_with("/network", Json{{"bandwidth", 5}});
  EXPECT_TRUE(HasError(result, "/network/bandwidth",
                       "unknown key \"bandwidth\"; valid keys are: rtt, keepalive_share, "
                       "syn_retries, syn_initial_timeout"));
}

TEST(LoaderErrors, UnknownKeyInsideADistributionSuggestsNearest) {
  const auto result =
      load_with("/components/db/cpu", Json{{"dist", "exponential"}, {"maen", "1ms"}});
  EXPECT_TRUE(HasError(result, "/components/db/cpu/maen", "did you mean \"mean\"?"));
  EXPECT_TRUE(HasError(result, "/components/db/cpu", "missing required key \"mean\""));
}

TEST(LoaderErrors, UnknownDistributionNameSuggestsNearest) {
  const auto result = load_with("/components/db/cpu", Json{{"dist", "exponental"}, {"mean", 1}});
  EXPECT_TRUE(HasError(result, "/components/db/cpu/dist",
                       "unknown distribution \"exponental\"; did you mean \"exponential\"?"));
}

TEST(LoaderErrors, UnknownKeyInsideWorkloadSuggestsNearest) {
  const auto result = load_with("/workload/arivals", Json::object());
  EXPECT_TRUE(HasError(result, "/workload/arivals", "did you mean \"arrivals\"?"));
}

TEST(LoaderErrors, MissingRequiredKeys) {
  EXPECT_TRUE(HasError(load_without("/name"), "", "missing required key \"name\""));
  EXPECT_TRUE(HasError(load_without("/components"), "", "missing required key \"components\""));
  EXPECT_TRUE(HasError(load_without("/workload/mix"), "/workload", "missing required key \"mix\""));
  EXPECT_TRUE(HasError(load_without("/components/web/kind"), "/components/web",
                       "missing required key \"kind\""));
  EXPECT_TRUE(HasError(load_with("/components/s", Json{{"kind", "station"}}), "/components/s",
                       "missing required key \"service\""));
}

TEST(LoaderErrors, UnknownKindSuggestsNearest) {
  const auto result = load_with("/components/web/kind", "wbe");
  EXPECT_TRUE(
      HasError(result, "/components/web/kind", "unknown kind \"wbe\"; did you mean \"web\"?"));
}

TEST(LoaderErrors, WrongTypesNameWhatWasExpectedAndGot) {
  EXPECT_TRUE(HasError(load_with("/components/web/servers", "four"), "/components/web/servers",
                       "expected a positive integer, got \"four\""));
  EXPECT_TRUE(HasError(load_with("/components/web/servers", 2.5), "/components/web/servers",
                       "expected a positive integer, got 2.5"));
  EXPECT_TRUE(HasError(load_with("/name", 7), "/name", "expected a non-empty string, got 7"));
  EXPECT_TRUE(
      HasError(load_with("/components", Json::array({1, 2})), "/components", "got an array"));
  EXPECT_TRUE(
      HasError(load_with("/components/web", 5), "/components/web", "expected an object, got 5"));
  EXPECT_TRUE(HasError(load_with("/components/db/cpu", true), "/components/db/cpu",
                       "expected a distribution"));
  EXPECT_TRUE(HasError(load_with("/workload/mix", Json::object()), "/workload/mix",
                       "expected a non-empty array of request classes, got an object"));
  EXPECT_TRUE(HasError(load_with("/warmup", "soon"), "/warmup", "expected a duration"));
  EXPECT_TRUE(HasError(load_with("/hosts/server1/memory", "8 gigs"), "/hosts/server1/memory",
                       "expected a size"));
}

TEST(LoaderErrors, OutOfRangeValues) {
  EXPECT_TRUE(HasError(load_with("/workload/arrivals/rate", -5), "/workload/arrivals/rate",
                       "expected a positive number, got -5"));
  EXPECT_TRUE(HasError(load_with("/workload/arrivals/rate", 0), "/workload/arrivals/rate",
                       "expected a positive number, got 0"));
  EXPECT_TRUE(HasError(load_with("/components/web/servers", 0), "/components/web/servers",
                       "expected a positive integer, got 0"));
  EXPECT_TRUE(HasError(load_with("/components/web/servers", 1e12), "/components/web/servers",
                       "no greater than 2147483647"));
  EXPECT_TRUE(HasError(load_with("/warmup", -1), "/warmup", "expected a non-negative duration"));
  EXPECT_TRUE(HasError(load_with("/warmup", "-5s"), "/warmup", "expected a non-negative duration"));
  EXPECT_TRUE(HasError(load_with("/duration", 0), "/duration", "expected a positive duration"));
  EXPECT_TRUE(HasError(load_with("/duration", 1e300), "/duration", "too large"));
  EXPECT_TRUE(HasError(load_with("/components/db/buffer_pool_hit_ratio", 1.5),
                       "/components/db/buffer_pool_hit_ratio",
                       "expected a number between 0 and 1, got 1.5"));
  EXPECT_TRUE(HasError(load_with("/network", Json{{"syn_retries", 1000}}), "/network/syn_retries",
                       "expected an integer between 0 and 127"));
  EXPECT_TRUE(HasError(load_with("/seed", -1), "/seed", "expected a non-negative integer"));
  EXPECT_TRUE(
      HasError(load_with("/components/db/cpu", Json{{"dist", "uniform"}, {"min", 2}, {"max", 1}}),
               "/components/db/cpu/max", "max must not be less than min"));
  EXPECT_TRUE(HasError(load_with("/components/db/cpu", Json{{"dist", "exponential"}, {"mean", 0}}),
                       "/components/db/cpu/mean", "expected a positive duration"));
  EXPECT_TRUE(HasError(
      load_with("/components/db/cpu", Json{{"dist", "empirical"}, {"values", Json::array()}}),
      "/components/db/cpu/values", "non-empty array"));
  EXPECT_TRUE(HasError(
      load_with("/components/db/cpu", Json{{"dist", "weibull"}, {"shape", 1e-5}, {"scale", 1}}),
      "/components/db/cpu", "too large"));
}

TEST(LoaderErrors, ZeroTotalWeight) {
  const auto result = load_with("/workload/mix/0/weight", 0);
  EXPECT_TRUE(HasError(result, "/workload/mix", "total weight is 0"));
}

TEST(LoaderErrors, PathNamingAnUnknownComponentSuggestsNearest) {
  const auto result = load_with("/workload/mix/0/path/2", "dbb");
  EXPECT_TRUE(HasError(result, "/workload/mix/0/path/2",
                       "unknown component \"dbb\"; did you mean \"db\"?"));
}

TEST(LoaderErrors, PathMustNotVisitTheDnsComponent) {
  Json doc = Json::parse(testing::kMinimalScenario);
  doc["components"]["dns"] = {{"kind", "dns"}, {"records", Json::array()}};
  doc["workload"]["mix"][0]["path"] = {"dns", "web"};
  const auto result = load_text(doc.dump());
  EXPECT_TRUE(HasError(result, "/workload/mix/0/path/0", "is a dns component"));
}

TEST(LoaderErrors, PathLongerThanSixteen) {
  const auto result = load_with("/workload/mix/0/path", Json(std::vector<std::string>(17, "db")));
  EXPECT_TRUE(HasError(result, "/workload/mix/0/path", "at most 16"));
}

TEST(LoaderErrors, UnknownHostSuggestsNearest) {
  const auto result = load_with("/components/web/host", "srv1");
  EXPECT_TRUE(
      HasError(result, "/components/web/host", "unknown host \"srv1\"; did you mean \"server1\"?"));
}

TEST(LoaderErrors, DuplicateMixNames) {
  Json doc = Json::parse(testing::kMinimalScenario);
  doc["workload"]["mix"].push_back({{"name", "page"}, {"path", {"web"}}});
  const auto result = load_text(doc.dump());
  EXPECT_TRUE(HasError(result, "/workload/mix/1/name",
                       "duplicate request class name \"page\" (first at /workload/mix/0/name)"));
}

TEST(LoaderErrors, CrashWithMtbfButNoMttr) {
  const auto result = load_with(
      "/faults", Json::array({{{"kind", "crash"}, {"target", "server1"}, {"mtbf", "30d"}}}));
  ASSERT_EQ(result.status, LoadStatus::kInvalid);
  EXPECT_TRUE(HasError(result, "/faults/0", "mtbf without mttr"));
}

TEST(LoaderErrors, MaintenanceWindowLongerThanItsPeriod) {
  const auto result = load_with(
      "/faults",
      Json::array(
          {{{"kind", "maintenance"}, {"target", "web"}, {"every", "1h"}, {"duration", "2h"}}}));
  EXPECT_TRUE(HasError(result, "/faults/0/duration", "window longer than its period"));
}

TEST(LoaderErrors, UnknownFaultTargetSuggestsNearest) {
  const auto result =
      load_with("/faults",
                Json::array({{{"kind", "maintenance"}, {"target", "sever1"}, {"duration", "1m"}}}));
  EXPECT_TRUE(
      HasError(result, "/faults/0/target", "unknown target \"sever1\"; did you mean \"server1\"?"));
}

TEST(LoaderErrors, FaultTargetNamingBothAHostAndAComponentIsAmbiguous) {
  Json doc = Json::parse(testing::kMinimalScenario);
  doc["hosts"]["db"] = Json::object();
  doc["faults"] = Json::array({{{"kind", "maintenance"}, {"target", "db"}, {"duration", "1m"}}});
  EXPECT_TRUE(HasError(load_text(doc.dump()), "/faults/0/target", "both a host and a component"));
}

TEST(LoaderErrors, UnknownFaultKindSuggestsNearest) {
  const auto result = load_with("/faults", Json::array({{{"kind", "crsh"}, {"target", "web"}}}));
  EXPECT_TRUE(HasError(result, "/faults/0/kind", "did you mean \"crash\"?"));
}

TEST(LoaderErrors, HostnameNeedsADnsComponent) {
  const auto result = load_with("/workload/hostname", "www.foobar.com");
  EXPECT_TRUE(HasError(result, "/workload/hostname", "needs a component of kind dns"));
}

TEST(LoaderErrors, AtMostOneDnsComponent) {
  Json doc = Json::parse(testing::kMinimalScenario);
  doc["components"]["dns1"] = {{"kind", "dns"}, {"records", Json::array()}};
  doc["components"]["dns2"] = {{"kind", "dns"}, {"records", Json::array()}};
  EXPECT_TRUE(HasError(load_text(doc.dump()), "/components/dns2/kind", "at most one dns"));
}

TEST(LoaderErrors, DnsRecordsAreChecked) {
  const auto result = load_with(
      "/components/dns",
      {{"kind", "dns"},
       {"records", Json::array({{{"name", "a.com"}, {"type", "A"}, {"value", "10.0.0.256"}},
                                {{"name", "b.com"}, {"type", "MX"}, {"value", "x"}}})}});
  EXPECT_TRUE(HasError(result, "/components/dns/records/0/value", "IPv4 address"));
  EXPECT_TRUE(HasError(result, "/components/dns/records/1/type", "unknown record type \"MX\""));
  EXPECT_TRUE(HasError(load_with("/components/dns", {{"kind", "dns"}}), "/components/dns",
                       "missing required key \"records\""));
}

TEST(LoaderErrors, ServersCannotBeCombinedWithSoftwareSettings) {
  Json doc = Json::parse(testing::kMinimalScenario);
  doc["components"]["web"]["servers"] = 10;
  doc["components"]["web"]["worker_processes"] = 2;
  doc["components"]["app"]["listen_backlog"] = 10;
  doc["components"]["app"]["queue_capacity"] = 10;
  const auto result = load_text(doc.dump());
  EXPECT_TRUE(HasError(result, "/components/web/servers",
                       "give either \"servers\" or \"worker_processes\", not both"));
  EXPECT_TRUE(HasError(result, "/components/app/queue_capacity",
                       "give either \"listen_backlog\" or \"queue_capacity\", not both"));
}

TEST(LoaderErrors, UnknownHostWhenNoHostsAreDefined) {
  const auto result = load_without("/hosts");
  EXPECT_TRUE(HasError(result, "/components/web/host",
                       "unknown host \"server1\"; the scenario defines no hosts"));
}

TEST(LoaderErrors, ArrivalProcessIsChecked) {
  EXPECT_TRUE(HasError(load_with("/workload/arrivals", {{"process", "poison"}, {"rate", 1}}),
                       "/workload/arrivals/process", "did you mean \"poisson\"?"));
  EXPECT_TRUE(HasError(load_with("/workload/arrivals", {{"process", "closed"}}),
                       "/workload/arrivals", "missing required key \"users\""));
  EXPECT_TRUE(
      HasError(load_with("/workload/arrivals", {{"process", "closed"}, {"users", 2}, {"rate", 1}}),
               "/workload/arrivals/rate", "unknown key \"rate\""));
}

TEST(LoaderErrors, ABrokenPartIsReportedOnceNotAtEveryReference) {
  // Components that are not an object: paths naming them are not reported again.
  auto result = load_with("/components", 5);
  ASSERT_EQ(result.errors.size(), 1u) << dump(result);
  EXPECT_TRUE(HasError(result, "/components", "got 5"));
  // Hosts that are not an object: components placed on them are not reported again.
  result = load_with("/hosts", Json::array());
  ASSERT_EQ(result.errors.size(), 1u) << dump(result);
  // A component without a valid kind might be the dns a hostname needs.
  Json doc = Json::parse(testing::kMinimalScenario);
  doc["components"]["resolver"] = {{"kind", "dsn"}, {"records", Json::array()}};
  doc["workload"]["hostname"] = "www.foobar.com";
  result = load_text(doc.dump());
  ASSERT_EQ(result.errors.size(), 1u) << dump(result);
  EXPECT_TRUE(HasError(result, "/components/resolver/kind", "did you mean \"dns\"?"));
}

TEST(LoaderErrors, MissingFileIsUnreadable) {
  const std::string path = data_path("does/not/exist.json");
  const auto result = load_scenario_file(path);
  EXPECT_EQ(result.status, LoadStatus::kUnreadable);
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].to_string(),
            path + ": cannot read scenario file: No such file or directory");
}

TEST(LoaderErrors, DirectoryIsUnreadable) {
  const auto result = load_scenario_file(data_path("good"));
  EXPECT_EQ(result.status, LoadStatus::kUnreadable);
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_NE(result.errors[0].message.find("cannot read scenario file"), std::string::npos);
}

TEST(LoaderErrors, ReportsEveryErrorInDocumentOrder) {
  const std::string path = data_path("bad/several_errors.json");
  const auto result = load_scenario_file(path);
  ASSERT_EQ(result.status, LoadStatus::kInvalid);
  std::vector<std::string> lines;
  for (const auto& e : result.errors) lines.push_back(e.to_string());
  EXPECT_EQ(lines,
            (std::vector<std::string>{
                path + ": /worklaod: unknown key \"worklaod\"; did you mean \"workload\"?",
                path + ": /components/web/sevrers: unknown key \"sevrers\"; did you mean "
                       "\"servers\"?",
                path + ": /components/db/buffer_pool_hit_ratio: expected a number between 0 and "
                       "1, got 1.5",
                path + ": /workload/arrivals/rate: expected a positive number, got -5",
                path + ": /workload/mix/0/path/1: unknown component \"dbb\"; did you mean "
                       "\"db\"?",
            }));
}

}  // namespace
}  // namespace stacksim::scenario
