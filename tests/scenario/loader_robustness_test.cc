#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>

#include "scenario/loader.h"
#include "test_support.h"
#include "tests/support/files.h"

namespace stacksim::scenario {
namespace {

using Json = nlohmann::ordered_json;
using stacksim::testing::read_file;
using testing::data_path;

// Pointers of every value in `value`, the root excluded.
void collect_pointers(const Json& value, const std::string& pointer,
                      std::vector<std::string>& out) {
  if (value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it) {
      std::string token;
      for (const char c : it.key()) token += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
      const std::string child = pointer + "/" + token;
      out.push_back(child);
      collect_pointers(it.value(), child, out);
    }
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      const std::string child = pointer + "/" + std::to_string(i);
      out.push_back(child);
      collect_pointers(value[i], child, out);
    }
  }
}

// The loader's promises, whatever the input: no exception, and a result that is either a spec
// without errors or errors without a spec, every error naming its file.
void expect_consistent(const std::string& text, const std::string& what) {
  LoadResult result;
  ASSERT_NO_THROW(result = load_scenario_text(text, "fuzz.json")) << what;
  if (result.status == LoadStatus::kOk) {
    EXPECT_TRUE(result.spec.has_value()) << what;
    EXPECT_TRUE(result.errors.empty()) << what;
  } else {
    EXPECT_EQ(result.status, LoadStatus::kInvalid) << what;
    EXPECT_FALSE(result.spec.has_value()) << what;
    EXPECT_FALSE(result.errors.empty()) << what;
  }
  for (const auto& e : result.errors) {
    EXPECT_EQ(e.file, "fuzz.json") << what;
    EXPECT_FALSE(e.message.empty()) << what;
    EXPECT_TRUE(e.line > 0 || e.pointer.empty() || e.pointer.front() == '/') << what;
  }
}

class LoaderRobustness : public ::testing::Test {
 protected:
  void SetUp() override {
    text_ = read_file(data_path("good/full_stack.json"));
    document_ = Json::parse(text_, nullptr, true, /*ignore_comments=*/true);
    collect_pointers(document_, "", pointers_);
    ASSERT_GT(pointers_.size(), 50u);
  }

  std::string text_;
  Json document_;
  std::vector<std::string> pointers_;
};

TEST_F(LoaderRobustness, ReplacingAnyValueNeverThrows) {
  const std::vector<Json> replacements = {
      nullptr, "x",   -1,     0,     Json::array(),           Json::object(),
      true,    1e300, -1e300, "-1s", 18446744073709551615ULL, "\xff\xfe invalid utf-8"};
  for (const auto& pointer : pointers_) {
    for (const auto& replacement : replacements) {
      Json mutated = document_;
      mutated[Json::json_pointer(pointer)] = replacement;
      expect_consistent(
          mutated.dump(-1, ' ', false, Json::error_handler_t::replace),
          pointer + " = " + replacement.dump(-1, ' ', false, Json::error_handler_t::replace));
    }
  }
}

TEST_F(LoaderRobustness, RemovingAnyKeyNeverThrows) {
  for (const auto& pointer : pointers_) {
    Json mutated = document_;
    const Json::json_pointer p(pointer);
    Json& parent = mutated[p.parent_pointer()];
    if (parent.is_object()) {
      parent.erase(p.back());
    } else {
      parent.erase(static_cast<std::size_t>(std::stoul(p.back())));
    }
    expect_consistent(mutated.dump(), "without " + pointer);
  }
}

TEST_F(LoaderRobustness, EveryPrefixOfTheFileNeverThrows) {
  for (std::size_t n = 0; n < text_.size(); n += 3) {
    expect_consistent(text_.substr(0, n), "prefix " + std::to_string(n));
  }
}

TEST_F(LoaderRobustness, RandomByteChangesNeverThrow) {
  std::mt19937 rng(12345);
  const std::string alphabet = "{}[]\":,-.0123456789eE/*\\ \nabcnulltrue\xc3\xa9";
  for (int i = 0; i < 3000; ++i) {
    std::string mutated = text_;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = rng() % mutated.size();
      mutated[at] = alphabet[rng() % alphabet.size()];
    }
    expect_consistent(mutated, "random edit " + std::to_string(i));
  }
}

TEST_F(LoaderRobustness, OverridesAnywhereNeverThrow) {
  for (const auto& pointer : pointers_) {
    for (const char* value : {"null", "{}", "[]", "x", "-1", "1e999", "\"\"", "{\"dist\":1}"}) {
      LoadResult result;
      ASSERT_NO_THROW(result = load_scenario_text(text_, "fuzz.json", {{pointer, value}}));
      EXPECT_EQ(result.status == LoadStatus::kOk, result.spec.has_value());
    }
  }
  for (const char* pointer : {"", "/", "//", "/~", "/~2", "/faults/-/x", "/faults/01"}) {
    LoadResult result;
    ASSERT_NO_THROW(result = load_scenario_text(text_, "fuzz.json", {{pointer, "1"}}));
  }
}

TEST(LoaderDeepInput, DeeplyNestedValuesDoNotOverflowTheStack) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const std::string text = R"({"name": "deep", "description": )" + deep + "}";
  expect_consistent(text, "deep nesting");
}

}  // namespace
}  // namespace stacksim::scenario
