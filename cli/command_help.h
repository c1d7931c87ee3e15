#pragma once

// What `stacksim --help` and `stacksim COMMAND --help` print after the options: examples and the
// exit codes. The man page is generated from the same help text, so this is written once.

#include <CLI/CLI.hpp>

namespace stacksim::cli {

// Sets the footer of `app` and of each of its subcommands: the command's examples (when it has
// some) and the exit codes it can return. Call once every subcommand has been added.
void add_examples_and_exit_codes(CLI::App& app);

}  // namespace stacksim::cli
