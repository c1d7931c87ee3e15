// Engine micro-benchmarks. The hold model is the classic event-set benchmark: N events are
// always pending; each one, when it runs, schedules its successor at now + an exponential
// delay, so the queue holds steady at N and every event costs one pop, one push and one draw.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "sim/distribution.h"
#include "sim/event_queue.h"
#include "sim/log_histogram.h"
#include "sim/random_stream.h"
#include "sim/simulation.h"

namespace stacksim::sim {
namespace {

constexpr Time kMeanDelayNs = 1'000'000;  // 1 ms between an event and its successor

class HoldModel final : public EventHandler {
 public:
  HoldModel(Simulation& sim, int n) : sim_(sim), rng_(1, 0, "bench/hold") {
    for (int i = 0; i < n; ++i) {
      sim_.schedule_in(delay_.sample(rng_), this, 0, static_cast<std::uint32_t>(i));
    }
  }
  void handle(std::uint32_t type, std::uint32_t arg) override {
    sim_.schedule_in(delay_.sample(rng_), this, type, arg);
  }

 private:
  Simulation& sim_;
  RandomStream rng_;
  Distribution delay_ = Distribution::exponential(kMeanDelayNs);
};

// Full engine: Simulation::run_until dispatching virtual handlers that draw and reschedule.
void BM_HoldModel(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  Simulation sim;
  HoldModel model(sim, n);
  // N events renew every 1 ms on average: N * 1000 events per simulated second. Each timed
  // slice covers about 100k events; the warm-up (10 mean delays) settles the queue's shape.
  const Time slice = 100'000 * kMeanDelayNs / n;
  sim.run_until(10 * kMeanDelayNs);
  const std::uint64_t start_events = sim.events_processed();
  for (auto _ : state) sim.run_until(sim.now() + slice);
  const auto events = static_cast<std::int64_t>(sim.events_processed() - start_events);
  state.SetItemsProcessed(events);
  state.counters["pending"] = static_cast<double>(sim.pending());
}
BENCHMARK(BM_HoldModel)->Arg(16)->Arg(1 << 10)->Arg(1 << 16)->Unit(benchmark::kMillisecond);

// The queue alone, as the event loop drives it: take the earliest event, push its successor
// (which takes the taken event's place), settle; delays are precomputed so the random stream is
// not measured. 64 is about the day scenario's number of pending events.
void BM_EventQueueHold(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  std::vector<Time> delays(4096);
  RandomStream rng(2, 0, "bench/queue");
  const Distribution d = Distribution::exponential(kMeanDelayNs);
  for (Time& t : delays) t = d.sample(rng);
  EventQueue q;
  q.reserve(n + 1);
  std::uint64_t seq = 0;
  for (std::size_t i = 0; i < n; ++i) {
    q.push(Event{delays[i % delays.size()], seq++, nullptr, 0, 0});
  }
  std::size_t k = 0;
  for (auto _ : state) {
    const Event e = q.take();
    q.push(Event{e.time + delays[k++ & 4095], seq++, nullptr, 0, 0});
    q.settle();
  }
  benchmark::DoNotOptimize(q.top());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EventQueueHold)->Arg(16)->Arg(64)->Arg(1 << 10)->Arg(1 << 16);

// Fill an empty queue with N events, then drain it: one item is one push plus one pop.
void BM_EventQueueFillDrain(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  std::vector<Time> times(n);
  RandomStream rng(3, 0, "bench/fill");
  for (Time& t : times) t = static_cast<Time>(rng.below(1'000'000'000));
  EventQueue q;
  q.reserve(n);
  for (auto _ : state) {
    std::uint64_t seq = 0;
    for (const Time t : times) q.push(Event{t, seq++, nullptr, 0, 0});
    while (!q.empty()) benchmark::DoNotOptimize(q.pop());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}
BENCHMARK(BM_EventQueueFillDrain)->Arg(1 << 10)->Arg(1 << 16);

void BM_RandomStreamNextU64(benchmark::State& state) {
  RandomStream rng(4, 0, "bench/u64");
  for (auto _ : state) benchmark::DoNotOptimize(rng.next_u64());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RandomStreamNextU64);

void BM_RandomStreamUniform01(benchmark::State& state) {
  RandomStream rng(5, 0, "bench/uniform");
  for (auto _ : state) benchmark::DoNotOptimize(rng.uniform01());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RandomStreamUniform01);

void BM_ExponentialSample(benchmark::State& state) {
  RandomStream rng(6, 0, "bench/exponential");
  const Distribution d = Distribution::exponential(kMeanDelayNs);
  for (auto _ : state) benchmark::DoNotOptimize(d.sample(rng));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ExponentialSample);

void BM_LognormalSample(benchmark::State& state) {
  RandomStream rng(7, 0, "bench/lognormal");
  const Distribution d = Distribution::lognormal(kMeanDelayNs, 1.0);
  for (auto _ : state) benchmark::DoNotOptimize(d.sample(rng));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_LognormalSample);

// Values precomputed (lognormal latencies around 10 ms) so only record() is measured.
void BM_LogHistogramRecord(benchmark::State& state) {
  std::vector<Time> values(4096);
  RandomStream rng(8, 0, "bench/histogram");
  const Distribution d = Distribution::lognormal(10 * kMeanDelayNs, 1.5);
  for (Time& t : values) t = d.sample(rng);
  LogHistogram h;
  std::size_t k = 0;
  for (auto _ : state) h.record(values[k++ & 4095]);
  benchmark::DoNotOptimize(h.count());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_LogHistogramRecord);

}  // namespace
}  // namespace stacksim::sim

BENCHMARK_MAIN();
