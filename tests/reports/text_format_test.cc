#include "reports/text_format.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "reports/text_table.h"

namespace stacksim::reports {
namespace {

TEST(FormatFixedTest, ThousandsSeparators) {
  EXPECT_EQ(format_fixed(0, 0), "0");
  EXPECT_EQ(format_fixed(999, 0), "999");
  EXPECT_EQ(format_fixed(1000, 0), "1,000");
  EXPECT_EQ(format_fixed(1234567.891, 2), "1,234,567.89");
  EXPECT_EQ(format_fixed(-1234.5, 1), "-1,234.5");
  EXPECT_EQ(format_fixed(123456, 0), "123,456");
}

TEST(FormatCountTest, WholeAndFractional) {
  EXPECT_EQ(format_count(575912), "575,912");
  EXPECT_EQ(format_count(0), "0");
  // Means of counts: one decimal under 100, whole from 100 on.
  EXPECT_EQ(format_count(100.0 / 3.0), "33.3");
  EXPECT_EQ(format_count(1000.0 / 3.0), "333");
  EXPECT_EQ(format_count(1576781.2), "1,576,781");
}

TEST(FormatSecondsTest, IntervalsInTheMeansUnitAndPrecision) {
  EXPECT_EQ(format_seconds_interval(0.123, 0.0041), "123ms \u00b1 4ms");
  EXPECT_EQ(format_seconds_interval(0.0701, 0.00012), "70.1ms \u00b1 0.1ms");
  EXPECT_EQ(format_seconds_interval(5.02, 0.013), "5.02s \u00b1 0.01s");
  EXPECT_EQ(format_seconds_interval(0.0205, 0.0034), "20.5ms \u00b1 3.4ms");
  EXPECT_EQ(format_seconds_interval(0.123, 0.0), "123ms \u00b1 0");
  // Rounding noise is no interval, and a half-width below the mean's last digit says so.
  EXPECT_EQ(format_seconds_interval(0.123, 1e-18), "123ms \u00b1 <1ms");
  EXPECT_EQ(format_seconds(1e-18), "0s");
}

TEST(FormatSecondsTest, AdaptiveUnits) {
  EXPECT_EQ(format_seconds(0), "0s");
  EXPECT_EQ(format_seconds(850e-9), "850ns");
  EXPECT_EQ(format_seconds(1.5e-9), "1.50ns");
  EXPECT_EQ(format_seconds(12.3e-6), "12.3us");
  EXPECT_EQ(format_seconds(0.0412), "41.2ms");
  EXPECT_EQ(format_seconds(0.035), "35.0ms");
  EXPECT_EQ(format_seconds(0.18), "180ms");
  EXPECT_EQ(format_seconds(1.0234), "1.02s");
  EXPECT_EQ(format_seconds(3.07), "3.07s");
  EXPECT_EQ(format_seconds(1234.0), "1234s");
  // Rounding up to 1000 of a unit moves to the next unit.
  EXPECT_EQ(format_seconds(0.0009996), "1.00ms");
  EXPECT_EQ(format_seconds(0.09996), "100ms");
}

TEST(FormatSpanTest, AsAScenarioWouldWriteIt) {
  EXPECT_EQ(format_span(7200), "2h");
  EXPECT_EQ(format_span(300), "5m");
  EXPECT_EQ(format_span(5400), "90m");
  EXPECT_EQ(format_span(90), "90s");
  EXPECT_EQ(format_span(86400 * 3), "3d");
  EXPECT_EQ(format_span(0), "0s");
  EXPECT_EQ(format_span(0.25), "250ms");
  EXPECT_EQ(format_span(2234.5), "37.2m");
}

TEST(FormatDurationTest, LargestUnitThatFits) {
  EXPECT_EQ(format_duration(0), "0s");
  EXPECT_EQ(format_duration(0.1), "100ms");
  EXPECT_EQ(format_duration(45), "45.0s");
  EXPECT_EQ(format_duration(60), "1.00m");
  EXPECT_EQ(format_duration(630), "10.5m");
  EXPECT_EQ(format_duration(53647.92), "14.9h");
  EXPECT_EQ(format_duration(525960), "6.09d");  // format_span would say "8766m"
  EXPECT_EQ(format_duration(31557600), "365d");
}

TEST(FormatPercentTest, Decimals) {
  EXPECT_EQ(format_percent(0.0612, 1), "6.1%");
  EXPECT_EQ(format_percent(1.0, 1), "100.0%");
  EXPECT_EQ(format_availability(1.0), "100%");
  EXPECT_EQ(format_availability(0.99859), "99.859%");
  EXPECT_EQ(format_availability(0.0), "0.000%");
  // Never rounds to 100% unless it is.
  EXPECT_EQ(format_availability(0.9999999), "99.99999%");
  EXPECT_EQ(format_availability(0.999999), "99.9999%");
  EXPECT_EQ(format_availability(0.99999), "99.999%");
  // With more decimals at least.
  EXPECT_EQ(format_availability(0.998612, 4), "99.8612%");
  EXPECT_EQ(format_availability(0.99999999, 4), "99.999999%");
  EXPECT_EQ(format_availability(1.0, 4), "100%");
}

TEST(FormatSignedPercentTest, PlusForZeroAndAbove) {
  EXPECT_EQ(format_signed_percent(0.125, 1), "+12.5%");
  EXPECT_EQ(format_signed_percent(-0.03, 1), "-3.0%");
  EXPECT_EQ(format_signed_percent(0.0, 1), "+0.0%");
}

TEST(FormatSignificantTest, FourDigits) {
  EXPECT_EQ(format_significant(150.0), "150");
  EXPECT_EQ(format_significant(0.00583333), "0.005833");
  EXPECT_EQ(format_significant(18.00271), "18");
  EXPECT_EQ(format_significant(1234567.0), "1.235e+06");
  EXPECT_EQ(format_significant(std::numeric_limits<double>::infinity()), "inf");
  EXPECT_EQ(format_significant(std::nan("")), "inf");
}

TEST(JoinWithCommasTest, Names) {
  EXPECT_EQ(join_with_commas({"web", "app", "db"}), "web, app, db");
  EXPECT_EQ(join_with_commas({"db"}), "db");
  EXPECT_EQ(join_with_commas({}), "");
}

TEST(FormatBytesTest, BinaryUnitsThreeDigits) {
  EXPECT_EQ(format_bytes(0), "0B");
  EXPECT_EQ(format_bytes(512), "512B");
  EXPECT_EQ(format_bytes(1023), "1023B");
  EXPECT_EQ(format_bytes(1024), "1.00KiB");
  EXPECT_EQ(format_bytes(80.0 * 1024 * 1024), "80.0MiB");
  EXPECT_EQ(format_bytes(8.0 * 1024 * 1024 * 1024), "8.00GiB");
  EXPECT_EQ(format_bytes(7.93 * 1024 * 1024 * 1024), "7.93GiB");
  EXPECT_EQ(format_bytes(1023.9 * 1024 * 1024), "1.00GiB");  // rounds to 1024 MiB: move up
  EXPECT_EQ(format_bytes(3.0 * 1024 * 1024 * 1024 * 1024 * 1024), "3072TiB");
}

TEST(SectionLineTest, LabelPaddedToElevenColumns) {
  EXPECT_EQ(section_line("Errors", "none"), "Errors     none\n");
  EXPECT_EQ(section_line("Throughput", "1 req/s"), "Throughput 1 req/s\n");
  EXPECT_EQ(section_line("", "(note)"), "           (note)\n");
}

TEST(FormatClockTest, HoursMinutesSeconds) {
  EXPECT_EQ(format_clock(0), "0:00:00");
  EXPECT_EQ(format_clock(5), "0:00:05");
  EXPECT_EQ(format_clock(125.4), "0:02:05");
  EXPECT_EQ(format_clock(125.5), "0:02:06");
  EXPECT_EQ(format_clock(3725), "1:02:05");
  EXPECT_EQ(format_clock(93600), "26:00:00");
}

TEST(EscapeControlTest, ControlCharactersBecomeVisibleAndTheRestStays) {
  EXPECT_EQ(escape_control("web"), "web");
  EXPECT_EQ(escape_control("caf\u00e9 \u00b7 \u03c1"), "caf\u00e9 \u00b7 \u03c1");  // UTF-8 kept
  EXPECT_EQ(escape_control("\x1b[31mred\x1b[0m"), "\\x1b[31mred\\x1b[0m");
  EXPECT_EQ(escape_control(std::string("a\0b\n\x7f", 5)), "a\\x00b\\x0a\\x7f");
  EXPECT_EQ(escape_control("\u009b2J"), "\\u009b2J");  // CSI as one C1 character
}

TEST(TextTableTest, CellsAreEscaped) {
  TextTable table({"name"});
  table.add_row({"\x1b[2Jx"});
  EXPECT_EQ(table.render(), "name\n\\x1b[2Jx\n");
}

TEST(TextTableTest, ColumnsAsWideAsTheWidestCell) {
  TextTable table({"name", "n"});
  table.add_row({"a", "12345"});
  table.add_row({"longer", "1"});
  EXPECT_EQ(table.render(),
            "name    n\n"
            "a       12345\n"
            "longer  1\n");
}

TEST(TextTableTest, CountsCodePointsNotBytes) {
  TextTable table({"x", "y"});
  table.add_row({"\u00b1\u00b1", "1"});
  EXPECT_EQ(table.render(),
            "x   y\n"
            "\u00b1\u00b1  1\n");
}

}  // namespace
}  // namespace stacksim::reports
