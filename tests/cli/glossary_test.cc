// docs/glossary.md against the tables the code uses and the keys of real reports, so that the
// glossary cannot drift from what stacksim prints; and `run --explain`, which reads from the
// same table of sections.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>

#include "models/error_cause.h"
#include "models/lab_spec.h"
#include "reports/report_explanations.h"
#include "tests/support/files.h"
#include "tests/support/stacksim_process.h"

namespace stacksim::testing {
namespace {

const std::string& glossary() {
  static const std::string text =
      read_file(std::filesystem::path(STACKSIM_SOURCE_DIR) / "docs/glossary.md");
  return text;
}

bool mentions(const std::string& term) {
  return glossary().find("`" + term + "`") != std::string::npos;
}

TEST(Glossary, ExplainsEveryErrorCause) {
  for (int i = 0; i < models::kErrorCauseCount; ++i) {
    const char* cause = models::to_string(static_cast<models::ErrorCause>(i));
    EXPECT_TRUE(mentions(cause)) << cause;
  }
}

TEST(Glossary, StatesEveryLabMetricAsTheGraderDoes) {
  for (const auto& metric : models::lab_metrics()) {
    EXPECT_NE(glossary().find("- `" + std::string(metric.name) + "`: " + metric.meaning),
              std::string::npos)
        << metric.name;
  }
}

TEST(Glossary, ReadsEverySectionOfTheTextReportAsRunExplainDoes) {
  for (const auto& section : reports::section_explanations()) {
    EXPECT_NE(glossary().find("- **" + std::string(section.label) + "**: " + section.meaning),
              std::string::npos)
        << section.label;
  }
}

TEST(Glossary, NamesEveryBottleneckResourceAndTheUslTerms) {
  for (const char* term : {"cpu", "memory", "workers", "connections", "backlog", "servers", "down",
                           "latency", "σ", "κ", "N*"}) {
    EXPECT_TRUE(mentions(term)) << term;
  }
}

// Every key of the JSON report of a run with faults, replications, prices and an SLO.
TEST(Glossary, ExplainsEveryKeyOfARealReport) {
  const auto report = run_report(
      "labs/database/start.json",
      {"--replications", "2", "--duration", "20m", "--set", "/slo={\"availability\": 0.999}"});
  ASSERT_FALSE(report.empty());
  for (const auto& [key, value] : report.items()) EXPECT_TRUE(mentions(key)) << key;
  for (const auto& [key, value] : report["summary"].items()) {
    EXPECT_TRUE(mentions("summary." + key)) << key;
  }
  for (const auto& [key, value] : report["components"]["web@app1"].items()) {
    EXPECT_TRUE(mentions("components.<name>." + key) ||
                glossary().find("`" + key + "`") != std::string::npos)
        << key;
  }
  for (const auto& [key, value] : report["hosts"]["db1"].items()) {
    EXPECT_TRUE(mentions("hosts.<name>." + key) ||
                glossary().find("`" + key + "`") != std::string::npos)
        << key;
  }
}

TEST(RunExplain, PutsAReadingWithTheRunsNumbersUnderEachSection) {
  // Whole lines (--wide): a reading is the line marked with an arrow.
  const auto plain =
      run_stacksim({"run", "scenarios/single-server.json", "--duration", "5m", "--wide"});
  const auto explained = run_stacksim(
      {"run", "scenarios/single-server.json", "--duration", "5m", "--explain", "--wide"});
  ASSERT_EQ(explained.exit_code, 0) << explained.err;
  // The report is unchanged but for the readings (and the wall-clock time of its second line).
  auto lines_of = [](const std::string& text, bool readings) {
    std::string kept;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
      if (line.find(" wall") != std::string::npos) continue;
      if (readings || line.find("\u21b3 ") == std::string::npos) kept += line + "\n";
    }
    return kept;
  };
  EXPECT_EQ(lines_of(explained.out, false), lines_of(plain.out, true));
  EXPECT_NE(explained.out.find("Requests   offered"), std::string::npos);
  EXPECT_NE(explained.out.find("\u21b3 availability 100%: the share of finished requests that "
                               "got a page"),
            std::string::npos)
      << explained.out;
  EXPECT_NE(
      explained.out.find(" requests inside the stack at an average moment: by Little's law, "),
      std::string::npos);
  EXPECT_NE(explained.out.find("\u21b3 util is the share of a component's slots in use"),
            std::string::npos);
}

}  // namespace
}  // namespace stacksim::testing
