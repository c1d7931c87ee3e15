// Every HTML report rendered in headless Chromium: the page of each shipped scenario, a sweep, an
// analyze, a whatif and a compare page. Each must render without a console message, load nothing
// from outside the file, have its charts (and, for a run, the architecture diagram) in the rendered
// DOM, and not be a blank screenshot. Chromium is started by the test; when it is missing the
// tests are skipped, except in CI (CI=true), where that is a failure.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "tests/browser/headless_chromium.h"
#include "tests/support/files.h"
#include "tests/support/shipped_scenarios.h"
#include "tests/support/stacksim_process.h"

namespace stacksim::testing {
namespace {

namespace fs = std::filesystem;

bool in_ci() {
  const char* ci = std::getenv("CI");
  return ci && std::string(ci) == "true";
}

// The browser, or a skip (a failure in CI) when there is none.
#define REQUIRE_CHROMIUM(var)                                                          \
  const std::string var = chromium_path();                                             \
  if (var.empty()) {                                                                   \
    if (in_ci()) FAIL() << "chromium is not installed (scripts/setup.sh installs it)"; \
    GTEST_SKIP() << "chromium is not installed";                                       \
  }

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// Distinct colours of a PNG, as ImageMagick's identify counts them; -1 when it cannot.
long distinct_colours(const fs::path& png) {
  const std::string command = "identify -format %k '" + png.string() + "' 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return -1;
  std::array<char, 64> buffer{};
  std::string out;
  while (fgets(buffer.data(), buffer.size(), pipe)) out += buffer.data();
  if (pclose(pipe) != 0 || out.empty()) return -1;
  return std::strtol(out.c_str(), nullptr, 10);
}

// What a page must contain once rendered.
struct Expect {
  std::size_t min_charts = 1;
  bool diagram = false;
  std::vector<std::string> texts;  // each must be in the rendered DOM
};

void check_page(const std::string& chromium, const fs::path& html, const Expect& expect) {
  const std::string source = read_file(html);
  ASSERT_FALSE(source.empty()) << html;
  // Nothing is fetched: no script, no stylesheet link, no http(s) src or href, no CSS url().
  EXPECT_EQ(source.find("<script"), std::string::npos);
  EXPECT_EQ(source.find("<link"), std::string::npos);
  EXPECT_EQ(source.find("url("), std::string::npos);
  EXPECT_FALSE(std::regex_search(
      source, std::regex(R"((src|href)\s*=\s*["']?\s*https?:)", std::regex::icase)));

  const TempDir work("stacksim-chromium");
  const RenderResult rendered = render_page(chromium, html, work.path());
  ASSERT_EQ(rendered.exit_code, 0) << rendered.log;
  EXPECT_EQ(rendered.console, "") << "console messages from " << html;
  EXPECT_GE(count(rendered.dom, "<svg class=\"chart\""), expect.min_charts);
  if (expect.diagram) {
    EXPECT_EQ(count(rendered.dom, "<svg class=\"diagram\""), 1u);
    EXPECT_GE(count(rendered.dom, "class=\"node\""), 2u);  // Graphviz's nodes
  }
  for (const std::string& text : expect.texts) {
    EXPECT_NE(rendered.dom.find(text), std::string::npos) << text << " not in " << html;
  }
  ASSERT_TRUE(fs::exists(rendered.screenshot));
  EXPECT_GT(fs::file_size(rendered.screenshot), 20000u) << "a nearly blank screenshot";
  const long colours = distinct_colours(rendered.screenshot);
  if (colours < 0 && in_ci()) ADD_FAILURE() << "ImageMagick's identify is missing";
  if (colours >= 0) {
    EXPECT_GT(colours, 50) << "a nearly blank screenshot";
  }
}

class RunPage : public ::testing::TestWithParam<std::string> {};

TEST_P(RunPage, RendersWithChartsAndDiagram) {
  REQUIRE_CHROMIUM(chromium);
  const TempDir dir("stacksim-html");
  const fs::path html = dir / "run.html";
  std::vector<std::string> args = {"run", "scenarios/" + GetParam() + ".json", "--quiet", "--html",
                                   html.string()};
  // A week of nightly restarts takes long to simulate; one day shows one restart.
  if (GetParam() == "maintenance-restart") args.insert(args.end(), {"--duration", "1d"});
  const auto result = run_stacksim(args);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  check_page(chromium, html, {.min_charts = 7, .diagram = true, .texts = {"Architecture"}});
}

INSTANTIATE_TEST_SUITE_P(Shipped, RunPage, ::testing::ValuesIn(shipped_scenarios()),
                         [](const auto& info) { return scenario_test_name(info.param); });

TEST(HtmlPages, SingleServerShowsTheDomainTheAddressAndTheSpofs) {
  REQUIRE_CHROMIUM(chromium);
  const TempDir dir("stacksim-html");
  const auto result = run_stacksim({"run", "scenarios/single-server.json", "--quiet",
                                    "--replications", "2", "--out", dir.path().string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  // Self-contained and small enough to mail: under 1.5 MB for the default scenario.
  EXPECT_LT(fs::file_size(dir / "report.html"), 1'500'000u);
  check_page(chromium, dir / "report.html",
             {.min_charts = 8,
              .diagram = true,
              .texts = {"www.foobar.com CNAME foobar.com", "foobar.com A 8.8.8.8", "SPOF",
                        "Between replications"}});
}

TEST(HtmlPages, SweepShowsTheSaturationPoint) {
  REQUIRE_CHROMIUM(chromium);
  const TempDir dir("stacksim-html");
  const fs::path html = dir / "sweep.html";
  const auto result =
      run_stacksim({"sweep", "scenarios/mm1.json", "--quiet", "--duration", "60s", "--vary",
                    "/workload/arrivals/rate=100:900:9", "--latency-target", "6ms",
                    "--latency-percentile", "mean", "--html", html.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  check_page(chromium, html, {.min_charts = 3, .texts = {"Saturation point", "target: mean"}});
}

TEST(HtmlPages, SweepOverCoresShowsTheUslFit) {
  REQUIRE_CHROMIUM(chromium);
  const TempDir dir("stacksim-html");
  const fs::path html = dir / "sweep.html";
  const auto result =
      run_stacksim({"sweep", "scenarios/vertical-vs-horizontal.json", "--quiet", "--duration", "2m",
                    "--vary", "/hosts/server1/cores=2,4,8,16", "--html", html.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  check_page(chromium, html, {.min_charts = 4, .texts = {"Universal Scalability Law", "N*"}});
}

TEST(HtmlPages, AnalyzeSetsTheoryBesideSimulation) {
  REQUIRE_CHROMIUM(chromium);
  const TempDir dir("stacksim-html");
  const fs::path html = dir / "analyze.html";
  const auto result = run_stacksim(
      {"analyze", "scenarios/tandem.json", "--duration", "5m", "--html", html.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  check_page(chromium, html, {.min_charts = 2, .texts = {"theory", "simulated"}});
}

TEST(HtmlPages, WhatIfSetsTheCostBesideTheStructuralVerdict) {
  REQUIRE_CHROMIUM(chromium);
  const TempDir dir("stacksim-html");
  const fs::path html = dir / "whatif.html";
  const auto result = run_stacksim({"whatif", "scenarios/distributed.json", "--window", "1m",
                                    "--threads", "2", "--quiet", "--html", html.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  check_page(chromium, html,
             {.min_charts = 2,
              .texts = {"graph says (structural)", "detection and recovery per target", "web@app1",
                        "Every target"}});
}

TEST(HtmlPages, CompareOverlaysScenarioAndSavedReport) {
  REQUIRE_CHROMIUM(chromium);
  const TempDir dir("stacksim-html");
  const fs::path saved = dir / "distributed.json";
  const auto run = run_stacksim({"run", "scenarios/distributed.json", "--quiet", "--duration",
                                 "10m", "--json", saved.string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const fs::path html = dir / "compare.html";
  const auto result =
      run_stacksim({"compare", "scenarios/single-server.json", saved.string(), "--duration", "10m",
                    "--labels", "one box,load-balanced", "--quiet", "--html", html.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  check_page(chromium, html, {.min_charts = 5, .texts = {"one box", "load-balanced"}});
}

}  // namespace
}  // namespace stacksim::testing
