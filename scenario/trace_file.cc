#include "scenario/trace_file.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "scenario/file_text.h"
#include "scenario/key_suggestion.h"
#include "scenario/units.h"

namespace stacksim::scenario {

namespace {

// Lines with problems reported one by one; the rest are counted.
constexpr int kMaxReportedLines = 5;
// Longest piece of a bad line quoted in a message.
constexpr std::size_t kMaxQuoted = 40;

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\f\v");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\f\v");
  return s.substr(first, last - first + 1);
}

// `s` as a message shows it: quoted when short and made only of the characters of numbers,
// words and headers, else only its length, so that an error never echoes much of a file that
// is not a trace (or control characters).
std::string excerpt(std::string_view s) {
  const bool plain = s.size() <= kMaxQuoted && std::all_of(s.begin(), s.end(), [](char c) {
                       return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
                              std::string_view(" .+-_").find(c) != std::string_view::npos;
                     });
  if (plain) return in_quotes(s);
  return "a text of " + std::to_string(s.size()) + " characters";
}

// Whether `path` lies inside `directory`, both after following symbolic links.
bool is_inside(const std::filesystem::path& path, const std::filesystem::path& directory) {
  std::error_code ec;
  const auto file = std::filesystem::weakly_canonical(path, ec);
  if (ec) return false;
  const auto root = std::filesystem::weakly_canonical(
      directory.empty() ? std::filesystem::current_path(ec) : directory, ec);
  if (ec) return false;
  const auto relative = file.lexically_relative(root);
  return !relative.empty() && *relative.begin() != ".." && relative.is_relative();
}

// The number of seconds `field` holds, if it is a finite decimal number and nothing else.
std::optional<double> parse_seconds(std::string_view field) {
  double value = 0.0;
  const auto [end, error] =
      std::from_chars(field.data(), field.data() + field.size(), value, std::chars_format::general);
  if (error != std::errc() || end != field.data() + field.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

// Collects the problems of one trace, reporting the first few.
class TraceProblems {
 public:
  TraceProblems(Validator& validator, const std::string& pointer)
      : validator_(validator), pointer_(pointer) {}

  void add(std::size_t line, const std::string& message) {
    if (++count_ <= kMaxReportedLines) {
      validator_.error(pointer_, "line " + std::to_string(line) + ": " + message);
    }
  }
  void finish() {
    if (count_ > kMaxReportedLines) {
      validator_.error(pointer_, "and " + std::to_string(count_ - kMaxReportedLines) +
                                     " more lines with problems in the trace");
    }
  }
  [[nodiscard]] bool any() const { return count_ > 0; }

 private:
  Validator& validator_;
  const std::string& pointer_;
  int count_ = 0;
};

}  // namespace

std::optional<std::vector<sim::Time>> parse_trace(Validator& validator, std::string_view text,
                                                  const std::string& pointer) {
  std::vector<sim::Time> times;
  TraceProblems problems(validator, pointer);
  bool first_content = true;
  std::size_t previous_line = 0;
  double previous_seconds = 0.0;
  std::size_t line_number = 0;
  while (!text.empty()) {
    ++line_number;
    const auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    line = trim(line.substr(0, line.find('#')));
    if (line.empty()) continue;
    const std::string_view field = trim(line.substr(0, line.find(',')));
    const auto seconds = parse_seconds(field);
    const bool header = first_content && !seconds;
    first_content = false;
    if (header) continue;
    if (!seconds) {
      problems.add(line_number, "expected an arrival time in seconds, got " + excerpt(field));
      continue;
    }
    if (*seconds < 0.0) {
      problems.add(line_number, "arrival time " + std::string(field) + " is negative");
      continue;
    }
    const auto time = duration_from_seconds(*seconds);
    if (!time) {
      problems.add(line_number,
                   "arrival time " + in_quotes(field) + " is too large (at most about 292 years)");
      continue;
    }
    if (previous_line > 0 && *seconds < previous_seconds) {
      problems.add(line_number, "arrival time " + std::string(field) +
                                    " is before the one on line " + std::to_string(previous_line) +
                                    "; times must be non-decreasing");
    }
    previous_line = line_number;
    previous_seconds = *seconds;
    times.push_back(*time);
  }
  problems.finish();
  if (problems.any()) return std::nullopt;
  if (times.empty()) {
    validator.error(pointer, "the trace holds no arrival times");
    return std::nullopt;
  }
  return times;
}

std::optional<std::vector<sim::Time>> read_trace_file(Validator& validator, const std::string& file,
                                                      const FileAccess& files,
                                                      const std::string& pointer) {
  if (file.find('\0') != std::string::npos) {
    validator.error(pointer, "a file name cannot contain a NUL character");
    return std::nullopt;
  }
  std::filesystem::path path(file);
  if (path.is_relative() && !files.base_directory.empty()) path = files.base_directory / path;
  const std::string shown = path.string();
  if (!files.allow_outside && !is_inside(path, files.base_directory)) {
    validator.error(pointer, "trace file " + in_quotes(shown) +
                                 " is outside the scenario's folder; scenarios read only files "
                                 "in their own folder unless --allow-outside-files is given");
    return std::nullopt;
  }
  std::string error;
  const auto text = read_file(shown, error, kMaxTraceBytes);
  if (!text) {
    validator.error(pointer, "cannot read trace file " + in_quotes(shown) + ": " + error);
    return std::nullopt;
  }
  return parse_trace(validator, *text, pointer);
}

}  // namespace stacksim::scenario
