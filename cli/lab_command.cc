#include "cli/lab_command.h"

#include <filesystem>
#include <iostream>
#include <regex>
#include <thread>

#include "cli/command_output.h"
#include "cli/exit_codes.h"
#include "cli/lab_catalog.h"
#include "cli/progress_meter.h"
#include "findings/lab_grading.h"
#include "models/experiment.h"
#include "reports/csv_format.h"
#include "reports/lab_report.h"
#include "reports/text_format.h"
#include "reports/text_table.h"
#include "scenario/file_text.h"
#include "scenario/lab_loader.h"
#include "scenario/scenario_schema.h"

namespace stacksim::cli {

namespace fs = std::filesystem;

namespace {

std::optional<scenario::LabDefinition> load_lab(const LabFolder& folder, int& exit_code) {
  auto loaded = scenario::load_lab_file((folder.path / "lab.json").string());
  if (loaded.lab) return std::move(*loaded.lab);
  for (const auto& error : loaded.errors) std::cerr << error.to_string() << '\n';
  exit_code = loaded.status == scenario::LoadStatus::kUnreadable ? kExitNoInput : kExitDataError;
  return std::nullopt;
}

std::optional<std::string> read_text_file(const fs::path& path) {
  std::string error;
  auto text = scenario::read_file(path.string(), error);
  if (!text) std::cerr << "stacksim: cannot read " << path.string() << ": " << error << '\n';
  return text;
}

// The schema a student's copy of start.json points to: written beside it, so that an editor
// finds it wherever the student's folder is.
constexpr const char* kSchemaFile = "scenario.schema.json";

// start.json as the student gets it: its "$schema" (relative to labs/ID/ in the source tree)
// made to name the copy of the schema written beside it. Comments and layout are kept.
std::string student_start_text(const std::string& text) {
  static const std::regex kSchemaMember(R"re(("\$schema"\s*:\s*)"[^"]*")re");
  return std::regex_replace(text, kSchemaMember, std::string("$1\"") + kSchemaFile + "\"",
                            std::regex_constants::format_first_only);
}

}  // namespace

int lab_list_command() {
  const fs::path labs = labs_directory();
  if (labs.empty()) {
    std::cerr << "stacksim: no labs folder found; set STACKSIM_LABS to the labs/ folder\n";
    return kExitNoInput;
  }
  std::string text;
  for (const LabFolder& folder : list_labs(labs)) {
    const auto loaded = scenario::load_lab_file((folder.path / "lab.json").string());
    text += folder.id + "  " +
            (loaded.lab ? loaded.lab->spec.title : std::string("(lab.json is invalid)")) + "\n";
  }
  return print_to_stdout(text);
}

int lab_show_command(const LabArgs& args) {
  const auto folder = find_lab(args.id);
  if (!folder) return kExitUsage;
  const auto text = read_text_file(folder->path / "README.md");
  if (!text) return kExitNoInput;
  return print_to_stdout(*text);
}

int lab_init_command(const LabArgs& args) {
  const auto folder = find_lab(args.id);
  if (!folder) return kExitUsage;
  const fs::path dir(args.path);
  std::vector<OutputFile> files;
  for (const char* name : {"start.json", "README.md"}) {
    const auto text = read_text_file(folder->path / name);
    if (!text) return kExitNoInput;
    files.push_back({(dir / name).string(),
                     name == std::string("start.json") ? student_start_text(*text) : *text});
  }
  files.push_back({(dir / kSchemaFile).string(), std::string(scenario::scenario_schema_text())});
  for (const OutputFile& file : files) {
    std::error_code ec;
    if (fs::exists(file.path, ec)) {
      std::cerr << "stacksim: " << file.path << " exists; not overwriting it\n";
      return kExitCantCreate;
    }
  }
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    std::cerr << "stacksim: cannot create " << dir.string() << ": " << ec.message() << '\n';
    return kExitCantCreate;
  }
  if (const int code = write_output_files(files); code != kExitOk) return code;
  return print_to_stdout("lab " + args.id + ": wrote " + files[0].path + ", " + files[1].path +
                         " and " + files[2].path +
                         " (the schema start.json names, for your editor); check your design "
                         "with: stacksim lab check " +
                         args.id + " " + files[0].path + "\n");
}

int lab_check_command(const LabArgs& args) {
  const auto folder = find_lab(args.id);
  if (!folder) return kExitUsage;
  int exit_code = kExitOk;
  const auto lab = load_lab(*folder, exit_code);
  if (!lab) return exit_code;
  if (!output_directory_exists(args.json_path)) return kExitCantCreate;

  const scenario::LoadResult loaded = scenario::load_lab_submission(args.path, *lab);
  if (loaded.status != scenario::LoadStatus::kOk) {
    std::string why;
    for (const auto& error : loaded.errors) {
      std::cerr << error.to_string() << '\n';
      why += error.to_string() + "\n";
    }
    // Gradescope needs a results file whatever happens; it says why the score is 0.
    CommandOutput output;
    output.add(args.json_path, reports::gradescope_error_json(lab->spec, why).dump(2) + "\n");
    if (const int code = write_command_output(output); code != kExitOk) return code;
    return loaded.status == scenario::LoadStatus::kUnreadable ? kExitNoInput : kExitDataError;
  }

  ProgressMeter meter(static_cast<std::size_t>(lab->spec.replications), !args.quiet);
  models::ExperimentOptions options;
  options.replications = lab->spec.replications;
  options.threads = args.threads;
  options.progress = [&meter](std::size_t rep, double fraction) { meter.update(rep, fraction); };
  const auto results = models::run_experiment(*loaded.spec, options);
  const findings::LabGrade grade = findings::grade_lab(lab->spec, *loaded.spec, results);

  CommandOutput output;
  output.add(args.json_path, reports::gradescope_json(grade).dump(2) + "\n");
  if (!output.to_stdout && !args.quiet) output.terminal = reports::lab_text(grade);
  if (const int code = write_command_output(output); code != kExitOk) return code;
  return grade.passed() ? kExitOk : 1;
}

int lab_grade_command(const LabArgs& args) {
  const auto folder = find_lab(args.id);
  if (!folder) return kExitUsage;
  int exit_code = kExitOk;
  const auto lab = load_lab(*folder, exit_code);
  if (!lab) return exit_code;
  std::error_code ec;
  if (!fs::is_directory(args.path, ec)) {
    std::cerr << "stacksim: " << args.path << ": not a folder of submissions\n";
    return kExitNoInput;
  }
  if (!output_directory_exists(args.csv_path)) return kExitCantCreate;
  double max_score = 0.0;
  for (const auto& goal : lab->spec.goals) max_score += goal.points;
  const auto files = submission_files(args.path);
  const int jobs = args.jobs > 0
                       ? args.jobs
                       : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const auto rows =
      grade_in_sandbox(args.id, labs_directory(), args.path, files, max_score, args.limits, jobs);

  reports::TextTable table({"submission", "score", "status", "why"});
  std::string csv = "file,score,max_score,status,reason\n";
  for (const auto& row : rows) {
    const std::string score =
        reports::format_significant(row.score) + "/" + reports::format_significant(row.max_score);
    table.add_row({row.file, score, row.status, row.reason});
    csv += reports::csv_field(row.file) + "," + reports::csv_number(row.score) + "," +
           reports::csv_number(row.max_score) + "," + row.status + "," +
           reports::csv_field(row.reason) + "\n";
  }
  CommandOutput output;
  output.add_file(args.csv_path, csv);
  if (!args.quiet) {
    output.terminal = "Lab " + args.id + ": " + std::to_string(rows.size()) + " submissions in " +
                      args.path + "\n\n" + table.render();
  }
  return write_command_output(output);
}

}  // namespace stacksim::cli
