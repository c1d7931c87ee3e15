#include "scenario/key_suggestion.h"

#include <gtest/gtest.h>

namespace stacksim::scenario {
namespace {

TEST(Levenshtein, CountsEdits) {
  EXPECT_EQ(levenshtein("", ""), 0u);
  EXPECT_EQ(levenshtein("servers", "servers"), 0u);
  EXPECT_EQ(levenshtein("sevrers", "servers"), 2u);
  EXPECT_EQ(levenshtein("dbb", "db"), 1u);
  EXPECT_EQ(levenshtein("kitten", "sitting"), 3u);
}

TEST(Suggest, PicksNearestWithinThreshold) {
  const std::vector<std::string> keys = {"name", "servers", "queue_capacity", "service"};
  EXPECT_EQ(suggest("sevrers", keys), "servers");
  EXPECT_EQ(suggest("Servers", keys), "servers");
  EXPECT_EQ(suggest("queue_capacty", keys), "queue_capacity");
  EXPECT_EQ(suggest("totally_different", keys), std::nullopt);
}

TEST(Suggest, RecognisesAbbreviations) {
  EXPECT_EQ(suggest("srv1", {"server1", "dbhost"}), "server1");
  EXPECT_EQ(suggest("srv", {"server1", "server2"}), std::nullopt);  // ambiguous
}

TEST(UnknownNameMessage, SuggestsOrListsCandidates) {
  EXPECT_EQ(
      unknown_name_message("unknown key", "sevrers", {"servers", "service"}, "valid keys are"),
      "unknown key \"sevrers\"; did you mean \"servers\"?");
  EXPECT_EQ(unknown_name_message("unknown key", "zzzzzzzz", {"a", "b"}, "valid keys are"),
            "unknown key \"zzzzzzzz\"; valid keys are: a, b");
  EXPECT_EQ(unknown_name_message("unknown host", "x", {}, "hosts are", "no hosts"),
            "unknown host \"x\"; no hosts");
}

TEST(NameList, ListsTwentyNamesThenElides) {
  EXPECT_EQ(name_list({}), "");
  EXPECT_EQ(name_list({"a", "b"}), "a, b");
  std::vector<std::string> names;
  for (char c = 'a'; c <= 'u'; ++c) names.emplace_back(1, c);  // 21 names
  EXPECT_EQ(name_list(names), "a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, ...");
}

}  // namespace
}  // namespace stacksim::scenario
