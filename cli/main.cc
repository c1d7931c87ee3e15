// stacksim: the command line. Parses flags (CLI11), calls the layers, maps errors to exit codes.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "cli/analyze_command.h"
#include "cli/command_help.h"
#include "cli/commands.h"
#include "cli/compare_command.h"
#include "cli/exit_codes.h"
#include "cli/graph_command.h"
#include "cli/lab_command.h"
#include "cli/merge_command.h"
#include "cli/option_checks.h"
#include "cli/schema_command.h"
#include "cli/sweep_command.h"
#include "cli/whatif_command.h"
#include "stacksim/version.h"

namespace {

using stacksim::cli::RunArgs;
using stacksim::cli::ScenarioArgs;

// The overrides every command that loads scenarios takes: --set, --seed, --duration, --warmup,
// --force, --allow-outside-files.
void add_scenario_overrides(CLI::App& command, ScenarioArgs& args) {
  command
      .add_option("--set", args.sets,
                  "Override one scenario value: PATH=VALUE, PATH a JSON pointer "
                  "(/workload/arrivals/rate), VALUE parsed as JSON else taken as a string")
      ->take_all()
      ->allow_extra_args(false);
  command.add_option("--seed", args.seed, "Override the scenario's seed")
      ->check(stacksim::cli::non_negative_seed());
  command.add_option("--duration", args.duration, "Override the measured duration (90s, 2h, ...)");
  command.add_option("--warmup", args.warmup, "Override the warm-up (5m, ...)");
  command.add_flag("--force", args.force,
                   "Run a scenario estimated to take very long (over 10^9 arrivals)");
  command.add_flag("--allow-outside-files", args.allow_outside_files,
                   "Let the scenario read files (traces) outside its own folder");
}

// A scenario file as the positional argument, and its overrides.
void add_scenario_options(CLI::App& command, ScenarioArgs& args) {
  command.add_option("scenario", args.path, "Scenario file (JSON with comments)")->required();
  add_scenario_overrides(command, args);
}

}  // namespace

int main(int argc, char** argv) {
  // Named, not taken from argv[0], so that help and the man page read "stacksim".
  CLI::App app{"stacksim: a discrete-event simulator of the classic single-server web stack",
               "stacksim"};
  app.set_version_flag("--version", std::string("stacksim ") + stacksim::kToolVersion);
  app.require_subcommand(1);

  RunArgs run_args;
  CLI::App* run = app.add_subcommand("run", "Simulate a scenario and print a summary");
  add_scenario_options(*run, run_args.scenario);
  run->add_option("--replications", run_args.replications,
                  "Independent replications; point values are their means")
      ->check(stacksim::cli::at_least_one());
  run->add_option("--threads", run_args.threads, "Worker threads; results do not depend on it")
      ->check(stacksim::cli::at_least_one());
  run->add_option("--json", run_args.json_path, "Write the JSON report to FILE (- = stdout)");
  run->add_option("--csv", run_args.csv_path, "Write the per-interval time series to FILE");
  run->add_option("--csv-long", run_args.csv_long_path,
                  "Write the time series in long form (start_s,end_s,metric,target,value) to FILE");
  run->add_option("--html", run_args.html_path,
                  "Write the HTML report (charts, architecture) to FILE (- = stdout)");
  run->add_option("--out", run_args.out_dir,
                  "Write report.json, timeseries.csv and report.html into DIR");
  run->add_flag("--quiet", run_args.quiet, "No progress or summary on the terminal");
  run->add_flag("--wide", run_args.wide,
                "Print the full tables, however wide (by default the text fits 80 columns)");
  run->add_option("--shard", run_args.shard,
                  "Run only shard I of N of the replications (I/N) and write its partial report "
                  "to --json; stacksim merge puts the shards together");
  run->add_flag("--explain", run_args.explain,
                "Add a plain-language reading under each section of the summary");

  ScenarioArgs validate_args;
  CLI::App* validate = app.add_subcommand("validate", "Check a scenario; print ok or the errors");
  add_scenario_options(*validate, validate_args);

  stacksim::cli::GraphArgs graph_args;
  graph_args.scenario.force = true;  // graph does not simulate: a long run costs it nothing
  CLI::App* graph = app.add_subcommand("graph", "Dependency graph and single points of failure");
  graph->add_option("scenario", graph_args.scenario.path, "Scenario file (JSON with comments)")
      ->required();
  graph->add_option("--set", graph_args.scenario.sets, "Override one scenario value: PATH=VALUE")
      ->take_all()
      ->allow_extra_args(false);
  graph->add_flag("--allow-outside-files", graph_args.scenario.allow_outside_files,
                  "Let the scenario read files (traces) outside its own folder");
  graph->add_option("--json", graph_args.json_path, "Write the graph as JSON to FILE (- = stdout)");
  graph->add_option("--dot", graph_args.dot_path,
                    "Write the graph as Graphviz DOT to FILE (- = stdout)");
  graph->add_flag("--wide", graph_args.wide,
                  "Print the full tables, however wide (by default the text fits 80 columns)");

  stacksim::cli::SweepArgs sweep_args;
  CLI::App* sweep = app.add_subcommand("sweep", "Run a grid of points; capacity report");
  add_scenario_options(*sweep, sweep_args.scenario);
  sweep
      ->add_option("--vary", sweep_args.varies,
                   "Vary one scenario value: PATH=FROM:TO:STEPS or PATH=V1,V2,...; repeatable, "
                   "the grid is the product (first --vary outermost)")
      ->required()
      ->take_all()
      ->allow_extra_args(false);
  sweep->add_option("--replications", sweep_args.replications, "Replications per point")
      ->check(stacksim::cli::at_least_one());
  sweep->add_option("--threads", sweep_args.threads, "Worker threads; results do not depend on it")
      ->check(stacksim::cli::at_least_one());
  sweep->add_option("--json", sweep_args.json_path, "Write the JSON report to FILE (- = stdout)");
  sweep->add_option("--csv", sweep_args.csv_path, "Write one CSV row per point to FILE");
  sweep->add_option("--html", sweep_args.html_path,
                    "Write the HTML report (capacity charts) to FILE (- = stdout)");
  sweep->add_option("--latency-target", sweep_args.latency_target,
                    "Latency a point must meet to be within capacity (200ms, ...)");
  sweep
      ->add_option("--latency-percentile", sweep_args.latency_percentile,
                   "Statistic the latency target applies to: p99 (default), p95, p50, mean")
      ->check(CLI::IsMember({"p99", "p95", "p50", "mean"}));
  sweep->add_flag("--quiet", sweep_args.quiet, "No progress or report on the terminal");
  sweep->add_flag("--wide", sweep_args.wide,
                  "Print the full tables, however wide (by default the text fits 80 columns)");
  sweep->add_option("--shard", sweep_args.shard,
                    "Run only shard I of N of the grid (I/N) and write its partial report to "
                    "--json; stacksim merge puts the shards together");

  stacksim::cli::MergeArgs merge_args;
  CLI::App* merge = app.add_subcommand(
      "merge", "Put the partial reports of a sharded sweep or run together into its report");
  merge->add_option("parts", merge_args.parts, "Partial reports (--shard I/N --json FILE)")
      ->required();
  merge->add_option("--json", merge_args.json_path, "Write the JSON report to FILE (- = stdout)");
  merge->add_option("--csv", merge_args.csv_path,
                    "Write the CSV to FILE: a sweep's rows per point, a run's time series");
  merge->add_option("--html", merge_args.html_path,
                    "Write the sweep's or run's HTML report to FILE (- = stdout)");
  merge->add_flag("--allow-partial", merge_args.allow_partial,
                  "Merge the shards given even when some are missing or were interrupted");
  merge->add_flag("--quiet", merge_args.quiet, "No report on the terminal");

  stacksim::cli::AnalyzeArgs analyze_args;
  CLI::App* analyze = app.add_subcommand(
      "analyze", "Product-form (Jackson/MVA) solution beside the simulation, and the departures");
  add_scenario_options(*analyze, analyze_args.scenario);
  analyze->add_option("--replications", analyze_args.replications, "Independent replications")
      ->check(stacksim::cli::at_least_one());
  analyze
      ->add_option("--threads", analyze_args.threads, "Worker threads; results do not depend on it")
      ->check(stacksim::cli::at_least_one());
  analyze->add_option("--json", analyze_args.json_path,
                      "Write the JSON report to FILE (- = stdout)");
  analyze->add_option("--html", analyze_args.html_path,
                      "Write the HTML report (theory beside simulation) to FILE (- = stdout)");
  analyze->add_flag("--no-simulate", analyze_args.no_simulate,
                    "Theory only: do not run the simulation");
  analyze->add_flag("--wide", analyze_args.wide,
                    "Print the full tables, however wide (by default the text fits 80 columns)");

  stacksim::cli::CompareArgs compare_args;
  CLI::App* compare = app.add_subcommand(
      "compare", "Runs side by side: scenario files (run alike) or saved run --json reports");
  compare->add_option("inputs", compare_args.inputs, "Scenario files or saved run reports")
      ->required();
  add_scenario_overrides(*compare, compare_args.scenario);
  compare->add_option("--replications", compare_args.replications, "Replications per scenario")
      ->check(stacksim::cli::at_least_one());
  compare->add_option("--threads", compare_args.threads, "Worker threads")
      ->check(stacksim::cli::at_least_one());
  compare->add_option("--labels", compare_args.labels, "One label per input: a,b,...");
  compare->add_option("--json", compare_args.json_path,
                      "Write the comparison as JSON to FILE (- = stdout)");
  compare->add_option("--html", compare_args.html_path,
                      "Write the comparison as HTML to FILE (- = stdout)");
  compare->add_flag("--quiet", compare_args.quiet, "No table on the terminal");
  compare->add_flag("--wide", compare_args.wide,
                    "Print the full tables, however wide (by default the text fits 80 columns)");
  stacksim::cli::WhatIfArgs whatif_args;
  CLI::App* whatif = app.add_subcommand(
      "whatif", "Fail each host, component instance and the DNS in turn; measure what it costs");
  add_scenario_options(*whatif, whatif_args.scenario);
  whatif->add_option("--window", whatif_args.window, "How long each target is down (10m)");
  whatif->add_option("--at", whatif_args.at,
                     "When it fails, from the simulation's start (default: end of the warm-up)");
  whatif
      ->add_option("--threads", whatif_args.threads, "Worker threads; results do not depend on it")
      ->check(stacksim::cli::at_least_one());
  whatif->add_option("--json", whatif_args.json_path, "Write the JSON report to FILE (- = stdout)");
  whatif->add_option(
      "--html", whatif_args.html_path,
      "Write the HTML report (cost beside the graph's verdict) to FILE (- = stdout)");
  whatif->add_flag("--quiet", whatif_args.quiet, "No table on the terminal");
  whatif->add_flag("--wide", whatif_args.wide,
                   "Print the full tables, however wide (by default the text fits 80 columns)");
  stacksim::cli::LabArgs lab_args;
  CLI::App* lab = app.add_subcommand("lab", "Teaching labs that grade themselves");
  lab->require_subcommand(1);
  CLI::App* lab_list = lab->add_subcommand("list", "One lab per line: its id, then its title");
  CLI::App* lab_show = lab->add_subcommand("show", "Print a lab's hand-out");
  lab_show->add_option("id", lab_args.id, "Lab id (see lab list)")->required();
  CLI::App* lab_init = lab->add_subcommand(
      "init", "Copy a lab's start.json, its schema and the hand-out into a folder");
  lab_init->add_option("id", lab_args.id, "Lab id")->required();
  lab_init->add_option("dir", lab_args.path, "The student's folder")->required();
  CLI::App* lab_check = lab->add_subcommand(
      "check", "Grade a scenario against a lab's goals; exit 0 when every goal is met, 1 if not");
  lab_check->add_option("id", lab_args.id, "Lab id")->required();
  lab_check->add_option("scenario", lab_args.path, "The student's scenario")->required();
  lab_check->add_option("--json", lab_args.json_path,
                        "Write Gradescope's results JSON to FILE (- = stdout)");
  lab_check
      ->add_option("--threads", lab_args.threads, "Worker threads; results do not depend on it")
      ->check(stacksim::cli::at_least_one());
  lab_check->add_flag("--quiet", lab_args.quiet, "No progress or report on the terminal");
  CLI::App* lab_grade = lab->add_subcommand(
      "grade", "Grade every scenario in a folder of submissions, each in a limited child process");
  lab_grade->add_option("id", lab_args.id, "Lab id")->required();
  lab_grade->add_option("dir", lab_args.path, "The submissions folder")->required();
  lab_grade->add_option("--csv", lab_args.csv_path, "Write one row per submission to FILE");
  lab_grade->add_option("--jobs", lab_args.jobs, "Submissions graded at once (default: cores)")
      ->check(stacksim::cli::at_least_one());
  lab_grade
      ->add_option("--cpu-limit", lab_args.limits.cpu_seconds,
                   "CPU seconds per submission (default 120)")
      ->check(stacksim::cli::at_least_one());
  lab_grade->add_flag("--quiet", lab_args.quiet, "No table on the terminal");

  bool report_schema = false;
  CLI::App* schema =
      app.add_subcommand("schema", "Print the JSON Schema of scenario files (or of the report)");
  schema->add_flag("--report", report_schema, "The schema of the run report (run --json)");

  // For the bash completion: the JSON pointers of a scenario file. Hidden from help.
  std::string pointers_file;
  CLI::App* pointers = app.add_subcommand("__pointers", "")->group("");
  pointers->add_option("file", pointers_file)->required();

  stacksim::cli::add_examples_and_exit_codes(app);

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
    if (analyze->parsed()) return stacksim::cli::analyze_command(analyze_args);
    if (graph->parsed()) return stacksim::cli::graph_command(graph_args);
    if (sweep->parsed()) return stacksim::cli::sweep_command(sweep_args);
    if (compare->parsed()) return stacksim::cli::compare_command(compare_args);
    if (merge->parsed()) return stacksim::cli::merge_command(merge_args);
    if (whatif->parsed()) return stacksim::cli::whatif_command(whatif_args);
    if (lab_list->parsed()) return stacksim::cli::lab_list_command();
    if (lab_show->parsed()) return stacksim::cli::lab_show_command(lab_args);
    if (lab_init->parsed()) return stacksim::cli::lab_init_command(lab_args);
    if (lab_check->parsed()) return stacksim::cli::lab_check_command(lab_args);
    if (lab_grade->parsed()) return stacksim::cli::lab_grade_command(lab_args);
    if (schema->parsed()) return stacksim::cli::schema_command(report_schema);
    if (pointers->parsed()) return stacksim::cli::pointers_command(pointers_file);
  } catch (const std::exception& e) {
    std::cerr << "stacksim: internal error: " << e.what() << '\n';
    return stacksim::cli::kExitSoftware;
  }
  return stacksim::cli::kExitSoftware;
}
