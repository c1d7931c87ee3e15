#include "analysis/availability_ctmc.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "analysis/machine_repairman.h"

namespace stacksim::analysis {
namespace {

constexpr double kHour = 3600.0;

// A unit with the given mean time between failures and mean time to repair, in hours.
RepairableUnit unit(const std::string& name, double mtbf_h, double mttr_h) {
  return {name, 1.0 / (mtbf_h * kHour), 1.0 / (mttr_h * kHour)};
}

double steady_availability(const RepairableUnit& u) {
  return u.repair_rate_per_s / (u.repair_rate_per_s + u.failure_rate_per_s);
}

// P(at least one of the units is up), the units being independent.
double any_up(const std::vector<RepairableUnit>& units, const std::vector<int>& group) {
  double all_down = 1.0;
  for (const int i : group) all_down *= 1.0 - steady_availability(units[i]);
  return 1.0 - all_down;
}

AvailabilityModel one_class(std::vector<RepairableUnit> units,
                            std::vector<std::vector<int>> groups) {
  return {std::move(units), {ServiceClass{"all", 1.0, std::move(groups)}}};
}

TEST(AvailabilityCtmcTest, SingleUnitIsMtbfOverMtbfPlusMttr) {
  const auto solution = solve_availability(one_class({unit("db", 1000.0, 2.0)}, {{0}}));
  ASSERT_TRUE(solution.ok()) << solution.error();
  const double expected = 1000.0 / (1000.0 + 2.0);
  EXPECT_NEAR(solution->unit_availability[0], expected, 1e-12);
  EXPECT_NEAR(solution->class_availability[0], expected, 1e-12);
  EXPECT_NEAR(solution->weighted_availability, expected, 1e-12);
}

TEST(AvailabilityCtmcTest, TwoUnitsInSeriesMultiply) {
  const std::vector<RepairableUnit> units = {unit("web", 500.0, 1.0), unit("db", 2000.0, 4.0)};
  const auto solution = solve_availability(one_class(units, {{0}, {1}}));
  ASSERT_TRUE(solution.ok()) << solution.error();
  EXPECT_NEAR(solution->unit_availability[0], 500.0 / 501.0, 1e-12);
  EXPECT_NEAR(solution->unit_availability[1], 2000.0 / 2004.0, 1e-12);
  EXPECT_NEAR(solution->class_availability[0], 500.0 / 501.0 * 2000.0 / 2004.0, 1e-12);
}

TEST(AvailabilityCtmcTest, TwoUnitsInParallelFailOnlyTogether) {
  const std::vector<RepairableUnit> units = {unit("web1", 500.0, 1.0), unit("web2", 300.0, 3.0)};
  const auto solution = solve_availability(one_class(units, {{0, 1}}));
  ASSERT_TRUE(solution.ok()) << solution.error();
  const double a1 = 500.0 / 501.0;
  const double a2 = 300.0 / 303.0;
  EXPECT_NEAR(solution->class_availability[0], 1.0 - (1.0 - a1) * (1.0 - a2), 1e-12);
}

TEST(AvailabilityCtmcTest, AndOfOrsMatchesTheClosedForm) {
  // host AND dns AND (web1 OR web2) AND (db1 OR db2 OR db3)
  const std::vector<RepairableUnit> units = {unit("host", 5000.0, 8.0), unit("dns", 10000.0, 0.5),
                                             unit("web1", 400.0, 0.25), unit("web2", 400.0, 0.25),
                                             unit("db1", 800.0, 2.0),   unit("db2", 900.0, 3.0),
                                             unit("db3", 1000.0, 1.0)};
  const std::vector<std::vector<int>> groups = {{0}, {1}, {2, 3}, {4, 5, 6}};
  const auto solution = solve_availability(one_class(units, groups));
  ASSERT_TRUE(solution.ok()) << solution.error();
  double expected = 1.0;
  for (const auto& group : groups) expected *= any_up(units, group);
  EXPECT_NEAR(solution->class_availability[0], expected, 1e-12);
  for (std::size_t i = 0; i < units.size(); ++i) {
    EXPECT_NEAR(solution->unit_availability[i], steady_availability(units[i]), 1e-12) << i;
  }
}

TEST(AvailabilityCtmcTest, AUnitInSeveralGroupsIsCountedOnce) {
  // (a OR b) AND (b OR c): b being up satisfies both groups, so this is not a product over the
  // groups. Reference: the sum over all up/down combinations of independent units.
  const std::vector<RepairableUnit> units = {unit("a", 100.0, 5.0), unit("b", 200.0, 20.0),
                                             unit("c", 50.0, 10.0)};
  const auto solution = solve_availability(one_class(units, {{0, 1}, {1, 2}}));
  ASSERT_TRUE(solution.ok()) << solution.error();
  double expected = 0.0;
  for (int state = 0; state < 8; ++state) {
    const auto up = [state](int i) { return (state >> i & 1) != 0; };
    double p = 1.0;
    for (int i = 0; i < 3; ++i) {
      const double a = steady_availability(units[i]);
      p *= up(i) ? a : 1.0 - a;
    }
    if ((up(0) || up(1)) && (up(1) || up(2))) expected += p;
  }
  EXPECT_NEAR(solution->class_availability[0], expected, 1e-12);
}

TEST(AvailabilityCtmcTest, WeightedAvailabilityAveragesTheClasses) {
  const std::vector<RepairableUnit> units = {unit("web", 500.0, 1.0), unit("db", 100.0, 1.0)};
  const AvailabilityModel model{
      units, {ServiceClass{"static", 3.0, {{0}}}, ServiceClass{"dynamic", 1.0, {{0}, {1}}}}};
  const auto solution = solve_availability(model);
  ASSERT_TRUE(solution.ok()) << solution.error();
  const double web = 500.0 / 501.0;
  const double both = web * 100.0 / 101.0;
  EXPECT_NEAR(solution->class_availability[0], web, 1e-12);
  EXPECT_NEAR(solution->class_availability[1], both, 1e-12);
  EXPECT_NEAR(solution->weighted_availability, (3.0 * web + both) / 4.0, 1e-12);
}

TEST(AvailabilityCtmcTest, ZeroWeightClassIsSolvedButDoesNotCount) {
  const std::vector<RepairableUnit> units = {unit("web", 500.0, 1.0), unit("db", 100.0, 1.0)};
  const AvailabilityModel model{
      units, {ServiceClass{"static", 1.0, {{0}}}, ServiceClass{"batch", 0.0, {{1}}}}};
  const auto solution = solve_availability(model);
  ASSERT_TRUE(solution.ok()) << solution.error();
  EXPECT_NEAR(solution->class_availability[1], 100.0 / 101.0, 1e-12);
  EXPECT_NEAR(solution->weighted_availability, 500.0 / 501.0, 1e-12);
}

// Beyond 8 units the chain is solved iteratively; it must stay exact to ~1e-12 all the way to
// the 16-unit limit, with rates spread over four orders of magnitude.
TEST(AvailabilityCtmcTest, LargeChainsMatchTheClosedForm) {
  for (const int n : {9, 12, kMaxAvailabilityUnits}) {
    std::vector<RepairableUnit> units;
    for (int i = 0; i < n; ++i) {
      units.push_back(unit(std::to_string(i), 10.0 * (1 + i % 5) * std::pow(10.0, i % 3),
                           0.1 * (1 + i % 4) * std::pow(10.0, i % 2)));
    }
    // Pairs of redundant units in series, and every unit alone in series.
    std::vector<std::vector<int>> pairs;
    std::vector<std::vector<int>> series;
    double pairs_expected = 1.0;
    double series_expected = 1.0;
    for (int i = 0; i < n; ++i) {
      series.push_back({i});
      series_expected *= steady_availability(units[i]);
      if (i % 2 == 1) {
        pairs.push_back({i - 1, i});
        pairs_expected *= any_up(units, {i - 1, i});
      }
    }
    const AvailabilityModel model{
        units, {ServiceClass{"pairs", 1.0, pairs}, ServiceClass{"series", 1.0, series}}};
    const auto solution = solve_availability(model);
    ASSERT_TRUE(solution.ok()) << solution.error();
    SCOPED_TRACE(n);
    EXPECT_NEAR(solution->class_availability[0], pairs_expected, 1e-12);
    EXPECT_NEAR(solution->class_availability[1], series_expected, 1e-12);
    for (int i = 0; i < n; ++i) {
      EXPECT_NEAR(solution->unit_availability[i], steady_availability(units[i]), 1e-12) << i;
    }
  }
}

void expect_error(const AvailabilityModel& model, const std::string& fragment) {
  const auto solution = solve_availability(model);
  ASSERT_FALSE(solution.ok()) << "expected an error mentioning " << fragment;
  EXPECT_NE(solution.error().find(fragment), std::string::npos) << solution.error();
}

TEST(AvailabilityCtmcTest, RejectsInvalidModels) {
  const RepairableUnit good = unit("web", 500.0, 1.0);
  expect_error(AvailabilityModel{{}, {ServiceClass{"c", 1.0, {}}}}, "at least one unit");
  expect_error(one_class(std::vector<RepairableUnit>(kMaxAvailabilityUnits + 1, good), {{0}}),
               "at most 16 units (got 17)");
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (const double bad : {0.0, -1e-3, inf, nan}) {
    expect_error(one_class({good, RepairableUnit{"db", bad, 1.0}}, {{0}}),
                 "units[1] (db) failure_rate_per_s must be positive and finite");
    expect_error(one_class({RepairableUnit{"db", 1.0, bad}}, {{0}}),
                 "units[0] (db) repair_rate_per_s must be positive and finite");
  }
  expect_error(AvailabilityModel{{good}, {}}, "at least one service class");
  expect_error(one_class({good}, {}), "classes[0] (all) has no group");
  expect_error(one_class({good}, {{0}, {}}), "classes[0] (all) groups[1] is empty");
  expect_error(one_class({good}, {{0, 1}}), "names unit 1, not in [0, 1)");
  expect_error(one_class({good}, {{-1}}), "names unit -1");
  expect_error(AvailabilityModel{{good}, {ServiceClass{"c", -1.0, {{0}}}}},
               "classes[0] (c) weight must be non-negative and finite");
  expect_error(AvailabilityModel{{good}, {ServiceClass{"c", nan, {{0}}}}}, "weight");
  expect_error(AvailabilityModel{{good}, {ServiceClass{"c", 0.0, {{0}}}}}, "weights sum to 0");
}

TEST(NinesTest, CountsTheNines) {
  EXPECT_NEAR(nines(0.999), 3.0, 1e-12);
  EXPECT_NEAR(nines(0.9), 1.0, 1e-12);
  EXPECT_NEAR(nines(0.99999), 5.0, 1e-9);
  EXPECT_EQ(nines(0.0), 0.0);
  EXPECT_EQ(nines(1.0), std::numeric_limits<double>::infinity());
}

TEST(DowntimePerYearTest, UsesAJulianYear) {
  EXPECT_NEAR(downtime_per_year_s(0.999), 31557.6, 1e-6);
  EXPECT_EQ(downtime_per_year_s(1.0), 0.0);
  EXPECT_EQ(downtime_per_year_s(0.0), 365.25 * 86400.0);
}

TEST(AvailabilityCtmcTest, SharedCrewsOfIdenticalUnitsGiveTheMachineRepairmanChain) {
  // Four units, MTBF 10 h and MTTR 2 h, need one of `crews` crews; a class needs any one of them.
  for (const int crews : {1, 2, 3}) {
    AvailabilityModel model;
    for (int i = 0; i < 4; ++i) {
      RepairableUnit u = unit(std::string("u") + std::to_string(i), 10, 2);
      u.needs_crew = true;
      model.units.push_back(u);
    }
    model.classes = {{"any", 1.0, {{0, 1, 2, 3}}}};
    model.repair_crews = crews;
    const auto chain = machine_repairman(4, crews, 1.0 / (10 * kHour), 1.0 / (2 * kHour)).value();
    const auto solution = solve_availability(model).value();
    for (const double a : solution.unit_availability) {
      EXPECT_NEAR(a, chain.unit_availability, 1e-12) << crews << " crews";
    }
    EXPECT_NEAR(solution.class_availability[0], 1.0 - chain.down_probability[4], 1e-12)
        << crews << " crews";
  }
}

TEST(AvailabilityCtmcTest, CrewsOnlyDelayTheUnitsThatNeedOne) {
  // Two units, one crew, only u0 needs it: nothing ever waits, so both are independent.
  AvailabilityModel model{{unit("u0", 10, 2), unit("u1", 10, 2)}, {{"both", 1.0, {{0}, {1}}}}, 1};
  model.units[0].needs_crew = true;
  const auto solution = solve_availability(model).value();
  EXPECT_NEAR(solution.unit_availability[0], 10.0 / 12.0, 1e-12);
  EXPECT_NEAR(solution.unit_availability[1], 10.0 / 12.0, 1e-12);
  // With both needing it, a second failure waits: each is up less.
  model.units[1].needs_crew = true;
  const auto shared = solve_availability(model).value();
  const auto chain = machine_repairman(2, 1, 1.0 / (10 * kHour), 1.0 / (2 * kHour)).value();
  EXPECT_NEAR(shared.unit_availability[0], chain.unit_availability, 1e-12);
  EXPECT_LT(shared.unit_availability[0], 10.0 / 12.0 - 0.01);
}

TEST(AvailabilityCtmcTest, NegativeCrewsAreRefused) {
  AvailabilityModel model{{unit("u0", 10, 2)}, {{"c", 1.0, {{0}}}}, -1};
  const auto solution = solve_availability(model);
  ASSERT_FALSE(solution.ok());
  EXPECT_NE(solution.error().find("repair_crews"), std::string::npos);
}

}  // namespace
}  // namespace stacksim::analysis
