#pragma once

#include <span>
#include <string>
#include <vector>

#include "models/run_result.h"

// `run --explain`: a plain-language reading under each section of the text report, with the
// run's own numbers. The same table lists the sections docs/glossary.md explains (a test keeps
// the two in step).
namespace stacksim::reports {

struct SectionExplanation {
  const char* label;    // how the section's first line starts ("Requests", "Component", ...)
  bool table;           // a table: its reading goes under its last row, not under its header
  const char* meaning;  // the reading without numbers, for the glossary
};

// Every section the text report can print, in report order.
[[nodiscard]] std::span<const SectionExplanation> section_explanations();

// The text report with, under each section it has, one line "           ↳ reading" that reads
// that section's numbers for this run in plain words. Lines of unknown sections stay as they are.
[[nodiscard]] std::string explain_report(const std::string& report,
                                         const std::vector<models::RunResult>& replications);

}  // namespace stacksim::reports
