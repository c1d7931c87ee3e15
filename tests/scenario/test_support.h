#pragma once

// Helpers shared by the scenario loader tests.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "scenario/loader.h"
#include "sim/time.h"

namespace stacksim::scenario::testing {

// Simulated time units, in nanoseconds.
constexpr sim::Time kMs = 1'000'000;
constexpr sim::Time kS = sim::kNanosPerSecond;
constexpr sim::Time kMin = 60 * kS;
constexpr sim::Time kH = 3600 * kS;

inline std::string data_path(const std::string& relative) {
  return std::string(STACKSIM_SOURCE_DIR) + "/tests/scenario/data/" + relative;
}

// All diagnostics, one per line, for failure messages.
inline std::string dump(const LoadResult& result) {
  std::string out;
  for (const auto& e : result.errors) out += "  " + e.to_string() + "\n";
  return out;
}

// True when some diagnostic sits at `pointer` and its message contains `text`.
inline ::testing::AssertionResult HasError(const LoadResult& result, const std::string& pointer,
                                           const std::string& text) {
  for (const auto& e : result.errors) {
    if (e.pointer == pointer && e.message.find(text) != std::string::npos) {
      return ::testing::AssertionSuccess();
    }
  }
  return ::testing::AssertionFailure()
         << "no error at \"" << pointer << "\" containing \"" << text << "\"; errors:\n"
         << dump(result);
}

// A small valid scenario the error tests start from: web -> app -> db on one host.
inline const char* kMinimalScenario = R"({
  "name": "minimal",
  "hosts": { "server1": { "cores": 2 } },
  "components": {
    "web": { "kind": "web", "host": "server1" },
    "app": { "kind": "app", "host": "server1" },
    "db": { "kind": "db", "host": "server1", "cpu": "1ms" }
  },
  "workload": {
    "arrivals": { "process": "poisson", "rate": 10 },
    "mix": [{ "name": "page", "path": ["web", "app", "db"] }]
  }
})";

// The scenario `base` with the value at `pointer` set (or added) to `value`, loaded as "t.json".
inline LoadResult load_with(const std::string& pointer, const nlohmann::ordered_json& value,
                            const char* base = kMinimalScenario) {
  nlohmann::ordered_json doc = nlohmann::ordered_json::parse(base);
  doc[nlohmann::ordered_json::json_pointer(pointer)] = value;
  return load_scenario_text(doc.dump(2), "t.json");
}

// The scenario `base` without the key at `pointer`, loaded as "t.json".
inline LoadResult load_without(const std::string& pointer, const char* base = kMinimalScenario) {
  nlohmann::ordered_json doc = nlohmann::ordered_json::parse(base);
  const nlohmann::ordered_json::json_pointer p(pointer);
  doc[p.parent_pointer()].erase(p.back());
  return load_scenario_text(doc.dump(2), "t.json");
}

// The minimal scenario (server1 hosting web, app and db) plus a dns component, with `faults`,
// run for 30 days so that every fault window the tests write starts within the run.
inline LoadResult load_faults(const nlohmann::ordered_json& faults) {
  nlohmann::ordered_json doc = nlohmann::ordered_json::parse(kMinimalScenario);
  doc["duration"] = "30d";
  doc["components"]["resolver"] = {{"kind", "dns"}, {"records", nlohmann::ordered_json::array()}};
  doc["faults"] = faults;
  return load_scenario_text(doc.dump(2), "t.json");
}

// load_faults with the one fault `fault`.
inline LoadResult load_fault(const nlohmann::ordered_json& fault) {
  return load_faults(nlohmann::ordered_json::array({fault}));
}

// Loads tests/scenario/data/good/full_stack.json, which must be valid.
class FullStackScenario : public ::testing::Test {
 protected:
  void SetUp() override {
    result_ = load_scenario_file(data_path("good/full_stack.json"));
    ASSERT_EQ(result_.status, LoadStatus::kOk) << dump(result_);
    ASSERT_TRUE(result_.spec.has_value());
    spec_ = &*result_.spec;
  }
  const models::ComponentSpec& component(const std::string& name) {
    const auto* c = spec_->find_component(name);
    EXPECT_NE(c, nullptr) << name;
    return *c;
  }

  LoadResult result_;
  const models::ScenarioSpec* spec_ = nullptr;
};

}  // namespace stacksim::scenario::testing
