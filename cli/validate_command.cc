#include <iostream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/scenario_input.h"

namespace stacksim::cli {

int validate_command(const ScenarioArgs& args) {
  int exit_code = kExitOk;
  if (!load_scenario(args, exit_code)) return exit_code;
  std::cout << "ok\n";
  return kExitOk;
}

}  // namespace stacksim::cli
