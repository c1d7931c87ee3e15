// The yardstick for engine overhead: the smallest correct M/M/1 simulation one would write by
// hand with the standard library (a binary heap of (time, kind) events, mt19937_64 and
// std::exponential_distribution, double seconds as the clock). No statistics beyond the mean
// response time, no warm-up, no generality.
//
//   minimal_mm1_loop RATE MEAN_SERVICE_S SIM_SECONDS [SEED]
//
// prints one line:
//   events=<n> seconds=<wall> events_per_s=<x> mean_response_s=<r> completed=<c>
// For a stable queue (RATE * MEAN_SERVICE_S < 1) the mean response tends to
// 1 / (1 / MEAN_SERVICE_S - RATE).

#include <chrono>
#include <cinttypes>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <queue>
#include <random>
#include <vector>

namespace {

enum class Kind { kArrival, kDeparture };

struct Event {
  double time;
  Kind kind;
};

struct Later {
  bool operator()(const Event& a, const Event& b) const { return a.time > b.time; }
};

bool parse_positive(const char* text, double& out) {
  char* end = nullptr;
  out = std::strtod(text, &end);
  return end != text && *end == '\0' && std::isfinite(out) && out > 0.0;
}

}  // namespace

int main(int argc, char** argv) {
  double rate = 0;
  double mean_service_s = 0;
  double sim_seconds = 0;
  if ((argc != 4 && argc != 5) || !parse_positive(argv[1], rate) ||
      !parse_positive(argv[2], mean_service_s) || !parse_positive(argv[3], sim_seconds)) {
    std::fprintf(stderr, "usage: %s RATE MEAN_SERVICE_S SIM_SECONDS [SEED]  (all > 0)\n", argv[0]);
    return 64;
  }
  const std::uint64_t seed = argc == 5 ? std::strtoull(argv[4], nullptr, 10) : 1;

  std::mt19937_64 rng(seed);
  std::exponential_distribution<double> interarrival(rate);
  std::exponential_distribution<double> service(1.0 / mean_service_s);
  std::vector<Event> storage;
  storage.reserve(16);
  std::priority_queue<Event, std::vector<Event>, Later> events(Later{}, std::move(storage));
  std::deque<double> arrival_times;  // requests in the system, FIFO; the front is in service

  std::uint64_t processed = 0;
  std::uint64_t completed = 0;
  double response_sum = 0.0;

  const auto wall_start = std::chrono::steady_clock::now();
  events.push({interarrival(rng), Kind::kArrival});
  while (!events.empty() && events.top().time <= sim_seconds) {
    const Event e = events.top();
    events.pop();
    ++processed;
    if (e.kind == Kind::kArrival) {
      arrival_times.push_back(e.time);
      if (arrival_times.size() == 1) events.push({e.time + service(rng), Kind::kDeparture});
      events.push({e.time + interarrival(rng), Kind::kArrival});
    } else {
      response_sum += e.time - arrival_times.front();
      arrival_times.pop_front();
      ++completed;
      if (!arrival_times.empty()) events.push({e.time + service(rng), Kind::kDeparture});
    }
  }
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();

  std::printf("events=%" PRIu64
              " seconds=%.6f events_per_s=%.0f mean_response_s=%.6g completed=%" PRIu64 "\n",
              processed, wall, wall > 0 ? static_cast<double>(processed) / wall : 0.0,
              completed > 0 ? response_sum / static_cast<double>(completed) : 0.0, completed);
  return 0;
}
