#include "reports/lab_report.h"

#include <cmath>

#include "reports/cost_report.h"
#include "reports/text_format.h"

namespace stacksim::reports {

namespace {

using findings::GoalResult;
using findings::LabGrade;
using findings::MissExplanation;

std::string points_text(double points) { return format_significant(points); }

std::string percent(double share) { return format_percent(share, 1); }

// The bottleneck as the report's Bottleneck line names it, with its evidence and what to change.
std::string limit_text(const findings::Bottleneck& b) {
  const std::string lead = "limited by " + b.resource + ": ";
  if (b.resource == "memory") {
    return lead + "host " + b.name + " needed more memory than it has " +
           percent(b.memory_over_share) + " of the time" +
           (b.oom_kills > 0 ? " (" + format_count(b.oom_kills) + " OOM kills)" : std::string()) +
           "; give it more memory or fewer workers";
  }
  std::string evidence = percent(b.utilization) + " busy";
  if (b.rejected > 0) {
    evidence += ", " + format_count(b.rejected) + " requests turned away" +
                (b.resource == "cpu" ? " by what runs on it" : "");
  }
  if (b.wait_share) evidence += ", " + percent(*b.wait_share) + " of latency spent waiting";
  if (b.resource == "cpu") {
    return lead + "host " + b.name + "'s cores are " + evidence +
           "; more cores, or spread the work over more hosts";
  }
  if (b.resource == "workers") {
    return lead + b.name + "'s workers (PHP-FPM children) are " + evidence +
           "; more workers (if CPU and memory allow), or make what they wait on faster";
  }
  if (b.resource == "connections") {
    return lead + b.name + "'s connection slots are " + evidence +
           "; raise its connection limit, or make what holds the connections faster";
  }
  if (b.resource == "backlog") {
    return lead + b.name + "'s accept queue is full (" + evidence +
           "); a longer backlog only queues longer: serve faster or add capacity behind it";
  }
  return lead + b.name + "'s servers are " + evidence + "; add servers";
}

std::string latency_text(const MissExplanation& why) {
  const findings::Bottleneck& busiest = why.bottleneck;
  std::string text = "limited by latency, not capacity: nothing is saturated (the busiest, " +
                     std::string(busiest.resource == "cpu" ? "host " : "") + busiest.name +
                     ", is " + percent(busiest.utilization) +
                     " busy); per request the time goes to";
  std::string parts;
  for (const auto& t : why.times) {
    parts += (parts.empty() ? " " : ", ") + t.name + " " + format_seconds(t.mean_response_s) +
             " x " + format_significant(t.visits_per_request);
  }
  text += parts.empty() ? " round trips" : parts;
  text += " (a component's time includes what it calls)";
  if (why.rtt_s > 0) {
    text += "; a new TCP connection costs one more round trip of " + format_seconds(why.rtt_s) +
            " (" + percent(why.new_connection_share) + " of requests open one)";
  }
  return text;
}

std::string down_text(const MissExplanation& why) {
  if (why.down_target.empty()) {
    return "limited by down: requests failed because a component they needed was down";
  }
  const std::string text = "limited by down: requests failed while " + why.down_target +
                           " was down (" + why.down_cause + ", " + format_duration(why.down_s) +
                           " per run on average); ";
  if (why.down_cause == "maintenance") {
    return text +
           "planned downtime loses requests like any other: those sent to what is stopped fail";
  }
  return text +
         "a part whose failure alone stops requests is a single point of failure (stacksim graph "
         "lists them)";
}

std::string goal_line(const GoalResult& result) {
  std::string value = format_goal_value(result.goal, result.mean);
  if (result.goal.metric != models::LabMetric::kCostPerMonth && std::isfinite(result.mean)) {
    value += " [" + format_goal_value(result.goal, result.low) + ", " +
             format_goal_value(result.goal, result.high) + "]";
  }
  return std::string(result.met ? "\u2713 " : "\u2717 ") + result.goal.name + ": " + value +
         " (goal: " + goal_threshold_text(result.goal) + ") " + points_text(result.score) + "/" +
         points_text(result.goal.points) + "\n";
}

std::string goal_output(const GoalResult& result) {
  std::string text = "measured " + format_goal_value(result.goal, result.mean);
  if (result.goal.metric != models::LabMetric::kCostPerMonth && std::isfinite(result.mean)) {
    text += " (95% interval " + format_goal_value(result.goal, result.low) + " to " +
            format_goal_value(result.goal, result.high) + ")";
  }
  text += "; goal: " + goal_threshold_text(result.goal) + ".";
  if (!result.met) {
    text += ' ';
    text += miss_text(result);
    text += '.';
    if (!result.goal.hint.empty()) text += " Hint: " + result.goal.hint;
  }
  return text;
}

}  // namespace

std::string miss_text(const GoalResult& result) {
  const MissExplanation& why = result.why;
  if (why.resource == "cost") {
    std::string text = "over budget: the design costs " + format_money(result.mean) + " a month";
    if (!why.largest_item.name.empty()) {
      text += "; the largest item is " + why.largest_item.name + " (" + why.largest_item.detail +
              ", " + format_money(why.largest_item.per_month) + ")";
    }
    return text;
  }
  if (why.resource == "down") return down_text(why);
  if (why.resource == "latency") return latency_text(why);
  std::string text = limit_text(why.bottleneck);
  if (why.retry_amplification > 1.2) {
    text += "; retries multiplied the load by " + format_significant(why.retry_amplification);
  }
  if (!why.failure_causes.empty()) {
    std::string causes;
    for (const auto& [cause, count] : why.failure_causes) {
      if (!causes.empty()) causes += kFactSeparator;
      causes += cause + " " + format_count(count);
    }
    text += "; failed requests: " + causes;
  }
  return text;
}

std::string format_goal_value(const models::LabGoal& goal, double value) {
  if (!std::isfinite(value)) return "never";
  switch (models::info(goal.metric).unit) {
    case models::LabUnit::kShare:
      return format_availability(value);
    case models::LabUnit::kSeconds:
      return format_seconds(value);
    case models::LabUnit::kCount:
      return format_count(value);
    case models::LabUnit::kDollarsPerMonth:
      return format_money(value);
  }
  return format_significant(value);
}

std::string goal_threshold_text(const models::LabGoal& goal) {
  std::string text = std::string(models::to_string(goal.metric));
  if (!goal.request_class.empty()) text += " of " + goal.request_class;
  text += goal.at_most ? " at most " : " at least ";
  return text + format_goal_value(goal, goal.threshold);
}

std::string lab_text(const LabGrade& grade) {
  std::string text = "Lab " + grade.lab_id + " \u2014 " + grade.lab_title + "\n";
  text += "graded over " + std::to_string(grade.replications) +
          " replications; a goal is met when its whole 95% interval clears the threshold\n\n";
  for (const GoalResult& result : grade.goals) {
    text += goal_line(result);
    if (result.met) continue;
    text += "    " + miss_text(result) + "\n";
    if (!result.goal.hint.empty()) text += "    hint: " + result.goal.hint + "\n";
  }
  text += '\n';
  text += cost_text(grade.cost);
  std::size_t missed = 0;
  for (const auto& result : grade.goals) missed += result.met ? 0 : 1;
  std::string verdict = points_text(grade.score) + "/" + points_text(grade.max_score);
  verdict += missed == 0 ? " \u2014 every goal met"
                         : " \u2014 " + std::to_string(missed) +
                               (missed == 1 ? " goal missed" : " goals missed");
  text += section_line("Score", verdict);
  return text;
}

nlohmann::ordered_json gradescope_json(const LabGrade& grade) {
  nlohmann::ordered_json tests = nlohmann::ordered_json::array();
  for (const GoalResult& result : grade.goals) {
    tests.push_back({{"name", result.goal.name},
                     {"score", result.score},
                     {"max_score", result.goal.points},
                     {"status", result.met ? "passed" : "failed"},
                     {"output", goal_output(result)}});
  }
  return {
      {"score", grade.score},
      {"output", "Lab " + grade.lab_id + ": " + points_text(grade.score) + "/" +
                     points_text(grade.max_score) + " over " + std::to_string(grade.replications) +
                     " replications; a goal is met when its whole 95% interval clears the "
                     "threshold. Design cost " +
                     format_money(grade.cost.total_per_month) + " a month."},
      {"tests", std::move(tests)}};
}

nlohmann::ordered_json gradescope_error_json(const models::LabSpec& lab, const std::string& why) {
  double max_score = 0.0;
  for (const auto& goal : lab.goals) max_score += goal.points;
  nlohmann::ordered_json tests = nlohmann::ordered_json::array();
  tests.push_back({{"name", "the scenario loads"},
                   {"score", 0.0},
                   {"max_score", max_score},
                   {"status", "failed"},
                   {"output", why}});
  return {{"score", 0.0},
          {"output", "Lab " + lab.id + ": the scenario could not be graded."},
          {"tests", std::move(tests)}};
}

}  // namespace stacksim::reports
