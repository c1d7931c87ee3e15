#include "scenario/document_pointers.h"

#include "scenario/file_text.h"
#include "scenario/json_pointer.h"
#include "scenario/json_text.h"

namespace stacksim::scenario {

namespace {

// Completion reads the file at every key press; a scenario is far smaller than this.
constexpr std::size_t kMaxScenarioBytes = 64u << 20;

void add_pointers(const Json& value, const std::string& pointer, std::vector<std::string>& out) {
  if (!pointer.empty()) out.push_back(pointer);
  if (value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it) {
      add_pointers(it.value(), child_pointer(pointer, it.key()), out);
    }
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      add_pointers(value[i], child_pointer(pointer, i), out);
    }
  }
}

}  // namespace

std::vector<std::string> document_pointers(const std::string& path) {
  std::vector<std::string> pointers;
  std::string error;
  const auto text = read_file(path, error, kMaxScenarioBytes);
  if (!text) return pointers;
  const ParsedJson parsed = parse_json_text(*text, path);
  if (parsed.document) add_pointers(*parsed.document, "", pointers);
  return pointers;
}

}  // namespace stacksim::scenario
