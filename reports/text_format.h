#pragma once

#include <string>
#include <vector>

// Number formatting and line layout for the human-readable reports.
namespace stacksim::reports {

// Separates facts on one line: "rejected 8 · dns_failure 2".
inline constexpr const char* kFactSeparator = " \u00b7 ";

// A labelled line of a summary: the label padded to 11 columns, the text, a newline:
// section_line("Errors", "none") == "Errors     none\n".
[[nodiscard]] std::string section_line(const std::string& label, const std::string& text);

// A fixed-point number with `decimals` digits after the point and thousands separators:
// format_fixed(1234567.891, 2) == "1,234,567.89".
[[nodiscard]] std::string format_fixed(double value, int decimals);

// A count: "575,912"; a fractional mean of counts keeps one decimal: "12.3".
[[nodiscard]] std::string format_count(double value);

// A duration in the unit that suits it (ns, us, ms, s), three significant digits: "41.2ms",
// "180ms", "1.02s", "850ns"; "0s" for zero.
[[nodiscard]] std::string format_seconds(double seconds);

// A configured span of simulated time as a scenario would write it: "2h", "5m", "90s", "1.5h";
// spans under a second as format_seconds.
[[nodiscard]] std::string format_span(double seconds);

// A measured duration in the largest unit that fits (s, m, h, d), three significant digits:
// "52.6m", "14.9h", "6.09d"; under a minute as format_seconds.
[[nodiscard]] std::string format_duration(double seconds);

// A fraction as a percentage with `decimals` decimals: format_percent(0.0612, 1) == "6.1%".
[[nodiscard]] std::string format_percent(double fraction, int decimals);

// A change as a signed percentage, "+" for zero too: "+12.5%", "-3.0%", "+0.0%" with one decimal.
[[nodiscard]] std::string format_signed_percent(double fraction, int decimals);

// Four significant digits, as printf's %.4g: "150", "0.005833", "18", "1.235e+06"; "inf" when
// not finite.
[[nodiscard]] std::string format_significant(double value);

// Names separated by commas: "web, app, db"; empty for none.
[[nodiscard]] std::string join_with_commas(const std::vector<std::string>& names);

// An availability as a percentage: "100%" when exactly 1, else `min_decimals` decimals
// ("99.859%" with three) or as many more (up to six) as it takes not to round to 100%.
[[nodiscard]] std::string format_availability(double fraction, int min_decimals = 3);

// A size in binary units, three significant digits: "512B", "80.0MiB", "7.93GiB"; a value below
// 1024 of a unit stays in it, and a value that rounds to 1024 moves up: "1.00GiB".
[[nodiscard]] std::string format_bytes(double bytes);

// A point in simulated time as a clock, to the nearest second: "0:00:05", "1:02:05", "26:00:00".
[[nodiscard]] std::string format_clock(double seconds);

// An amount of money in dollars with cents and thousands separators: "$1,234.56".
[[nodiscard]] std::string format_money(double dollars);

}  // namespace stacksim::reports
