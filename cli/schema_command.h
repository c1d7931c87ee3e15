#pragma once

#include <string>

namespace stacksim::cli {

// `stacksim schema`: prints the JSON Schema of scenario files, or with `report` that of the run
// report, to stdout. Returns the exit code.
[[nodiscard]] int schema_command(bool report);

// `stacksim __pointers FILE` (hidden, for the bash completion): prints every JSON pointer of the
// scenario file, one a line; nothing when it cannot be read. Always returns 0.
[[nodiscard]] int pointers_command(const std::string& path);

}  // namespace stacksim::cli
