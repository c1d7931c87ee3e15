#include "models/dns_resolution.h"

#include <gtest/gtest.h>

namespace stacksim::models {
namespace {

using Type = DnsRecordSpec::Type;

TEST(DnsResolution, FollowsACnameToTheARecordWithTheSmallestTtl) {
  const std::vector<DnsRecordSpec> zone = {
      {"www.foobar.com", Type::kCname, "foobar.com", 300 * sim::kNanosPerSecond},
      {"foobar.com", Type::kA, "8.8.8.8", 3600 * sim::kNanosPerSecond}};
  const DnsAnswer answer = resolve_name(zone, "www.foobar.com");
  ASSERT_TRUE(answer.found);
  EXPECT_EQ(answer.address, "8.8.8.8");
  EXPECT_EQ(answer.ttl_ns, 300 * sim::kNanosPerSecond);
  EXPECT_EQ(answer.chain, (std::vector<std::string>{"www.foobar.com", "foobar.com"}));
}

TEST(DnsResolution, MissingRecordsAndLoopsResolveToNothing) {
  const std::vector<DnsRecordSpec> zone = {
      {"a.com", Type::kCname, "b.com", sim::kNanosPerSecond},
      {"b.com", Type::kCname, "a.com", sim::kNanosPerSecond},
      {"c.com", Type::kCname, "nowhere.com", sim::kNanosPerSecond}};
  EXPECT_FALSE(resolve_name(zone, "a.com").found);
  EXPECT_FALSE(resolve_name(zone, "c.com").found);
  EXPECT_FALSE(resolve_name(zone, "unknown.com").found);
}

TEST(DnsResolution, NamesMatchWithoutRegardToCaseOrATrailingDot) {
  EXPECT_EQ(canonical_dns_name("WWW.FooBar.com."), "www.foobar.com");
  EXPECT_EQ(canonical_dns_name("."), ".");
  const std::vector<DnsRecordSpec> zone = {
      {"WWW.FooBar.com.", Type::kCname, "FOOBAR.com", sim::kNanosPerSecond},
      {"foobar.com", Type::kA, "8.8.8.8", sim::kNanosPerSecond}};
  for (const char* name : {"www.foobar.com", "www.FOOBAR.com", "www.foobar.com."}) {
    const DnsAnswer answer = resolve_name(zone, name);
    ASSERT_TRUE(answer.found) << name;
    EXPECT_EQ(answer.address, "8.8.8.8") << name;
    EXPECT_EQ(answer.chain, (std::vector<std::string>{name, "FOOBAR.com"})) << name;
  }
  EXPECT_FALSE(resolve_name(zone, "foobar.com.org").found);
}

}  // namespace
}  // namespace stacksim::models
