#include "reports/csv_format.h"

#include <gtest/gtest.h>

namespace stacksim::reports {
namespace {

TEST(CsvFormat, FieldsAreQuotedOnlyWhenTheyMustBe) {
  EXPECT_EQ(csv_field("web_util"), "web_util");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_field(""), "");
}

TEST(CsvFormat, WholeNumbersExactlyOthersToNineDigits) {
  EXPECT_EQ(csv_number(1200.0), "1200");
  EXPECT_EQ(csv_number(-3.0), "-3");
  EXPECT_EQ(csv_number(123456789012.0), "123456789012");
  EXPECT_EQ(csv_number(0.1234567891), "0.123456789");
  EXPECT_EQ(csv_number(2.5), "2.5");
  EXPECT_EQ(csv_number(1e20), "1e+20");  // too large to print as an integer
}

}  // namespace
}  // namespace stacksim::reports
