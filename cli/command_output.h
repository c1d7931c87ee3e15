#pragma once

#include <string>
#include <string_view>
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

// What a command produces: the files to write and the text for standard output.
struct CommandOutput {
  std::vector<OutputFile> files;
  std::string terminal;    // printed once every file is written
  bool to_stdout = false;  // an output was sent to standard output with "-"

  // Sends `content` to `path`: nowhere when empty, standard output when "-", else a file.
  void add(const std::string& path, std::string content);
  // Sends `content` to the file `path`, nowhere when empty ("-" is a file name here).
  void add_file(const std::string& path, std::string content);
};

// Writes the files (write_output_files), then prints the terminal text (print_to_stdout),
// returning the first failure's exit code. After an interrupt, says "stacksim: interrupted;
// reported WHAT so far" on stderr and returns kExitInterrupted; else kExitOk.
[[nodiscard]] int write_command_output(const CommandOutput& output, bool interrupted = false,
                                       std::string_view what = "what was measured");

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
