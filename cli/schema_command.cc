#include "cli/schema_command.h"

#include <iostream>

#include "cli/exit_codes.h"
#include "reports/report_schema.h"
#include "scenario/document_pointers.h"
#include "scenario/scenario_schema.h"

namespace stacksim::cli {

int schema_command(bool report) {
  std::cout << (report ? reports::report_schema_text() : scenario::scenario_schema_text());
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "stacksim: cannot write the schema to standard output\n";
    return kExitCantCreate;
  }
  return kExitOk;
}

int pointers_command(const std::string& path) {
  for (const auto& pointer : scenario::document_pointers(path)) std::cout << pointer << '\n';
  return kExitOk;
}

}  // namespace stacksim::cli
