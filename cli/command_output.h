#pragma once

#include <string>
#include <vector>

#include "cli/commands.h"
#include "reports/report_context.h"
#include "scenario/loader.h"

// What every command does with its outputs: check early that they can be written, write files
// whole or not at all, and print to a standard output that may fail.
namespace stacksim::cli {

// One file to produce: where, and what goes in it.
struct OutputFile {
  std::string path;
  std::string content;
};

// True when `path` is empty, "-" or in an existing directory; otherwise prints why not.
// Called before any simulation time is spent.
[[nodiscard]] bool output_directory_exists(const std::string& path);

// Writes each file atomically; on the first failure prints it and returns kExitCantCreate,
// else kExitOk.
[[nodiscard]] int write_output_files(const std::vector<OutputFile>& files);

// Prints `text` to stdout and flushes; kExitCantCreate when stdout cannot be written.
[[nodiscard]] int print_to_stdout(const std::string& text);

// The report context of a loaded scenario run with these settings.
[[nodiscard]] reports::ReportContext make_report_context(const ScenarioArgs& args,
                                                         const scenario::LoadResult& loaded,
                                                         int replications, int threads,
                                                         double wall_seconds);

}  // namespace stacksim::cli
