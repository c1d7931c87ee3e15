#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "findings/lab_grading.h"

namespace stacksim::reports {

// A goal's value in its unit: "99.95%", "412ms", "1,204", "$246.00"; "never" when infinite.
[[nodiscard]] std::string format_goal_value(const models::LabGoal& goal, double value);

// The goal as a sentence: "p99 latency at most 300ms" (from its name when it has one).
[[nodiscard]] std::string goal_threshold_text(const models::LabGoal& goal);

// The hint of a missed goal, one sentence from its MissExplanation: "limited by cpu: host
// server1's cores are 100.0% busy; more cores, or spread the work over more hosts".
[[nodiscard]] std::string miss_text(const findings::GoalResult& result);

// What `stacksim lab check` prints: the lab, the replication rule, one line per goal (✓ or ✗,
// the mean and its 95% interval, the points) with the hints under a missed goal, the cost and
// the score.
[[nodiscard]] std::string lab_text(const findings::LabGrade& grade);

// Gradescope's autograder results (results.json): {"score", "output", "tests": [{"name",
// "score", "max_score", "status", "output"}]}, one test per goal.
[[nodiscard]] nlohmann::ordered_json gradescope_json(const findings::LabGrade& grade);

// The results of a submission that could not be graded (an invalid scenario): score 0, and
// `why` as the output of one test worth every point of the lab.
[[nodiscard]] nlohmann::ordered_json gradescope_error_json(const models::LabSpec& lab,
                                                           const std::string& why);

}  // namespace stacksim::reports
