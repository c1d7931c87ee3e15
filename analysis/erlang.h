#pragma once

#include <cstdint>

namespace stacksim::analysis {

// Erlang's formulas for c identical servers offered a = lambda x mean service time erlangs of
// Poisson traffic. Each costs O(c) through the recursion B(k) = a B(k-1) / (k + a B(k-1)), which
// neither overflows nor loses precision (c = 10000 and more is fine). Arguments out of their
// domain give NaN.

// Erlang B: the probability that an arrival finds all c servers busy and is lost (M/M/c/c), for
// c >= 0 and a >= 0 finite.
[[nodiscard]] double erlang_b(int c, double a);

// Erlang C: the probability that an arrival must wait (M/M/c), for c >= 1 and a >= 0 finite;
// 1 when a >= c, where the queue grows without bound.
[[nodiscard]] double erlang_c(int c, double a);

// The mean response time (wait plus service) of M/M/c with arrival rate lambda_per_s and mean
// service time service_s; +inf when lambda_per_s x service_s >= c (unstable).
[[nodiscard]] double mmc_response_s(int c, double lambda_per_s, double service_s);

// The probability that an arrival is turned away at M/M/c/K with K = c + room places in all
// (room of them for waiting), for c >= 1, room >= 0 and a >= 0 finite; Erlang B when room is 0.
// Any load is stable: a may exceed c. O(room) from Erlang B: the states beyond c add
// B rho^j each (rho = a / c), scaled so that nothing overflows.
[[nodiscard]] double mmck_blocking(int c, std::int64_t room, double a);

}  // namespace stacksim::analysis
