#include "cli/command_output.h"

#include <filesystem>
#include <iostream>
#include <utility>

#include "cli/exit_codes.h"
#include "reports/output_file.h"
#include "reports/sha256.h"
#include "sim/time.h"
#include "stacksim/version.h"

namespace stacksim::cli {

bool output_directory_exists(const std::string& path) {
  if (path.empty() || path == "-") return true;
  const auto parent = std::filesystem::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty() && !std::filesystem::is_directory(parent, ec)) {
    std::cerr << "stacksim: cannot write " << path << ": directory " << parent.string()
              << " does not exist\n";
    return false;
  }
  return true;
}

int write_output_files(const std::vector<OutputFile>& files) {
  for (const OutputFile& file : files) {
    std::string error;
    if (!reports::write_file_atomically(file.path, file.content, error)) {
      std::cerr << "stacksim: " << error << '\n';
      return kExitCantCreate;
    }
  }
  return kExitOk;
}

int print_to_stdout(const std::string& text) {
  std::cout << text;
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "stacksim: cannot write to standard output\n";
    return kExitCantCreate;
  }
  return kExitOk;
}

void CommandOutput::add(const std::string& path, std::string content) {
  if (path == "-") {
    terminal = std::move(content);
    to_stdout = true;
  } else {
    add_file(path, std::move(content));
  }
}

void CommandOutput::add_file(const std::string& path, std::string content) {
  if (!path.empty()) files.push_back({path, std::move(content)});
}

int write_command_output(const CommandOutput& output, bool interrupted, std::string_view what) {
  if (const int written = write_output_files(output.files); written != kExitOk) return written;
  if (const int printed = print_to_stdout(output.terminal); printed != kExitOk) return printed;
  if (interrupted) {
    std::cerr << "stacksim: interrupted; reported " << what << " so far\n";
    return kExitInterrupted;
  }
  return kExitOk;
}

reports::ReportContext make_report_context(const ScenarioArgs& args,
                                           const scenario::LoadResult& loaded, int replications,
                                           int threads, double wall_seconds) {
  const models::ScenarioSpec& spec = *loaded.spec;
  reports::ReportContext context;
  context.tool_version = kToolVersion;
  context.scenario_name = spec.name;
  context.scenario_file = args.path;
  context.scenario_sha256 = reports::sha256_hex(loaded.text);
  context.seed = spec.seed;
  context.duration_s = sim::to_seconds(spec.duration_ns);
  context.warmup_s = sim::to_seconds(spec.warmup_ns);
  context.replications = replications;
  context.threads = threads;
  context.wall_seconds = wall_seconds;
  context.slo = spec.slo;
  return context;
}

}  // namespace stacksim::cli
