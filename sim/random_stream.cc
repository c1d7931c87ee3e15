#include "sim/random_stream.h"

#include <cmath>

namespace stacksim::sim {

namespace {

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::uint64_t fnv1a64(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

__extension__ typedef unsigned __int128 Uint128;  // GCC and Clang; keeps -Wpedantic quiet

}  // namespace

RandomStream::RandomStream(std::uint64_t seed, std::uint64_t replication, std::string_view name) {
  std::uint64_t state = seed;
  std::uint64_t mixed = splitmix64(state);
  state = mixed ^ replication;
  mixed = splitmix64(state);
  state = mixed ^ fnv1a64(name);
  for (auto& word : s_) word = splitmix64(state);
}

std::uint64_t RandomStream::below(std::uint64_t n) {
  // Lemire's nearly divisionless method with rejection: exactly uniform.
  Uint128 m = static_cast<Uint128>(next_u64()) * n;
  auto low = static_cast<std::uint64_t>(m);
  if (low < n) {
    const std::uint64_t threshold = (0 - n) % n;
    while (low < threshold) {
      m = static_cast<Uint128>(next_u64()) * n;
      low = static_cast<std::uint64_t>(m);
    }
  }
  return static_cast<std::uint64_t>(m >> 64);
}

double RandomStream::standard_normal() {
  if (has_spare_normal_) {
    has_spare_normal_ = false;
    return spare_normal_;
  }
  double u, v, s;
  do {
    u = 2.0 * uniform01() - 1.0;
    v = 2.0 * uniform01() - 1.0;
    s = u * u + v * v;
  } while (s >= 1.0 || s == 0.0);
  const double factor = std::sqrt(-2.0 * std::log(s) / s);
  spare_normal_ = v * factor;
  has_spare_normal_ = true;
  return u * factor;
}

double RandomStream::exponential_outside_rectangles(std::uint64_t bits) {
  const ExponentialZiggurat& z = kExponentialZiggurat;
  for (;;) {
    const int i = static_cast<int>(bits & (ExponentialZiggurat::kLayers - 1));
    if (i == 0) return ExponentialZiggurat::kR - std::log(uniform01());  // memoryless tail
    const double x = static_cast<double>(bits >> 11) * 0x1.0p-53 * z.x[i];
    // x lies in [x[i + 1], x[i]): accept when a uniform height in the layer is under exp(-x).
    if (z.f[i] + (z.f[i + 1] - z.f[i]) * uniform01() < std::exp(-x)) return x;
    bits = next_u64();
    const double fast = z.fast(bits);
    if (fast >= 0.0) return fast;
  }
}

}  // namespace stacksim::sim
