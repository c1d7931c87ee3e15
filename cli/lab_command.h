#pragma once

#include <string>

#include "cli/submission_sandbox.h"

namespace stacksim::cli {

// `stacksim lab list | show ID | init ID DIR | check ID FILE | grade ID DIR`.
struct LabArgs {
  std::string id;
  std::string path;       // init: the student's folder; check: the scenario; grade: the folder
  std::string json_path;  // check: Gradescope results ("-" = stdout)
  std::string csv_path;   // grade: one row per submission
  int threads = 1;        // check: replications in parallel
  int jobs = 0;           // grade: submissions at once; 0 = one per core
  bool quiet = false;
  SandboxLimits limits;
};

// Each returns the process exit code (cli/exit_codes.h); check returns 0 when every goal is met
// and 1 when one is missed.
[[nodiscard]] int lab_list_command();
[[nodiscard]] int lab_show_command(const LabArgs& args);
[[nodiscard]] int lab_init_command(const LabArgs& args);
[[nodiscard]] int lab_check_command(const LabArgs& args);
[[nodiscard]] int lab_grade_command(const LabArgs& args);

}  // namespace stacksim::cli
