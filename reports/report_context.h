#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "findings/availability_crosscheck.h"
#include "models/scenario_spec.h"

namespace stacksim::reports {

// Facts about a run that are not measurements: where the scenario came from and how it ran.
struct ReportContext {
  std::string tool_version;  // the stacksim version, e.g. "0.1.0"
  std::string scenario_name;
  std::string scenario_file;
  std::string scenario_sha256;  // hex digest of the scenario file's bytes
  std::uint64_t seed = 0;
  double duration_s = 0.0;
  double warmup_s = 0.0;
  int replications = 1;
  int threads = 1;
  double wall_seconds = 0.0;  // real time the simulation took (shown in the text summary only)
  // The scenario's service level objectives, checked by the reports; none when it sets none.
  std::optional<models::SloSpec> slo;
  // What the availability chain predicts for the scenario (predict_availability), compared with
  // the simulated availability; none when the scenario has no random faults.
  std::optional<findings::AvailabilityPrediction> availability_prediction;
};

}  // namespace stacksim::reports
