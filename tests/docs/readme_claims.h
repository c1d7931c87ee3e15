#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

// The checked claims of README.md: every number README quotes sits under a block that names the
// command printing it and the JSON value it must match, so the documentation test runs the
// command and a changed result fails the suite instead of leaving README behind:
//
//   <!-- check: stacksim run scenarios/mm1.json --duration 2h
//   /summary/latency_s/mean = 0.005 ± 2.5% quoted "R = 5 ms"
//   /components/server/utilization = 0.5 ± 0.01
//   -->
//
// The first line is the command (`stacksim` and its arguments; single or double quotes group
// words as in a shell, no other shell syntax); the test adds `--json -` and reads the report.
// Each further line is one expectation: a JSON pointer into that report, `=`, the expected value
// as JSON, then optionally `± TOLERANCE` (absolute, or relative with `%`; numbers only, exact
// otherwise) and `quoted "TEXT"`: the TEXT must appear in README's prose in the same section (up
// to the next heading), which ties the sentence a reader sees to the value the test checks.
namespace stacksim::testing {

struct ClaimExpectation {
  std::string pointer;
  nlohmann::json value;
  std::optional<double> tolerance;  // absolute; unset = exact
  bool relative = false;            // tolerance is a fraction of the value
  std::optional<std::string> quoted;
  int line = 0;  // 1-based line in README.md
};

struct ReadmeClaim {
  int line = 0;                   // the line of `<!-- check:`
  std::vector<std::string> args;  // after `stacksim`
  std::vector<ClaimExpectation> expectations;
  std::string section;  // README's text from the section's heading to the next heading
};

// How a claim shows in a test's name and failure: "README.md:104: stacksim run ...".
inline void PrintTo(const ReadmeClaim& claim, std::ostream* out) {
  *out << "README.md:" << claim.line << ": stacksim";
  for (const std::string& arg : claim.args) *out << ' ' << arg;
}

// The claims of a README text, in order. Throws std::invalid_argument naming the line for a
// malformed block (no command, a command not starting with `stacksim`, an expectation without
// ` = `, a value that is not JSON, a tolerance that is not a number, an unterminated block).
[[nodiscard]] std::vector<ReadmeClaim> parse_readme_claims(const std::string& readme);

// Whether `actual` matches the expectation: within the tolerance for numbers, equal otherwise.
[[nodiscard]] bool claim_holds(const ClaimExpectation& expectation, const nlohmann::json& actual);

}  // namespace stacksim::testing
