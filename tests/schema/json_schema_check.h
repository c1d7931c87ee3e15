#pragma once

// Validates JSON documents against a JSON Schema with valijson, a validator independent of
// stacksim. The stacksim schemas declare draft 2020-12 and use only keywords that draft 7
// shares with it, which is what valijson implements.

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace valijson {
class Schema;
}

namespace stacksim::testing {

class SchemaCheck {
 public:
  explicit SchemaCheck(const nlohmann::json& schema);
  ~SchemaCheck();

  // What is wrong with `document` ("/pointer: message", one per problem); empty when it is valid.
  [[nodiscard]] std::vector<std::string> errors(const nlohmann::json& document) const;

 private:
  std::unique_ptr<valijson::Schema> schema_;
};

// A JSON file of the source tree, comments allowed.
[[nodiscard]] nlohmann::json read_json_file(const std::string& path);

}  // namespace stacksim::testing
