#include "scenario/units.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace stacksim::scenario {
namespace {

using testing::kMs;
using testing::kS;

TEST(ParseDuration, AcceptsEveryUnit) {
  EXPECT_EQ(parse_duration("7ns"), 7);
  EXPECT_EQ(parse_duration("3us"), 3'000);
  EXPECT_EQ(parse_duration("250ms"), 250 * kMs);
  EXPECT_EQ(parse_duration("90s"), 90 * kS);
  EXPECT_EQ(parse_duration("5m"), 300 * kS);
  EXPECT_EQ(parse_duration("2h"), 7200 * kS);
  EXPECT_EQ(parse_duration("2d"), 2 * 86400 * kS);
}

TEST(ParseDuration, AcceptsFractionsAndExponents) {
  EXPECT_EQ(parse_duration("1.5h"), 5400 * kS);
  EXPECT_EQ(parse_duration("0.1s"), 100 * kMs);
  EXPECT_EQ(parse_duration(".5s"), 500 * kMs);
  EXPECT_EQ(parse_duration("1e3ms"), kS);
  EXPECT_EQ(parse_duration("0ms"), 0);
}

TEST(ParseDuration, BareNumbersAreSeconds) {
  EXPECT_EQ(parse_duration("30"), 30 * kS);
  EXPECT_EQ(parse_duration("0.5"), 500 * kMs);
  EXPECT_EQ(parse_duration("0"), 0);
}

TEST(ParseDuration, ToleratesSurroundingSpaces) {
  EXPECT_EQ(parse_duration(" 250ms "), 250 * kMs);
  EXPECT_EQ(parse_duration("250 ms"), 250 * kMs);
}

TEST(ParseDuration, RejectsGarbageNegativesAndNonFinite) {
  for (const char* text :
       {"",    " ",   "ms",  "-1s", "-0.5", "+1s",   "abc", "1x",   "1 2s",  "1.5.3s", "1e",
        "1es", "nan", "NaN", "inf", "infs", "0x10s", "1S",  "1sec", "1e400", "s1",     "1..2s"}) {
    EXPECT_EQ(parse_duration(text), std::nullopt) << text;
  }
}

TEST(ParseDuration, RejectsValuesBeyondInt64Nanoseconds) {
  EXPECT_EQ(parse_duration("1e10d"), std::nullopt);
  EXPECT_EQ(parse_duration("9300000000000000000ns"), std::nullopt);
  EXPECT_EQ(parse_duration("106751d"), 106751LL * 86400 * kS);  // about 292 years fits
}

TEST(DurationFromSeconds, RoundsToNanosecondsAndRejectsInvalid) {
  EXPECT_EQ(duration_from_seconds(1.5), 1'500'000'000);
  EXPECT_EQ(duration_from_seconds(1e-9), 1);
  EXPECT_EQ(duration_from_seconds(0.0), 0);
  EXPECT_EQ(duration_from_seconds(-1.0), std::nullopt);
  EXPECT_EQ(duration_from_seconds(std::numeric_limits<double>::quiet_NaN()), std::nullopt);
  EXPECT_EQ(duration_from_seconds(std::numeric_limits<double>::infinity()), std::nullopt);
  EXPECT_EQ(duration_from_seconds(1e10), std::nullopt);
}

TEST(ParseSize, AcceptsBinaryAndDecimalUnits) {
  EXPECT_EQ(parse_size("512B"), 512);
  EXPECT_EQ(parse_size("2KiB"), 2048);
  EXPECT_EQ(parse_size("512MiB"), 512LL << 20);
  EXPECT_EQ(parse_size("8GiB"), 8LL << 30);
  EXPECT_EQ(parse_size("1TiB"), 1LL << 40);
  EXPECT_EQ(parse_size("64KB"), 64'000);
  EXPECT_EQ(parse_size("3MB"), 3'000'000);
  EXPECT_EQ(parse_size("2GB"), 2'000'000'000);
  EXPECT_EQ(parse_size("1TB"), 1'000'000'000'000);
  EXPECT_EQ(parse_size("1.5KiB"), 1536);
}

TEST(ParseSize, BareNumbersAreBytes) {
  EXPECT_EQ(parse_size("4096"), 4096);
  EXPECT_EQ(parse_size("0"), 0);
}

TEST(ParseSize, RejectsGarbageNegativesAndOverflow) {
  for (const char* text : {"", "GiB", "-1", "-1GiB", "8gib", "8 GiBs", "8iB", "nan", "inf", "1e400",
                           "9000000TiB", "8G"}) {
    EXPECT_EQ(parse_size(text), std::nullopt) << text;
  }
}

TEST(SizeFromBytes, RoundsToBytesAndRejectsInvalid) {
  EXPECT_EQ(size_from_bytes(4096.0), 4096);
  EXPECT_EQ(size_from_bytes(1.5), 2);
  EXPECT_EQ(size_from_bytes(0.0), 0);
  EXPECT_EQ(size_from_bytes(-1.0), std::nullopt);
  EXPECT_EQ(size_from_bytes(std::numeric_limits<double>::quiet_NaN()), std::nullopt);
  EXPECT_EQ(size_from_bytes(std::numeric_limits<double>::infinity()), std::nullopt);
  EXPECT_EQ(size_from_bytes(9223372036854775808.0), std::nullopt);  // 2^63
}

}  // namespace
}  // namespace stacksim::scenario
