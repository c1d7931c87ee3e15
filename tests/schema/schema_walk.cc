#include "tests/schema/schema_walk.h"

#include <stdexcept>

namespace stacksim::testing {

namespace {

using nlohmann::json;

std::string escape_token(const std::string& token) {
  std::string out;
  for (const char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

bool type_allows(const json& type, const json& value) {
  const auto one = [&value](const std::string& t) {
    if (t == "object") return value.is_object();
    if (t == "array") return value.is_array();
    if (t == "string") return value.is_string();
    if (t == "integer") return value.is_number_integer();
    if (t == "number") return value.is_number();
    if (t == "boolean") return value.is_boolean();
    if (t == "null") return value.is_null();
    return false;
  };
  if (type.is_string()) return one(type.get<std::string>());
  for (const auto& t : type) {
    if (one(t.get<std::string>())) return true;
  }
  return false;
}

// An if-condition of the form {"properties": {K: {"const": C}, ...}, "required": [...]}.
bool condition_holds(const json& condition, const json& value) {
  if (!value.is_object()) return false;
  if (const auto required = condition.find("required"); required != condition.end()) {
    for (const auto& key : *required) {
      if (!value.contains(key.get<std::string>())) return false;
    }
  }
  if (const auto properties = condition.find("properties"); properties != condition.end()) {
    for (auto it = properties->begin(); it != properties->end(); ++it) {
      const auto member = value.find(it.key());
      if (member == value.end()) continue;
      if (!it.value().contains("const")) throw std::runtime_error("unsupported if condition");
      if (*member != it.value()["const"]) return false;
    }
  }
  return true;
}

struct Walker {
  const json& root;

  void expand(const json& node, const std::string& location, const json& value,
              std::vector<AppliedSchema>& out) const {
    if (!node.is_object()) return;
    if (const auto ref = node.find("$ref"); ref != node.end()) {
      const std::string target = ref->get<std::string>();
      if (target.rfind("#", 0) != 0) throw std::runtime_error("external $ref " + target);
      const json::json_pointer pointer(target.substr(1));
      expand(root.at(pointer), target, value, out);
      return;
    }
    if (const auto type = node.find("type"); type != node.end() && !type_allows(*type, value)) {
      return;
    }
    out.push_back({&node, location});
    if (const auto all = node.find("allOf"); all != node.end()) {
      for (std::size_t i = 0; i < all->size(); ++i) {
        expand((*all)[i], location + "/allOf/" + std::to_string(i), value, out);
      }
    }
    for (const char* branches : {"oneOf", "anyOf"}) {
      if (const auto list = node.find(branches); list != node.end()) {
        for (std::size_t i = 0; i < list->size(); ++i) {
          expand((*list)[i], location + "/" + branches + "/" + std::to_string(i), value, out);
        }
      }
    }
    if (const auto condition = node.find("if"); condition != node.end()) {
      const bool holds = condition_holds(*condition, value);
      const char* branch = holds ? "then" : "else";
      if (const auto next = node.find(branch); next != node.end()) {
        expand(*next, location + "/" + branch, value, out);
      }
    }
  }

  std::vector<AppliedSchema> child(const std::vector<AppliedSchema>& parents,
                                   const std::string& token, const json& value) const {
    std::vector<AppliedSchema> out;
    for (const AppliedSchema& parent : parents) {
      const json& node = *parent.node;
      if (const auto properties = node.find("properties");
          properties != node.end() && properties->contains(token)) {
        expand((*properties)[token], parent.location + "/properties/" + escape_token(token), value,
               out);
      } else if (const auto additional = node.find("additionalProperties");
                 additional != node.end() && additional->is_object()) {
        expand(*additional, parent.location + "/additionalProperties", value, out);
      }
      if (const auto items = node.find("items"); items != node.end() && items->is_object()) {
        expand(*items, parent.location + "/items", value, out);
      }
    }
    return out;
  }
};

void collect(const json& node, const std::string& location, bool closed_objects,
             std::vector<std::string>& out) {
  if (node.is_object()) {
    if (closed_objects) {
      const auto additional = node.find("additionalProperties");
      if (additional != node.end() && *additional == false) out.push_back(location);
    } else if (node.contains("enum")) {
      out.push_back(location);
    }
    for (auto it = node.begin(); it != node.end(); ++it) {
      // Values of "properties" and "$defs" are schemas under their names; "enum", "const" and
      // "default" hold data, not schemas.
      if (it.key() == "enum" || it.key() == "const" || it.key() == "default") continue;
      collect(it.value(), location + "/" + escape_token(it.key()), closed_objects, out);
    }
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      collect(node[i], location + "/" + std::to_string(i), closed_objects, out);
    }
  }
}

}  // namespace

std::vector<AppliedSchema> schemas_at(const json& schema, const json& document,
                                      const std::string& pointer) {
  const Walker walker{schema};
  std::vector<AppliedSchema> current;
  walker.expand(schema, "#", document, current);
  const json* value = &document;
  json::json_pointer remaining(pointer);
  std::vector<std::string> tokens;
  while (!remaining.empty()) {
    tokens.insert(tokens.begin(), remaining.back());
    remaining.pop_back();
  }
  for (const std::string& token : tokens) {
    if (value->is_array()) {
      value = &value->at(std::stoul(token));
    } else {
      value = &value->at(token);
    }
    current = walker.child(current, token, *value);
  }
  return current;
}

std::vector<std::string> closed_object_locations(const json& schema) {
  std::vector<std::string> out;
  collect(schema, "#", true, out);
  return out;
}

std::vector<std::string> enum_locations(const json& schema) {
  std::vector<std::string> out;
  collect(schema, "#", false, out);
  return out;
}

std::vector<std::string> property_names(const json& node) {
  std::vector<std::string> names;
  if (const auto properties = node.find("properties"); properties != node.end()) {
    for (auto it = properties->begin(); it != properties->end(); ++it) names.push_back(it.key());
  }
  return names;
}

}  // namespace stacksim::testing
