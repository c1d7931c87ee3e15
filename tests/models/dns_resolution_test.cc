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

}  // namespace
}  // namespace stacksim::models
