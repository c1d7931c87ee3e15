// The run report's schema, checked by valijson against real reports of the stacksim binary:
// every key a report has must be in schema/report.schema.json (its objects are closed), so a
// report that changes without its schema fails here.
#include "reports/report_schema.h"

#include <gtest/gtest.h>

#include "tests/schema/json_schema_check.h"
#include "tests/schema/schema_files.h"
#include "tests/support/stacksim_process.h"

namespace stacksim::testing {
namespace {

nlohmann::json report_schema() { return nlohmann::json::parse(reports::report_schema_text()); }

void expect_valid(const SchemaCheck& check, const nlohmann::json& report, const std::string& what) {
  std::string messages;
  for (const auto& e : check.errors(report)) messages += "  " + e + "\n";
  EXPECT_TRUE(messages.empty()) << what << ": the report does not match its schema:\n" << messages;
}

TEST(ReportSchema, IsTheShippedFile) {
  EXPECT_EQ(report_schema(), read_json_file(source_path("schema/report.schema.json")));
}

// Between them these reports have every optional part: host memory, instances, downtime
// windows, a timeline, an SLO with its error budget, the availability check and confidence
// intervals. About 5 s in all.
TEST(ReportSchema, RealReportsMatchIt) {
  const SchemaCheck check(report_schema());
  expect_valid(check, run_report("scenarios/single-server.json", {"--duration", "1m"}),
               "single-server");
  expect_valid(check, run_report("scenarios/memory-pressure.json", {"--duration", "1m"}),
               "memory-pressure");
  expect_valid(
      check, run_report("scenarios/distributed.json", {"--duration", "2m", "--replications", "2"}),
      "distributed, 2 replications");
  // A host failure a day on average: 10 days without one (probability e^-10) would leave the
  // report without downtime, whatever the random streams draw.
  const auto failures =
      run_report("scenarios/spof-host-failure.json",
                 {"--duration", "10d", "--set",
                  "/faults/0/mtbf={\"dist\": \"exponential\", \"mean\": \"1d\"}"});
  for (const char* part : {"timeline", "slo", "availability_check"}) {
    EXPECT_TRUE(failures.contains(part)) << part;
  }
  EXPECT_FALSE(failures["downtime"].empty());
  expect_valid(check, failures, "spof-host-failure");
  // The measured span ends just after the five-fold spike at 25-27 min: a timeline.
  const auto spike = run_report("scenarios/traffic-spike.json", {"--duration", "25m"});
  EXPECT_TRUE(spike.contains("timeline"));
  expect_valid(check, spike, "traffic-spike");
}

TEST(ReportSchema, RejectsAReportWithAKeyItDoesNotDescribe) {
  const SchemaCheck check(report_schema());
  auto report = run_report("scenarios/mm1.json", {"--duration", "1m"});
  ASSERT_TRUE(check.errors(report).empty());
  report["summary"]["goodput"] = 1.0;
  EXPECT_FALSE(check.errors(report).empty());
}

}  // namespace
}  // namespace stacksim::testing
