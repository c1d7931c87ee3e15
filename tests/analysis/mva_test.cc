#include "analysis/mva.h"

#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <vector>

namespace stacksim::analysis {
namespace {

ClosedStation queue(const std::string& name, double demand_s, int servers = 1) {
  return {name, demand_s, StationKind::kQueue, servers};
}

ClosedStation delay(const std::string& name, double demand_s) {
  return {name, demand_s, StationKind::kDelay, 1};
}

TEST(MvaTest, SingleStationWithThinkTime) {
  const auto points = solve_mva({{queue("cpu", 0.04)}, 1.0}, 20);
  ASSERT_TRUE(points.ok()) << points.error();
  ASSERT_EQ(points->size(), 20u);
  const MvaPoint& one = points->front();
  EXPECT_EQ(one.users, 1);
  EXPECT_DOUBLE_EQ(one.response_s, 0.04);
  EXPECT_DOUBLE_EQ(one.throughput_per_s, 1.0 / 1.04);
  const MvaPoint& last = points->back();
  EXPECT_EQ(last.users, 20);
  EXPECT_NEAR(last.throughput_per_s, 18.00274622, 1e-8);
  EXPECT_NEAR(last.response_s, 0.11094162, 1e-8);
  EXPECT_NEAR(last.utilization[0], 18.00274622 * 0.04, 1e-8);
  EXPECT_NEAR(last.queue_length[0], last.throughput_per_s * last.response_s, 1e-12);
}

// Lazowska, Zahorjan, Graham & Sevcik, "Quantitative System Performance" (1984), chapter 6,
// p. 117: a timesharing system of a CPU (121 visits x 5 ms = 0.605 s) and two disks (70 x 30 ms =
// 2.1 s, 50 x 27 ms = 1.35 s), 3 terminals thinking 15 s. The queue lengths with 3 users, to four
// decimals, as the LQN solver's libmva regression test0 (which cites this page) expects them.
TEST(MvaTest, LazowskaTimesharingExample) {
  const ClosedNetwork network{
      {queue("cpu", 121 * 0.005), queue("disk1", 70 * 0.030), queue("disk2", 50 * 0.027)}, 15.0};
  const auto points = solve_mva(network, 3);
  ASSERT_TRUE(points.ok()) << points.error();
  const MvaPoint& p = points->back();
  EXPECT_NEAR(p.queue_length[0], 0.0976, 5e-5);
  EXPECT_NEAR(p.queue_length[1], 0.3947, 5e-5);
  EXPECT_NEAR(p.queue_length[2], 0.2350, 5e-5);
  // The laws hold exactly: N = X (R + Z), U = X D, Q = X R_k. With the book's queue lengths they
  // give X = (3 - 0.7273) / 15 = 0.1515 requests/s and R = 0.7273 / X = 4.80 s.
  EXPECT_NEAR(3.0, p.throughput_per_s * (p.response_s + 15.0), 1e-12);
  EXPECT_NEAR(p.utilization[1], p.throughput_per_s * 2.1, 1e-15);
  EXPECT_NEAR(p.throughput_per_s, 0.1515, 5e-5);
  EXPECT_NEAR(p.response_s, 4.80, 5e-3);
}

TEST(MvaTest, DelayStationAddsToTheThinkTime) {
  const auto with_delay = solve_mva({{queue("cpu", 0.05), delay("wan", 0.5)}, 1.0}, 30);
  const auto plain = solve_mva({{queue("cpu", 0.05)}, 1.5}, 30);
  ASSERT_TRUE(with_delay.ok() && plain.ok());
  for (int n = 0; n < 30; ++n) {
    const MvaPoint& a = (*with_delay)[n];
    const MvaPoint& b = (*plain)[n];
    EXPECT_NEAR(a.throughput_per_s, b.throughput_per_s, 1e-12) << n;
    EXPECT_NEAR(a.response_s, b.response_s + 0.5, 1e-12) << n;
    EXPECT_DOUBLE_EQ(a.residence_s[1], 0.5);
    EXPECT_NEAR(a.utilization[1], a.throughput_per_s * 0.5, 1e-15);  // mean requests there
  }
}

TEST(MvaTest, OneServerEqualsTheSingleServerRecursion) {
  const auto points = solve_mva({{queue("cpu", 0.04, 1), queue("db", 0.03)}, 0.5}, 40);
  ASSERT_TRUE(points.ok());
  const ClosedNetwork two_servers_of_one{{queue("cpu", 0.04, 2), queue("db", 0.03)}, 0.5};
  const auto other = solve_mva(two_servers_of_one, 40);
  ASSERT_TRUE(other.ok());
  // Sanity: a second server helps.
  EXPECT_GT(other->back().throughput_per_s, points->back().throughput_per_s);
  // The hand recursion for one server: R = D (1 + Q(n-1)).
  double q_cpu = 0.0, q_db = 0.0;
  for (int n = 1; n <= 40; ++n) {
    const double r_cpu = 0.04 * (1 + q_cpu), r_db = 0.03 * (1 + q_db);
    const double x = n / (0.5 + r_cpu + r_db);
    q_cpu = x * r_cpu;
    q_db = x * r_db;
    EXPECT_NEAR((*points)[n - 1].throughput_per_s, x, 1e-12);
  }
}

TEST(MvaTest, AsManyServersAsUsersIsADelay) {
  const auto servers = solve_mva({{queue("pool", 0.2, 8), queue("db", 0.05)}, 1.0}, 8);
  const auto infinite = solve_mva({{delay("pool", 0.2), queue("db", 0.05)}, 1.0}, 8);
  ASSERT_TRUE(servers.ok() && infinite.ok());
  for (int n = 0; n < 8; ++n) {
    EXPECT_NEAR((*servers)[n].throughput_per_s, (*infinite)[n].throughput_per_s, 1e-12) << n;
    EXPECT_NEAR((*servers)[n].residence_s[0], 0.2, 1e-12) << n;
  }
}

// The brute-force reference: the CTMC of the same network with the stations in a cycle (think ->
// station 0 -> station 1 -> ... -> think), each visited once with exponential service of mean
// D_k, solved with Eigen. Returns the throughput and the mean queue length of each station.
struct CtmcResult {
  double throughput_per_s = 0.0;
  std::vector<double> queue_length;
};

CtmcResult solve_by_ctmc(const ClosedNetwork& network, int users) {
  // Place 0 is the think state, place k + 1 station k.
  const int places = static_cast<int>(network.stations.size()) + 1;
  std::vector<std::vector<int>> states;
  std::vector<int> counts(places, 0);
  std::function<void(int, int)> enumerate = [&](int place, int left) {
    if (place == places - 1) {
      counts[place] = left;
      states.push_back(counts);
      return;
    }
    for (int j = 0; j <= left; ++j) {
      counts[place] = j;
      enumerate(place + 1, left - j);
    }
  };
  enumerate(0, users);
  const auto index_of = [&](const std::vector<int>& state) {
    return static_cast<int>(std::find(states.begin(), states.end(), state) - states.begin());
  };
  const auto completion_rate = [&](int place, int j) {
    if (j == 0) return 0.0;
    if (place == 0) return j / network.think_time_s;
    const ClosedStation& station = network.stations[place - 1];
    const int busy = station.kind == StationKind::kDelay ? j : std::min(j, station.servers);
    return busy / station.demand_s;
  };
  const int size = static_cast<int>(states.size());
  Eigen::MatrixXd a = Eigen::MatrixXd::Zero(size, size);  // the generator, transposed
  for (int s = 0; s < size; ++s) {
    for (int place = 0; place < places; ++place) {
      const double rate = completion_rate(place, states[s][place]);
      if (rate == 0.0) continue;
      std::vector<int> next = states[s];
      --next[place];
      ++next[(place + 1) % places];
      a(index_of(next), s) += rate;
      a(s, s) -= rate;
    }
  }
  a.row(size - 1).setOnes();
  Eigen::VectorXd b = Eigen::VectorXd::Zero(size);
  b(size - 1) = 1.0;
  const Eigen::VectorXd pi = a.fullPivLu().solve(b);

  CtmcResult result;
  result.queue_length.assign(places - 1, 0.0);
  for (int s = 0; s < size; ++s) {
    result.throughput_per_s += pi(s) * completion_rate(0, states[s][0]);
    for (int k = 1; k < places; ++k) result.queue_length[k - 1] += pi(s) * states[s][k];
  }
  return result;
}

TEST(MvaTest, MultiServerStationsMatchTheBruteForceChain) {
  const ClosedNetwork network{
      {queue("app", 0.3, 3), queue("db", 0.1), delay("wan", 0.2), queue("disk", 0.15, 2)}, 2.0};
  constexpr int kUsers = 9;
  const auto points = solve_mva(network, kUsers);
  ASSERT_TRUE(points.ok()) << points.error();
  for (int n = 1; n <= kUsers; ++n) {
    SCOPED_TRACE(n);
    const CtmcResult chain = solve_by_ctmc(network, n);
    const MvaPoint& p = (*points)[n - 1];
    EXPECT_NEAR(p.throughput_per_s, chain.throughput_per_s, 1e-10);
    for (std::size_t k = 0; k < network.stations.size(); ++k) {
      EXPECT_NEAR(p.queue_length[k], chain.queue_length[k], 1e-10) << k;
    }
  }
  EXPECT_NEAR((*points)[kUsers - 1].utilization[0],
              (*points)[kUsers - 1].throughput_per_s * 0.3 / 3, 1e-15);
}

// Far into saturation, where the marginal probabilities of the load-dependent recursion are prone
// to cancellation, against the normalizing constants of the product form (Buzen's convolution)
// in long double: X(N) = G(N - 1) / G(N), P(j at station k) = f_k(j) G_-k(N - j) / G(N).
TEST(MvaTest, MultiServerStationStaysExactDeepInSaturation) {
  const ClosedNetwork network{{queue("app", 1.0, 4), queue("db", 0.2)}, 5.0};
  constexpr int kUsers = 200;
  // f(j) for think (Z^j / j!), app (D^j / prod min(i, 4)) and db (D^j).
  const auto factors = [&](int place) {
    std::vector<long double> f(kUsers + 1, 1.0L);
    for (int j = 1; j <= kUsers; ++j) {
      if (place == 0) f[j] = f[j - 1] * 5.0L / j;
      if (place == 1) f[j] = f[j - 1] * 1.0L / std::min(j, 4);
      if (place == 2) f[j] = f[j - 1] * 0.2L;
    }
    return f;
  };
  const auto convolve = [&](const std::vector<long double>& g, const std::vector<long double>& f) {
    std::vector<long double> out(kUsers + 1, 0.0L);
    for (int n = 0; n <= kUsers; ++n) {
      for (int j = 0; j <= n; ++j) out[n] += f[j] * g[n - j];
    }
    return out;
  };
  const std::vector<long double> think = factors(0), app = factors(1), db = factors(2);
  const std::vector<long double> without_app = convolve(think, db);
  const std::vector<long double> all = convolve(without_app, app);
  const std::vector<long double> without_db = convolve(think, app);

  const auto points = solve_mva(network, kUsers);
  ASSERT_TRUE(points.ok()) << points.error();
  for (const int n : {10, 20, 50, 100, 200}) {
    SCOPED_TRACE(n);
    const MvaPoint& p = (*points)[n - 1];
    const double x = static_cast<double>(all[n - 1] / all[n]);
    long double q_app = 0.0L, q_db = 0.0L;
    for (int j = 1; j <= n; ++j) {
      q_app += j * app[j] * without_app[n - j] / all[n];
      q_db += j * db[j] * without_db[n - j] / all[n];
    }
    EXPECT_NEAR(p.throughput_per_s, x, 1e-9 * x);
    EXPECT_NEAR(p.queue_length[0], static_cast<double>(q_app), 1e-9 * n);
    EXPECT_NEAR(p.queue_length[1], static_cast<double>(q_db), 1e-9 * n);
  }
  EXPECT_NEAR(points->back().utilization[0], 1.0, 1e-9);  // four busy servers
}

TEST(MvaTest, NoUsersGivesNoPoints) {
  const auto points = solve_mva({{queue("cpu", 0.1)}, 1.0}, 0);
  ASSERT_TRUE(points.ok());
  EXPECT_TRUE(points->empty());
}

void expect_error(const ClosedNetwork& network, int users, const std::string& fragment) {
  const auto points = solve_mva(network, users);
  ASSERT_FALSE(points.ok()) << "expected an error mentioning " << fragment;
  EXPECT_NE(points.error().find(fragment), std::string::npos) << points.error();
}

TEST(MvaTest, RejectsInvalidNetworks) {
  const ClosedStation cpu = queue("cpu", 0.1);
  expect_error({{cpu}, 1.0}, -1, "number of users must be non-negative (got -1)");
  expect_error({{}, 1.0}, 5, "at least one station");
  expect_error({{cpu}, -1.0}, 5, "think_time_s must be non-negative and finite");
  expect_error({{cpu}, std::numeric_limits<double>::infinity()}, 5, "think_time_s");
  expect_error({{cpu, queue("db", -0.5)}, 1.0}, 5,
               "stations[1] (db) demand_s must be non-negative and finite (got -0.5)");
  expect_error({{queue("db", 0.1, 0)}, 1.0}, 5, "stations[0] (db) must have at least one server");
  expect_error({{queue("db", 0.0)}, 0.0}, 5, "all zero");
}

}  // namespace
}  // namespace stacksim::analysis
