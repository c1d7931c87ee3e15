#include "scenario/json_text.h"

#include <gtest/gtest.h>

#include "scenario/json_pointer.h"

namespace stacksim::scenario {
namespace {

TEST(LineColumnOfByte, CountsLinesAndUtf8Characters) {
  const std::string text = "{\n  \"a\": 1,\n  }";
  EXPECT_EQ(line_column_of_byte(text, 1).line, 1);
  EXPECT_EQ(line_column_of_byte(text, 1).column, 1);
  const auto brace = line_column_of_byte(text, text.size());  // the last '}'
  EXPECT_EQ(brace.line, 3);
  EXPECT_EQ(brace.column, 3);
  const auto end = line_column_of_byte(text, text.size() + 1);
  EXPECT_EQ(end.line, 3);
  EXPECT_EQ(end.column, 4);
  const std::string utf8 = "\"\xC3\xA9\xC3\xA9\" x";  // "éé" x
  EXPECT_EQ(line_column_of_byte(utf8, utf8.size()).column, 6);
}

TEST(CleanJsonErrorMessage, StripsNlohmannPrefix) {
  EXPECT_EQ(clean_json_error_message("[json.exception.parse_error.101] parse error at line 3, "
                                     "column 5: syntax error while parsing object - unexpected "
                                     "'}'; expected string literal"),
            "syntax error while parsing object - unexpected '}'; expected string literal");
  EXPECT_EQ(clean_json_error_message("[json.exception.out_of_range.406] number overflow parsing "
                                     "'1e400'"),
            "number overflow parsing '1e400'");
}

TEST(ParseJsonText, KeepsFileOrderOfKeys) {
  const auto parsed = parse_json_text(R"({"b": 1, "a": 2, "c": 3})", "f");
  ASSERT_TRUE(parsed.document.has_value());
  std::string order;
  for (const auto& [key, value] : parsed.document->items()) order += key;
  EXPECT_EQ(order, "bac");
}

TEST(ParseJsonText, ReportsDuplicateKeysAtTheirPointer) {
  const auto parsed = parse_json_text(R"({"a": {"x~/y": 1, "x~/y": 2}})", "f");
  ASSERT_EQ(parsed.problems.size(), 1u);
  EXPECT_EQ(parsed.problems[0].pointer, "/a/x~0~1y");
  EXPECT_EQ(parsed.problems[0].message, "duplicate key \"x~/y\"");
}

TEST(DocumentPosition, FollowsKeyOrderAndArrayIndices) {
  const auto parsed = parse_json_text(R"({"z": [10, {"q": 1, "p": 2}], "a": 0})", "f");
  ASSERT_TRUE(parsed.document.has_value());
  EXPECT_EQ(document_position(*parsed.document, "/z/1/p"), (std::vector<std::size_t>{0, 1, 1}));
  EXPECT_EQ(document_position(*parsed.document, "/a"), (std::vector<std::size_t>{1}));
  EXPECT_EQ(document_position(*parsed.document, "/nope/x"), (std::vector<std::size_t>{SIZE_MAX}));
}

TEST(DescribeJson, ShortensAndQuotes) {
  EXPECT_EQ(describe_json(Json("four")), "\"four\"");
  EXPECT_EQ(describe_json(Json(nullptr)), "null");
  EXPECT_EQ(describe_json(Json::array()), "an array");
  EXPECT_EQ(describe_json(Json::object()), "an object");
  EXPECT_EQ(describe_json(Json(2.5)), "2.5");
  EXPECT_EQ(describe_json(Json(std::string(100, 'x'))), "\"" + std::string(40, 'x') + "...\"");
}

}  // namespace
}  // namespace stacksim::scenario
