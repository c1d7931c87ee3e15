// libFuzzer target: a scenario text through the loader and, when it is valid, a short capped
// simulation of it and its text and JSON reports. Built with -DSTACKSIM_FUZZ=ON (clang);
// scripts/fuzz.sh runs it. Any crash, sanitizer report, uncaught exception or hang is a bug:
// the loader must turn every input into diagnostics, and a valid scenario must simulate.
#include <stdlib.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "models/stack_model.h"
#include "reports/json_report.h"
#include "reports/text_summary.h"
#include "scenario/loader.h"
#include "scenario/run_size.h"
#include "sim/simulation.h"

namespace {

using namespace stacksim;

// Simulated time and engine events one input may use, so that an input runs in milliseconds.
constexpr sim::Time kMaxSimulated = sim::kNanosPerSecond / 5;
constexpr std::uint64_t kMaxEvents = 200'000;
constexpr double kMaxArrivals = 20'000;
constexpr int kSteps = 1000;

// An empty directory as the scenarios' folder: a trace file name finds nothing to read.
const std::filesystem::path& empty_directory() {
  static const std::filesystem::path path = [] {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "stacksim-fuzz-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) abort();
    return std::filesystem::path(pattern);
  }();
  return path;
}

void simulate_briefly(models::ScenarioSpec spec) {
  spec.warmup_ns = std::min(spec.warmup_ns, kMaxSimulated / 2);
  spec.duration_ns = std::min(spec.duration_ns, kMaxSimulated / 2);
  if (scenario::estimated_arrivals(spec) > kMaxArrivals) return;
  // Big populations are valid but cost milliseconds to set up on every input.
  if (spec.workload.users > 1000 || spec.workload.clients > 10'000) return;
  sim::Simulation simulation;
  auto model = std::make_unique<models::StackModel>(spec, simulation, 0);
  model->start();
  const sim::Time end = spec.warmup_ns + spec.duration_ns;
  for (int step = 1; step <= kSteps && simulation.events_processed() < kMaxEvents; ++step) {
    if (simulation.run_until(end / kSteps * step) == sim::RunOutcome::kStopped) break;
  }
  const std::vector<models::RunResult> results = {model->finish(false)};
  reports::ReportContext context;
  context.scenario_name = spec.name;
  context.duration_s = sim::to_seconds(spec.duration_ns);
  context.slo = spec.slo;
  (void)reports::text_summary(context, results);
  (void)reports::json_report(context, results).dump();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const scenario::LoadResult loaded =
      scenario::load_scenario_text(text, "fuzz.json", {}, empty_directory());
  for (const auto& diagnostic : loaded.errors) (void)diagnostic.to_string();
  if (loaded.status == scenario::LoadStatus::kOk) simulate_briefly(*loaded.spec);
  return 0;
}
