// stacksim: the command line. Parses flags (CLI11), calls the layers, maps errors to exit codes.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "stacksim/version.h"

namespace {

using stacksim::cli::RunArgs;
using stacksim::cli::ScenarioArgs;

void add_scenario_options(CLI::App& command, ScenarioArgs& args) {
  command.add_option("scenario", args.path, "Scenario file (JSON with comments)")->required();
  command
      .add_option("--set", args.sets,
                  "Override one scenario value: PATH=VALUE, PATH a JSON pointer "
                  "(/workload/arrivals/rate), VALUE parsed as JSON else taken as a string")
      ->take_all()
      ->allow_extra_args(false);
  command.add_option("--seed", args.seed, "Override the scenario's seed");
  command.add_option("--duration", args.duration, "Override the measured duration (90s, 2h, ...)");
  command.add_option("--warmup", args.warmup, "Override the warm-up (5m, ...)");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"stacksim: a discrete-event simulator of the classic single-server web stack"};
  app.set_version_flag("--version", std::string("stacksim ") + stacksim::kToolVersion);
  app.require_subcommand(1);

  RunArgs run_args;
  CLI::App* run = app.add_subcommand("run", "Simulate a scenario and print a summary");
  add_scenario_options(*run, run_args.scenario);
  run->add_option("--replications", run_args.replications,
                  "Independent replications; point values are their means")
      ->check(CLI::PositiveNumber);
  run->add_option("--threads", run_args.threads, "Worker threads; results do not depend on it")
      ->check(CLI::PositiveNumber);
  run->add_option("--json", run_args.json_path, "Write the JSON report to FILE (- = stdout)");
  run->add_option("--csv", run_args.csv_path, "Write the per-interval time series to FILE");
  run->add_option("--out", run_args.out_dir, "Write report.json and timeseries.csv into DIR");
  run->add_flag("--quiet", run_args.quiet, "No progress or summary on the terminal");

  ScenarioArgs validate_args;
  CLI::App* validate = app.add_subcommand("validate", "Check a scenario; print ok or the errors");
  add_scenario_options(*validate, validate_args);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);  // prints the message
    return stacksim::cli::kExitUsage;
  }

  try {
    if (run->parsed()) return stacksim::cli::run_command(run_args);
    if (validate->parsed()) return stacksim::cli::validate_command(validate_args);
  } catch (const std::exception& e) {
    std::cerr << "stacksim: internal error: " << e.what() << '\n';
    return stacksim::cli::kExitSoftware;
  }
  return stacksim::cli::kExitSoftware;
}
