#include "tests/docs/readme_claims.h"

#include <cmath>
#include <sstream>
#include <stdexcept>

namespace stacksim::testing {
namespace {

constexpr std::string_view kOpen = "<!-- check:";
constexpr std::string_view kClose = "-->";
constexpr std::string_view kPlusMinus = "\u00b1";
constexpr std::string_view kQuoted = "quoted \"";

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  const auto last = text.find_last_not_of(" \t\r");
  return std::string(text.substr(first, last - first + 1));
}

[[noreturn]] void fail(int line, const std::string& message) {
  throw std::invalid_argument("README.md:" + std::to_string(line) + ": " + message);
}

// Words as a shell splits them, with '...' and "..." grouping.
std::vector<std::string> split_words(const std::string& text, int line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (const char c : text) {
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
      } else {
        word += c;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == ' ' || c == '\t') {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (quote != 0) fail(line, "unterminated quote in the command");
  if (in_word) words.push_back(word);
  return words;
}

ClaimExpectation parse_expectation(const std::string& text, int line) {
  ClaimExpectation e;
  e.line = line;
  std::string rest = text;
  if (const auto q = rest.find(kQuoted); q != std::string::npos) {
    const auto end = rest.rfind('"');
    if (end <= q + kQuoted.size() - 1) fail(line, "quoted text has no closing quote");
    e.quoted = rest.substr(q + kQuoted.size(), end - q - kQuoted.size());
    rest = rest.substr(0, q);
  }
  const auto eq = rest.find(" = ");
  if (eq == std::string::npos) fail(line, "an expectation is `POINTER = VALUE`: " + text);
  e.pointer = trim(rest.substr(0, eq));
  std::string value = rest.substr(eq + 3);
  if (const auto pm = value.find(kPlusMinus); pm != std::string::npos) {
    std::string tolerance = trim(value.substr(pm + kPlusMinus.size()));
    value = value.substr(0, pm);
    if (!tolerance.empty() && tolerance.back() == '%') {
      e.relative = true;
      tolerance.pop_back();
    }
    try {
      std::size_t used = 0;
      e.tolerance = std::stod(tolerance, &used);
      if (used != tolerance.size()) throw std::invalid_argument(tolerance);
    } catch (const std::exception&) {
      fail(line, "the tolerance is not a number: " + tolerance);
    }
    if (e.relative) *e.tolerance /= 100.0;
  }
  try {
    e.value = nlohmann::json::parse(trim(value));
  } catch (const nlohmann::json::exception&) {
    fail(line, "the expected value is not JSON: " + trim(value));
  }
  if (e.tolerance && !e.value.is_number()) fail(line, "a tolerance needs a number");
  return e;
}

}  // namespace

std::vector<ReadmeClaim> parse_readme_claims(const std::string& readme) {
  std::vector<std::string> lines;
  {
    std::istringstream in(readme);
    for (std::string l; std::getline(in, l);) lines.push_back(l);
  }
  // The section of each line: its heading's line to the line before the next heading.
  std::vector<std::string> sections;
  std::vector<std::size_t> section_of(lines.size(), 0);
  bool in_code = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].rfind("```", 0) == 0) in_code = !in_code;
    if ((!in_code && lines[i].rfind("#", 0) == 0) || sections.empty()) sections.emplace_back();
    sections.back() += lines[i] + "\n";
    section_of[i] = sections.size() - 1;
  }

  std::vector<ReadmeClaim> claims;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string line = trim(lines[i]);
    if (line.rfind(kOpen, 0) != 0) continue;
    ReadmeClaim claim;
    claim.line = static_cast<int>(i + 1);
    claim.section = sections[section_of[i]];
    const std::vector<std::string> command =
        split_words(trim(line.substr(kOpen.size())), claim.line);
    if (command.empty() || command.front() != "stacksim") {
      fail(claim.line, "a check starts with the command, `stacksim ...`");
    }
    claim.args.assign(command.begin() + 1, command.end());
    bool closed = false;
    for (++i; i < lines.size(); ++i) {
      const std::string text = trim(lines[i]);
      if (text == kClose) {
        closed = true;
        break;
      }
      if (!text.empty())
        claim.expectations.push_back(parse_expectation(text, static_cast<int>(i + 1)));
    }
    if (!closed) fail(claim.line, "the check block has no closing -->");
    if (claim.expectations.empty()) fail(claim.line, "the check block expects nothing");
    claims.push_back(std::move(claim));
  }
  return claims;
}

bool claim_holds(const ClaimExpectation& expectation, const nlohmann::json& actual) {
  if (!expectation.tolerance) return actual == expectation.value;
  if (!actual.is_number()) return false;
  const double want = expectation.value.get<double>();
  const double bound =
      expectation.relative ? *expectation.tolerance * std::fabs(want) : *expectation.tolerance;
  return std::fabs(actual.get<double>() - want) <= bound;
}

}  // namespace stacksim::testing
