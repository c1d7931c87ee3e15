#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/scenario_spec.h"

namespace stacksim::scenario {

// One problem found in a scenario. Syntax errors carry a line and column; all others carry the
// JSON pointer of the offending value ("" for the document root).
struct Diagnostic {
  std::string file;
  std::string pointer;
  int line = 0;  // > 0 only for syntax errors
  int column = 0;
  std::string message;

  // "FILE:LINE:COL: message" for syntax errors, "FILE: /json/pointer: message" otherwise.
  [[nodiscard]] std::string to_string() const;
};

enum class LoadStatus {
  kOk,
  kInvalid,     // syntax or validation errors (exit code 65)
  kUnreadable,  // missing or unreadable file (exit code 66)
};

// One `--set PATH=VALUE` override: `pointer` is a JSON pointer into the scenario document and
// `value` is parsed as JSON, or taken as a string when it is not valid JSON.
struct Override {
  std::string pointer;
  std::string value;
};

// Largest scenario file read (the shipped ones are a few KiB).
inline constexpr std::size_t kMaxScenarioBytes = std::size_t{64} << 20;

// How a scenario may reach beyond its own text.
struct LoadOptions {
  // Read files the scenario names (traces) even outside the scenario file's folder
  // (--allow-outside-files).
  bool allow_outside_files = false;
};

struct LoadResult {
  LoadStatus status = LoadStatus::kOk;
  std::optional<models::ScenarioSpec> spec;  // set only when status == kOk
  std::vector<Diagnostic> errors;            // every problem found, in document order
  std::string text;                          // the file's bytes as read (for its sha256)
  std::filesystem::path base_directory;      // where relative file names were looked for
  LoadOptions options;                       // as given
};

// Reads, parses (with // and /* */ comments), applies the overrides in order, validates and
// converts a scenario. Never throws on bad input: every problem becomes a Diagnostic. Only a
// regular file of at most kMaxScenarioBytes is read ("-" is standard input); anything else is
// kUnreadable. Files the scenario names (an arrival trace) are found relative to the scenario
// file's directory, and must be inside it unless `options` allow otherwise.
[[nodiscard]] LoadResult load_scenario_file(const std::string& path,
                                            const std::vector<Override>& overrides = {},
                                            const LoadOptions& options = {});

// As load_scenario_file, for text already in memory; `file` names it in diagnostics. Files the
// scenario names are found relative to `base_directory` (empty = the current directory); pass
// the base_directory and options of an earlier load of the same file to load it again as it was.
[[nodiscard]] LoadResult load_scenario_text(std::string_view text, const std::string& file,
                                            const std::vector<Override>& overrides = {},
                                            const std::filesystem::path& base_directory = {},
                                            const LoadOptions& options = {});

// Parses "PATH=VALUE" as given to --set. Returns nullopt when there is no '=' or PATH does not
// start with '/'.
[[nodiscard]] std::optional<Override> parse_override(std::string_view assignment);

}  // namespace stacksim::scenario
