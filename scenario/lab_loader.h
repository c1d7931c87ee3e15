#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "models/lab_spec.h"
#include "scenario/loader.h"

namespace stacksim::scenario {

// A request class the lab fixes: its weight, and the components its path must pass through in
// that order (the student may add others, a load balancer in front, but not skip these).
struct LabClassRule {
  std::string name;
  double weight = 1.0;
  std::vector<std::string> needs;
};

// What a lab imposes on every submission, whatever the student wrote there: the seed, run
// length, workload and faults are the lab's; the student owns the infrastructure (hosts,
// components, their settings, the paths' topology).
struct LabConditions {
  std::vector<Override> overrides;  // seed, duration, warmup, then `set`, in file order
  std::string faults_json = "[]";   // the lab's faults (JSON array text)
  std::string faults_on_every_host_json = "[]";  // faults given to each host, "target" added
  std::vector<LabClassRule> mix;                 // empty = the student's mix is kept
  // Pointers whose value the student's file keeps over the lab's (e.g. a deploy's
  // /faults/0/mode): applied last, from the same pointer of the student's file when present.
  std::vector<std::string> student_may_set;
};

struct LabDefinition {
  models::LabSpec spec;
  LabConditions conditions;
};

struct LabLoadResult {
  LoadStatus status = LoadStatus::kOk;
  std::optional<LabDefinition> lab;  // set only when status == kOk
  std::vector<Diagnostic> errors;
};

// Reads a lab.json (JSON with comments): {"id", "title", "replications", "conditions": {"seed",
// "duration", "warmup", "set": {pointer: value}, "faults": [...], "faults_on_every_host":
// [...], "mix": [{"name", "weight", "needs"}], "student_may_set": [pointer, ...]}, "prices": {...},
// "goals": [{"name", "metric", "class", "max" | "min", "points", "hint"}]}. Problems carry the lab
// file and JSON pointer.
[[nodiscard]] LabLoadResult load_lab_file(const std::string& path);

// Loads a student's scenario with the lab's conditions imposed (overrides, then the faults,
// then the mix weights, then what the student may set). A lab fault whose target is
// "primary of C" hits the host of component C's primary (its "primary", or its only "host"). Beyond
// the scenario's own diagnostics it reports, at the student's file and pointer: a class the lab
// does not know or misses, a path that skips a component the lab requires, and an arrival trace
// outside the scenario's own folder.
[[nodiscard]] LoadResult load_lab_submission(const std::string& path, const LabDefinition& lab);

}  // namespace stacksim::scenario
