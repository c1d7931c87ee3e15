#include "shards/run_result_json.h"

#include <cmath>
#include <map>
#include <stdexcept>
#include <string>

namespace stacksim::shards {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

// JSON has no NaN or infinity: those are written as strings.
ordered_json exact(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  return value;
}

// Reads the fields of one saved object, throwing with the pointer of the first bad one.
class Fields {
 public:
  Fields(const json& j, std::string pointer) : j_(j), pointer_(std::move(pointer)) {
    if (!j_.is_object()) fail("", "expected an object");
  }

  [[nodiscard]] const json& at(const std::string& key) const {
    const auto it = j_.find(key);
    if (it == j_.end()) fail(key, "missing");
    return *it;
  }
  [[nodiscard]] std::string pointer(const std::string& key) const { return pointer_ + "/" + key; }

  [[nodiscard]] double number(const std::string& key) const { return number_at(at(key), key); }
  [[nodiscard]] std::uint64_t count(const std::string& key) const {
    const json& value = at(key);
    if (!value.is_number_unsigned()) fail(key, "expected a non-negative integer");
    return value.get<std::uint64_t>();
  }
  [[nodiscard]] std::int64_t integer(const std::string& key) const {
    const json& value = at(key);
    if (!value.is_number_integer()) fail(key, "expected an integer");
    return value.get<std::int64_t>();
  }
  [[nodiscard]] std::string text(const std::string& key) const {
    const json& value = at(key);
    if (!value.is_string()) fail(key, "expected a string");
    return value.get<std::string>();
  }
  [[nodiscard]] bool flag(const std::string& key) const {
    const json& value = at(key);
    if (!value.is_boolean()) fail(key, "expected true or false");
    return value.get<bool>();
  }
  [[nodiscard]] const json& array(const std::string& key) const {
    const json& value = at(key);
    if (!value.is_array()) fail(key, "expected an array");
    return value;
  }
  [[nodiscard]] std::vector<double> numbers(const std::string& key) const {
    std::vector<double> values;
    for (const json& value : array(key)) values.push_back(number_at(value, key));
    return values;
  }
  [[nodiscard]] std::map<std::string, std::uint64_t> counts(const std::string& key) const {
    const json& value = at(key);
    if (!value.is_object()) fail(key, "expected an object");
    std::map<std::string, std::uint64_t> counts;
    for (const auto& [name, n] : value.items()) {
      if (!n.is_number_unsigned()) fail(key + "/" + name, "expected a non-negative integer");
      counts[name] = n.get<std::uint64_t>();
    }
    return counts;
  }

  [[noreturn]] void fail(const std::string& key, const std::string& what) const {
    throw std::runtime_error(pointer_ + (key.empty() ? "" : "/" + key) + ": " + what);
  }

 private:
  double number_at(const json& value, const std::string& key) const {
    if (value.is_number()) return value.get<double>();
    if (value == "nan") return std::nan("");
    if (value == "inf") return HUGE_VAL;
    if (value == "-inf") return -HUGE_VAL;
    fail(key, "expected a number");
  }

  const json& j_;
  std::string pointer_;
};

ordered_json histogram_json(const sim::LogHistogram& histogram) {
  ordered_json buckets = ordered_json::array();
  const auto& counts = histogram.bucket_counts();
  for (std::size_t i = 0; i < counts.size(); ++i) {
    if (counts[i] != 0) buckets.push_back(ordered_json::array({i, counts[i]}));
  }
  return {{"sum", exact(histogram.sum())},
          {"min", histogram.min()},
          {"max", histogram.max()},
          {"buckets", std::move(buckets)}};
}

sim::LogHistogram histogram_from(const Fields& fields) {
  std::array<std::uint64_t, sim::LogHistogram::kBucketCount> counts{};
  for (const json& bucket : fields.array("buckets")) {
    if (!bucket.is_array() || bucket.size() != 2 || !bucket[0].is_number_unsigned() ||
        !bucket[1].is_number_unsigned() || bucket[0].get<std::uint64_t>() >= counts.size()) {
      fields.fail("buckets", "expected [index, count] pairs");
    }
    counts[bucket[0].get<std::size_t>()] = bucket[1].get<std::uint64_t>();
  }
  return sim::LogHistogram::restore(counts, fields.number("sum"), fields.integer("min"),
                                    fields.integer("max"));
}

ordered_json component_json(const models::ComponentResult& c) {
  return {{"name", c.name},
          {"kind", c.kind},
          {"host", c.host},
          {"servers", c.servers},
          {"utilization", exact(c.utilization)},
          {"mean_queue_length", exact(c.mean_queue_length)},
          {"mean_wait_s", exact(c.mean_wait_s)},
          {"mean_response_s", exact(c.mean_response_s)},
          {"throughput_rps", exact(c.throughput_rps)},
          {"visits", c.visits},
          {"rejected", c.rejected},
          {"availability", exact(c.availability)},
          {"waiting_growth", exact(c.waiting_growth)},
          {"busy_growth", exact(c.busy_growth)},
          {"arrivals", exact(c.arrivals)}};
}

models::ComponentResult component_from(const Fields& f) {
  models::ComponentResult c;
  c.name = f.text("name");
  c.kind = f.text("kind");
  c.host = f.text("host");
  c.servers = static_cast<int>(f.integer("servers"));
  c.utilization = f.number("utilization");
  c.mean_queue_length = f.number("mean_queue_length");
  c.mean_wait_s = f.number("mean_wait_s");
  c.mean_response_s = f.number("mean_response_s");
  c.throughput_rps = f.number("throughput_rps");
  c.visits = f.count("visits");
  c.rejected = f.count("rejected");
  c.availability = f.number("availability");
  c.waiting_growth = f.number("waiting_growth");
  c.busy_growth = f.number("busy_growth");
  c.arrivals = f.number("arrivals");
  return c;
}

ordered_json host_json(const models::HostResult& h) {
  return {{"name", h.name},
          {"cores", h.cores},
          {"cpu_utilization", exact(h.cpu_utilization)},
          {"mean_cpu_queue_length", exact(h.mean_cpu_queue_length)},
          {"availability", exact(h.availability)},
          {"memory_bytes", h.memory_bytes},
          {"mean_memory_demand_bytes", exact(h.mean_memory_demand_bytes)},
          {"peak_memory_demand_bytes", h.peak_memory_demand_bytes},
          {"memory_over_share", exact(h.memory_over_share)},
          {"oom_kills", h.oom_kills}};
}

models::HostResult host_from(const Fields& f) {
  models::HostResult h;
  h.name = f.text("name");
  h.cores = static_cast<int>(f.integer("cores"));
  h.cpu_utilization = f.number("cpu_utilization");
  h.mean_cpu_queue_length = f.number("mean_cpu_queue_length");
  h.availability = f.number("availability");
  h.memory_bytes = f.integer("memory_bytes");
  h.mean_memory_demand_bytes = f.number("mean_memory_demand_bytes");
  h.peak_memory_demand_bytes = f.integer("peak_memory_demand_bytes");
  h.memory_over_share = f.number("memory_over_share");
  h.oom_kills = f.count("oom_kills");
  return h;
}

ordered_json class_json(const models::ClassResult& c) {
  return {{"name", c.name},
          {"offered", c.offered},
          {"completed", c.completed},
          {"failed", c.failed},
          {"mean_latency_s", exact(c.mean_latency_s)}};
}

models::ClassResult class_from(const Fields& f) {
  models::ClassResult c;
  c.name = f.text("name");
  c.offered = f.count("offered");
  c.completed = f.count("completed");
  c.failed = f.count("failed");
  c.mean_latency_s = f.number("mean_latency_s");
  return c;
}

ordered_json numbers_json(const std::vector<double>& values) {
  ordered_json array = ordered_json::array();
  for (const double value : values) array.push_back(exact(value));
  return array;
}

ordered_json row_json(const models::IntervalRow& r) {
  return {{"start_s", exact(r.start_s)},
          {"end_s", exact(r.end_s)},
          {"offered", r.offered},
          {"completed", r.completed},
          {"failed", r.failed},
          {"latency_p50_s", exact(r.latency_p50_s)},
          {"latency_p99_s", exact(r.latency_p99_s)},
          {"component_utilization", numbers_json(r.component_utilization)},
          {"component_queue_length", numbers_json(r.component_queue_length)},
          {"host_cpu_utilization", numbers_json(r.host_cpu_utilization)},
          {"component_up", numbers_json(r.component_up)},
          {"host_up", numbers_json(r.host_up)},
          {"in_system", exact(r.in_system)}};
}

models::IntervalRow row_from(const Fields& f) {
  models::IntervalRow r;
  r.start_s = f.number("start_s");
  r.end_s = f.number("end_s");
  r.offered = f.count("offered");
  r.completed = f.count("completed");
  r.failed = f.count("failed");
  r.latency_p50_s = f.number("latency_p50_s");
  r.latency_p99_s = f.number("latency_p99_s");
  r.component_utilization = f.numbers("component_utilization");
  r.component_queue_length = f.numbers("component_queue_length");
  r.host_cpu_utilization = f.numbers("host_cpu_utilization");
  r.component_up = f.numbers("component_up");
  r.host_up = f.numbers("host_up");
  r.in_system = f.number("in_system");
  return r;
}

ordered_json window_json(const models::DowntimeWindow& w) {
  return {{"target", w.target},
          {"cause", w.cause},
          {"start_s", exact(w.start_s)},
          {"end_s", exact(w.end_s)}};
}

models::DowntimeWindow window_from(const Fields& f) {
  return {f.text("target"), f.text("cause"), f.number("start_s"), f.number("end_s")};
}

template <typename T, typename Write>
ordered_json list_json(const std::vector<T>& items, Write write) {
  ordered_json array = ordered_json::array();
  for (const T& item : items) array.push_back(write(item));
  return array;
}

template <typename Read>
auto list_from(const Fields& f, const std::string& key, Read read) {
  std::vector<decltype(read(std::declval<const Fields&>()))> items;
  const json& array = f.array(key);
  for (std::size_t i = 0; i < array.size(); ++i) {
    items.push_back(read(Fields(array[i], f.pointer(key) + "/" + std::to_string(i))));
  }
  return items;
}

using DowntimeByTarget = std::map<std::string, std::map<std::string, double>>;

ordered_json downtime_by_target_json(const DowntimeByTarget& by_target) {
  ordered_json j = ordered_json::object();
  for (const auto& [target, causes] : by_target) {
    ordered_json by_cause = ordered_json::object();
    for (const auto& [cause, seconds] : causes) by_cause[cause] = exact(seconds);
    j[target] = std::move(by_cause);
  }
  return j;
}

DowntimeByTarget downtime_by_target_from(const Fields& f, const std::string& key) {
  const json& object = f.at(key);
  const Fields checked(object, f.pointer(key));  // throws unless an object
  DowntimeByTarget by_target;
  for (const auto& [target, causes] : object.items()) {
    const Fields cause_fields(causes, checked.pointer(target));
    for (const auto& [cause, seconds] : causes.items()) {
      by_target[target][cause] = cause_fields.number(cause);
    }
  }
  return by_target;
}

}  // namespace

nlohmann::ordered_json run_result_json(const models::RunResult& r) {
  return {{"offered", r.offered},
          {"completed", r.completed},
          {"failed", r.failed},
          {"errors", r.errors},
          {"attempts", r.attempts},
          {"first_attempt_completed", r.first_attempt_completed},
          {"attempt_errors", r.attempt_errors},
          {"failures_by_origin", r.failures_by_origin},
          {"availability_by_time", exact(r.availability_by_time)},
          {"lost_writes", r.lost_writes},
          {"service_outages", r.service_outages},
          {"downtime", list_json(r.downtime, window_json)},
          {"downtime_truncated", r.downtime_truncated},
          {"downtime_by_target", downtime_by_target_json(r.downtime_by_target)},
          {"measured_from_s", exact(r.measured_from_s)},
          {"measured_s", exact(r.measured_s)},
          {"mean_in_system", exact(r.mean_in_system)},
          {"latency_ns", histogram_json(r.latency_ns)},
          {"components", list_json(r.components, component_json)},
          {"hosts", list_json(r.hosts, host_json)},
          {"classes", list_json(r.classes, class_json)},
          {"series", list_json(r.series, row_json)},
          {"events", r.events},
          {"interrupted", r.interrupted},
          {"backlog_limit_reached", r.backlog_limit_reached},
          {"stopped_at_s", exact(r.stopped_at_s)},
          {"in_system_at_start", exact(r.in_system_at_start)},
          {"in_system_at_end", exact(r.in_system_at_end)}};
}

models::RunResult run_result_from_json(const nlohmann::json& j) {
  const Fields f(j, "");
  models::RunResult r;
  r.offered = f.count("offered");
  r.completed = f.count("completed");
  r.failed = f.count("failed");
  r.errors = f.counts("errors");
  r.attempts = f.count("attempts");
  r.first_attempt_completed = f.count("first_attempt_completed");
  r.attempt_errors = f.counts("attempt_errors");
  r.failures_by_origin = f.counts("failures_by_origin");
  r.availability_by_time = f.number("availability_by_time");
  r.lost_writes = f.count("lost_writes");
  r.service_outages = f.count("service_outages");
  r.downtime = list_from(f, "downtime", window_from);
  r.downtime_truncated = f.flag("downtime_truncated");
  r.downtime_by_target = downtime_by_target_from(f, "downtime_by_target");
  r.measured_from_s = f.number("measured_from_s");
  r.measured_s = f.number("measured_s");
  r.mean_in_system = f.number("mean_in_system");
  r.latency_ns = histogram_from(Fields(f.at("latency_ns"), f.pointer("latency_ns")));
  r.components = list_from(f, "components", component_from);
  r.hosts = list_from(f, "hosts", host_from);
  r.classes = list_from(f, "classes", class_from);
  r.series = list_from(f, "series", row_from);
  r.events = f.count("events");
  r.interrupted = f.flag("interrupted");
  r.backlog_limit_reached = f.flag("backlog_limit_reached");
  r.stopped_at_s = f.number("stopped_at_s");
  r.in_system_at_start = f.number("in_system_at_start");
  r.in_system_at_end = f.number("in_system_at_end");
  return r;
}

}  // namespace stacksim::shards
