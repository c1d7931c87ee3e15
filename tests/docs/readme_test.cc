// README.md against the real stacksim: every checked claim's command is run and its numbers
// compared, so README cannot drift from what the tool prints (see tests/docs/readme_claims.h).
#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>

#include "tests/docs/readme_claims.h"
#include "tests/support/files.h"
#include "tests/support/stacksim_process.h"

namespace stacksim::testing {
namespace {

std::string readme() { return read_file(std::filesystem::path(STACKSIM_SOURCE_DIR) / "README.md"); }

std::vector<ReadmeClaim> readme_claims() {
  try {
    return parse_readme_claims(readme());
  } catch (const std::invalid_argument&) {
    return {};  // ReadmeClaims.ParseAndCoverTheQuotedNumbers reports it
  }
}

TEST(ReadmeClaimsParser, ReadsCommandExpectationsTolerancesAndQuotes) {
  const auto claims = parse_readme_claims(
      "# Title\n\nM/M/1 at rho = 0.9 gives R = 10 ms.\n"
      "<!-- check: stacksim run scenarios/mm1.json --set '/x=[1, 2]'\n"
      "/summary/latency_s/mean = 0.01 \u00b1 2.5% quoted \"R = 10 ms\"\n"
      "/spofs = [\"lb\", \"db\"]\n"
      "/summary/offered = 100 \u00b1 3\n"
      "-->\n## Next\nother\n");
  ASSERT_EQ(claims.size(), 1u);
  const ReadmeClaim& c = claims.front();
  EXPECT_EQ(c.line, 4);
  EXPECT_EQ(c.args, (std::vector<std::string>{"run", "scenarios/mm1.json", "--set", "/x=[1, 2]"}));
  ASSERT_EQ(c.expectations.size(), 3u);
  EXPECT_EQ(c.expectations[0].pointer, "/summary/latency_s/mean");
  EXPECT_TRUE(c.expectations[0].relative);
  EXPECT_DOUBLE_EQ(*c.expectations[0].tolerance, 0.025);
  EXPECT_EQ(*c.expectations[0].quoted, "R = 10 ms");
  EXPECT_EQ(c.expectations[1].value, nlohmann::json::parse(R"(["lb", "db"])"));
  EXPECT_FALSE(c.expectations[1].tolerance.has_value());
  EXPECT_EQ(c.section.find("## Next"), std::string::npos);  // the section ends at the heading
  EXPECT_NE(c.section.find("R = 10 ms"), std::string::npos);

  EXPECT_TRUE(claim_holds(c.expectations[0], 0.01024));
  EXPECT_FALSE(claim_holds(c.expectations[0], 0.0103));
  EXPECT_TRUE(claim_holds(c.expectations[2], 97));
  EXPECT_FALSE(claim_holds(c.expectations[2], 96.5));
  EXPECT_FALSE(claim_holds(c.expectations[1], nlohmann::json::parse(R"(["db", "lb"])")));
}

TEST(ReadmeClaimsParser, RejectsMalformedBlocksNamingTheLine) {
  EXPECT_THROW((void)parse_readme_claims("<!-- check: run x.json\n/a = 1\n-->\n"),
               std::invalid_argument);  // not `stacksim ...`
  EXPECT_THROW((void)parse_readme_claims("<!-- check: stacksim run x.json\n/a 1\n-->\n"),
               std::invalid_argument);
  EXPECT_THROW((void)parse_readme_claims("<!-- check: stacksim run x.json\n/a = 1\n"),
               std::invalid_argument);
  EXPECT_THROW(
      (void)parse_readme_claims("<!-- check: stacksim run x.json\n/a = \"x\" \u00b1 1\n-->"),
      std::invalid_argument);
  try {
    (void)parse_readme_claims("\n\n<!-- check: stacksim run x.json\n/a = nope\n-->\n");
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("README.md:4:"), std::string::npos) << e.what();
  }
}

TEST(ReadmeClaims, ParseAndCoverTheQuotedNumbers) {
  std::vector<ReadmeClaim> claims;
  ASSERT_NO_THROW(claims = parse_readme_claims(readme()));
  EXPECT_GE(claims.size(), 8u);  // the worked example, the limits, the validation table, ...
  EXPECT_EQ(readme().find("../shared"), std::string::npos);  // a clone has no such directory
}

class ReadmeClaim_ : public ::testing::TestWithParam<ReadmeClaim> {};

TEST_P(ReadmeClaim_, HoldsForTheRealCommand) {
  const ReadmeClaim& claim = GetParam();
  std::vector<std::string> args = claim.args;
  args.insert(args.end(), {"--json", "-"});
  const ProcessResult result = run_stacksim(args);
  ASSERT_EQ(result.exit_code, 0) << "README.md:" << claim.line << ": " << result.err;
  const nlohmann::json report = nlohmann::json::parse(result.out);
  for (const ClaimExpectation& e : claim.expectations) {
    SCOPED_TRACE("README.md:" + std::to_string(e.line) + ": " + e.pointer);
    const nlohmann::json::json_pointer pointer(e.pointer);
    ASSERT_TRUE(report.contains(pointer)) << "no " << e.pointer << " in the report";
    EXPECT_TRUE(claim_holds(e, report.at(pointer)))
        << "README expects " << e.value.dump()
        << (e.tolerance
                ? " within " + std::to_string(*e.tolerance) + (e.relative ? " (relative)" : "")
                : std::string(" exactly"))
        << ", the command gives " << report.at(pointer).dump();
    if (e.quoted) {
      EXPECT_NE(claim.section.find(*e.quoted), std::string::npos)
          << "README's section does not say \"" << *e.quoted << "\"";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Readme, ReadmeClaim_, ::testing::ValuesIn(readme_claims()),
                         [](const ::testing::TestParamInfo<ReadmeClaim>& info) {
                           return "line_" + std::to_string(info.param.line);
                         });

}  // namespace
}  // namespace stacksim::testing
