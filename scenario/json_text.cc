#include "scenario/json_text.h"

#include <utility>

#include "scenario/json_pointer.h"

namespace stacksim::scenario {

namespace {

// Builds the document like nlohmann's own DOM parser, and also records where the parser failed
// and every key that appears twice in one object.
class DocumentBuilder final : public nlohmann::json_sax<Json> {
 public:
  explicit DocumentBuilder(Json& root) : root_(root) {}

  bool null() override { return add(nullptr); }
  bool boolean(bool value) override { return add(value); }
  bool number_integer(number_integer_t value) override { return add(value); }
  bool number_unsigned(number_unsigned_t value) override { return add(value); }
  bool number_float(number_float_t value, const string_t& /*text*/) override { return add(value); }
  bool string(string_t& value) override { return add(std::move(value)); }
  bool binary(binary_t& value) override { return add(std::move(value)); }

  bool start_object(std::size_t /*elements*/) override { return open(Json::value_t::object); }
  bool start_array(std::size_t /*elements*/) override { return open(Json::value_t::array); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }

  bool key(string_t& key) override {
    Json& object = *open_.back();
    if (object.contains(key)) duplicates_.push_back(child_pointer(open_pointer(), key));
    key_ = key;
    member_ = &object[key];
    return true;
  }

  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& error) override {
    error_byte_ = position;
    error_message_ = clean_json_error_message(error.what());
    return false;
  }

  [[nodiscard]] std::size_t error_byte() const { return error_byte_; }
  [[nodiscard]] const std::string& error_message() const { return error_message_; }
  [[nodiscard]] const std::vector<std::string>& duplicates() const { return duplicates_; }

 private:
  // Stores a value where the parser is: the root, the next array element or the current key.
  template <typename Value>
  Json* place(Value&& value) {
    if (open_.empty()) {
      root_ = Json(std::forward<Value>(value));
      return &root_;
    }
    Json& parent = *open_.back();
    if (parent.is_array()) {
      parent.emplace_back(std::forward<Value>(value));
      return &parent.back();
    }
    *member_ = Json(std::forward<Value>(value));
    return member_;
  }

  template <typename Value>
  bool add(Value&& value) {
    place(std::forward<Value>(value));
    return true;
  }

  bool open(Json::value_t type) {
    // The token under which the new container lives in its parent (none for the root).
    if (!open_.empty()) {
      const Json& parent = *open_.back();
      tokens_.push_back(parent.is_array() ? std::to_string(parent.size()) : key_);
    }
    open_.push_back(place(type));
    return true;
  }

  bool close() {
    open_.pop_back();
    if (!tokens_.empty()) tokens_.pop_back();
    return true;
  }

  // Pointer of the innermost open container; built only when needed (deep input stays linear).
  [[nodiscard]] std::string open_pointer() const {
    std::string pointer;
    for (const auto& token : tokens_) pointer = child_pointer(pointer, token);
    return pointer;
  }

  Json& root_;
  std::vector<Json*> open_;          // containers being filled, innermost last
  std::vector<std::string> tokens_;  // their tokens in their parents (the root has none)
  std::string key_;                  // the current key of the innermost object
  Json* member_ = nullptr;           // where that key's value goes
  std::vector<std::string> duplicates_;
  std::size_t error_byte_ = 0;
  std::string error_message_;
};

}  // namespace

LineColumn line_column_of_byte(std::string_view text, std::size_t byte) {
  // The offending byte is text[byte - 1]; the end of input counts as one past the last byte.
  std::size_t offset = byte == 0 ? 0 : byte - 1;
  if (offset > text.size()) offset = text.size();
  LineColumn where;
  for (std::size_t i = 0; i < offset; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++where.line;
      where.column = 1;
    } else if ((c & 0xC0) != 0x80) {  // not a UTF-8 continuation byte
      ++where.column;
    }
  }
  return where;
}

std::string clean_json_error_message(std::string_view what) {
  // "[json.exception.parse_error.101] parse error at line 3, column 5: explanation"
  if (!what.empty() && what.front() == '[') {
    const auto close = what.find("] ");
    if (close != std::string_view::npos) what.remove_prefix(close + 2);
  }
  constexpr std::string_view kParseError = "parse error";
  if (what.substr(0, kParseError.size()) == kParseError) {
    const auto colon = what.find(": ");
    if (colon != std::string_view::npos) what.remove_prefix(colon + 2);
  }
  return std::string(what);
}

ParsedJson parse_json_text(std::string_view text, const std::string& file) {
  ParsedJson result;
  Json document;
  DocumentBuilder builder(document);
  bool ok = false;
  try {
    ok = Json::sax_parse(text, &builder, Json::input_format_t::json, /*strict=*/true,
                         /*ignore_comments=*/true);
  } catch (const std::exception& e) {
    // The parser reports its errors through the builder; this is a safety net only.
    ok = false;
    if (builder.error_message().empty()) {
      result.problems.push_back({file, "", 1, 1, clean_json_error_message(e.what())});
      return result;
    }
  }
  if (!ok) {
    const LineColumn where = line_column_of_byte(text, builder.error_byte());
    result.problems.push_back({file, "", where.line, where.column, builder.error_message()});
    return result;
  }
  for (const std::string& pointer : builder.duplicates()) {
    const auto tokens = pointer_tokens(pointer);
    const std::string key = Json(tokens.empty() ? std::string() : tokens.back())
                                .dump(-1, ' ', false, Json::error_handler_t::replace);
    result.problems.push_back({file, pointer, 0, 0, "duplicate key " + key});
  }
  result.document = std::move(document);
  return result;
}

std::string describe_json(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::boolean:
      return value.get<bool>() ? "true" : "false";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::object:
      return "an object";
    case Json::value_t::binary:
    case Json::value_t::discarded:
      return "an unsupported value";
    case Json::value_t::string: {
      constexpr std::size_t kMax = 40;
      const auto& s = value.get_ref<const std::string&>();
      std::string shown = s.substr(0, kMax);
      if (s.size() > kMax) {
        // Do not cut a UTF-8 character in half: drop a trailing partial sequence.
        while (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0xC0) == 0x80) {
          shown.pop_back();
        }
        if (!shown.empty() && static_cast<unsigned char>(shown.back()) >= 0xC0) shown.pop_back();
      }
      std::string out =
          Json(shown).dump(-1, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
      if (s.size() > kMax) out.insert(out.size() - 1, "...");
      return out;
    }
    default:
      return value.dump(-1, ' ', false, Json::error_handler_t::replace);
  }
}

}  // namespace stacksim::scenario
