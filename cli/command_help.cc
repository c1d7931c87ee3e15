#include "cli/command_help.h"

#include <string>
#include <string_view>
#include <vector>

#include "cli/exit_codes.h"

namespace stacksim::cli {

namespace {

struct Example {
  std::string_view command_line;
  std::string_view what;
};

struct CommandHelp {
  std::string_view name;
  std::vector<Example> examples;
  std::vector<int> exit_codes;
  std::string_view special_exit;  // an exit code of this command alone, already phrased
};

std::string_view exit_meaning(int code) {
  switch (code) {
    case kExitOk:
      return "success";
    case kExitUsage:
      return "bad command line";
    case kExitDataError:
      return "invalid scenario";
    case kExitNoInput:
      return "an input file is missing or unreadable";
    case kExitSoftware:
      return "internal error";
    case kExitCantCreate:
      return "an output cannot be written";
    case kExitInterrupted:
      return "interrupted (SIGINT), after writing what was measured so far";
    default:
      return "";
  }
}

const std::vector<int> kSimulating = {kExitOk,       kExitUsage,      kExitDataError,  kExitNoInput,
                                      kExitSoftware, kExitCantCreate, kExitInterrupted};
const std::vector<int> kReading = {kExitOk,      kExitUsage,    kExitDataError,
                                   kExitNoInput, kExitSoftware, kExitCantCreate};

// Examples of the commands stacksim has; a command missing here still gets its exit codes.
const std::vector<CommandHelp>& command_help() {
  static const std::vector<CommandHelp> kHelp = {
      {"run",
       {{"stacksim run scenarios/single-server.json", "simulate and print the summary"},
        {"stacksim run scenarios/near-saturation.json --set /workload/arrivals/rate=400 "
         "--replications 5 --threads 2",
         "override a value, five replications with 95% intervals"},
        {"stacksim run scenarios/spof-host-failure.json --json report.json --csv series.csv",
         "write the JSON report and the time series"}},
       kSimulating,
       ""},
      {"validate",
       {{"stacksim validate scenarios/distributed.json", "print ok, or every problem at once"},
        {"stacksim validate my.json --set /components/app/workers=64",
         "check the scenario as an override leaves it"}},
       {kExitOk, kExitUsage, kExitDataError, kExitNoInput, kExitSoftware},
       ""},
      {"graph",
       {{"stacksim graph scenarios/single-server.json", "components, hosts and the SPOFs"},
        {"stacksim graph scenarios/distributed.json --dot - | dot -Tsvg > graph.svg",
         "draw the dependency graph with Graphviz"}},
       kReading,
       ""},
      {"sweep",
       {{"stacksim sweep scenarios/mm1.json --vary /workload/arrivals/rate=100:900:9",
         "nine arrival rates: the saturation point"},
        {"stacksim sweep scenarios/vertical-vs-horizontal.json --vary "
         "/hosts/server1/cores=2,4,8,16",
         "cores: a Universal Scalability Law fit"},
        {"stacksim sweep scenarios/mm1.json --vary /workload/arrivals/rate=100:900:9 --json "
         "sweep.json --csv sweep.csv",
         "write the points as JSON and CSV"},
        {"stacksim sweep scenarios/mm1.json --vary /workload/arrivals/rate=100:900:9 --shard 2/8 "
         "--json part-2.json",
         "run shard 2 of 8 (stacksim merge joins the parts)"}},
       kSimulating,
       ""},
      {"analyze",
       {{"stacksim analyze scenarios/single-server.json",
         "Jackson/MVA solution beside the simulation"},
        {"stacksim analyze scenarios/tandem.json --no-simulate", "theory only"}},
       kSimulating,
       ""},
      {"whatif",
       {{"stacksim whatif scenarios/distributed.json",
         "fail each host and component in turn, compare the damage"},
        {"stacksim whatif scenarios/single-server.json --window 5m --json whatif.json",
         "five-minute failures, as JSON"}},
       kSimulating,
       ""},
      {"compare",
       {{"stacksim compare scenarios/single-server.json scenarios/distributed.json",
         "the same workload on two designs"},
        {"stacksim compare before.json after.json --labels old,new --json diff.json",
         "two saved reports or scenarios, labelled"}},
       kSimulating,
       ""},
      {"lab",
       {{"stacksim lab list", "the labs: each one's id and title"},
        {"stacksim lab init spof mylab",
         "copy lab spof's start.json, its schema and hand-out into mylab/"},
        {"stacksim lab check spof mylab/start.json --json results.json",
         "grade a design (Gradescope's results too); exit 0 when every goal is met"},
        {"stacksim lab grade spof submissions/ --csv grades.csv",
         "grade a class's files, each in a limited child process"}},
       kSimulating,
       "1    a goal of the lab is not met (lab check)"},
      {"merge",
       {{"stacksim merge part-*.json --json report.json",
         "join the partial reports of --shard runs"},
        {"stacksim merge part-1.json part-3.json --allow-partial",
         "report what is there, and say what is missing"}},
       kReading,
       ""},
      {"schema",
       {{"stacksim schema > scenario.schema.json", "the JSON Schema of scenario files"},
        {"stacksim schema --report", "the JSON Schema of the run report"}},
       {kExitOk, kExitUsage, kExitCantCreate},
       ""},
  };
  return kHelp;
}

std::string exit_codes_text(const std::vector<int>& codes, std::string_view special) {
  std::string text = "EXIT CODES:\n";
  for (const int code : codes) {
    text += "  " + std::to_string(code) +
            std::string(code < 10    ? "    "
                        : code < 100 ? "   "
                                     : "  ");
    text += std::string(exit_meaning(code)) + "\n";
    if (code == kExitOk && !special.empty()) text += "  " + std::string(special) + "\n";
  }
  return text;
}

std::string footer_of(const CommandHelp& help) {
  std::string text;
  if (!help.examples.empty()) {
    text += "EXAMPLES:\n";
    for (const Example& e : help.examples) {
      text += "  " + std::string(e.command_line) + "\n      " + std::string(e.what) + "\n";
    }
    text += "\n";
  }
  return text + exit_codes_text(help.exit_codes, help.special_exit);
}

}  // namespace

void add_examples_and_exit_codes(CLI::App& app) {
  for (CLI::App* command : app.get_subcommands({})) {
    const std::string name = command->get_name();
    const CommandHelp* found = nullptr;
    for (const CommandHelp& help : command_help()) {
      if (help.name == name) found = &help;
    }
    command->footer(found != nullptr ? footer_of(*found) : exit_codes_text(kSimulating, ""));
  }
  bool has_lab = false;
  for (const CLI::App* command : app.get_subcommands({})) {
    has_lab = has_lab || command->get_name() == "lab";
  }
  app.footer(
      "Run 'stacksim COMMAND --help' for a command's options and examples.\n\n" +
      exit_codes_text(kSimulating, has_lab ? "1    a goal of the lab is not met (lab check)" : ""));
}

}  // namespace stacksim::cli
