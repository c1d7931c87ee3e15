#include "tests/schema/json_schema_check.h"

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

namespace stacksim::testing {

SchemaCheck::SchemaCheck(const nlohmann::json& schema)
    : schema_(std::make_unique<valijson::Schema>()) {
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  valijson::adapters::NlohmannJsonAdapter adapter(schema);
  parser.populateSchema(adapter, *schema_);
}

SchemaCheck::~SchemaCheck() = default;

std::vector<std::string> SchemaCheck::errors(const nlohmann::json& document) const {
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(document);
  std::vector<std::string> found;
  if (validator.validate(*schema_, target, &results)) return found;
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    std::string where;
    for (const auto& part : error.context) where += part;
    found.push_back(where + ": " + error.description);
  }
  return found;
}

nlohmann::json read_json_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str(), nullptr, /*allow_exceptions=*/true,
                               /*ignore_comments=*/true);
}

}  // namespace stacksim::testing
