// The run page's time series as a student reads them: on the scenario clock, with every fault
// window shaded and labelled, the faults that slow or disturb told apart from the downtime.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "tests/support/files.h"
#include "tests/support/stacksim_process.h"

namespace stacksim::testing {
namespace {

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

std::string run_page(const std::vector<std::string>& extra, const std::string& scenario) {
  const TempDir dir("run-page");
  const std::filesystem::path html = dir / "run.html";
  std::vector<std::string> args = {"run", scenario, "--quiet", "--html", html.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto result = run_stacksim(args);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return read_file(html);
}

TEST(RunPageCli, ASlowdownIsShadedAndLabelledAsAFaultNotAsDowntime) {
  // retry-storm.json slows the app server threefold from 15m for a minute; nothing goes down.
  const std::string page = run_page({}, "scenarios/retry-storm.json");
  // In each of the five time-series charts: the band's tooltip, its label and its dashed edges.
  EXPECT_EQ(count(page, "<title>app slowdown \u00d73</title>"), 5u);
  EXPECT_EQ(count(page, ">app slowdown \u00d73</text>"), 5u);
  EXPECT_GE(count(page, "fill=\"#E69F00\" fill-opacity=\"0.25\""), 5u);
  EXPECT_NE(page.find("degraded: a fault that slows or disturbs"), std::string::npos);
  // Nothing went down: no downtime band and no downtime legend.
  EXPECT_EQ(page.find("down (target and cause on the band)"), std::string::npos);
}

TEST(RunPageCli, NetworkFaultsAndReloadsAreShadedToo) {
  const std::string network = run_page(
      {"--duration", "10m", "--warmup", "0s", "--set",
       R"(/faults=[{"kind":"network","target":"server1","added_latency":"200ms","at":"2m","duration":"1m"}])"},
      "scenarios/single-server.json");
  EXPECT_EQ(count(network, "<title>server1 network +200ms</title>"), 5u) << "network fault";
  const std::string reload = run_page(
      {"--duration", "10m", "--warmup", "0s", "--set",
       R"(/faults=[{"kind":"maintenance","target":"web","mode":"reload","at":"2m","duration":"30s"}])"},
      "scenarios/single-server.json");
  EXPECT_EQ(count(reload, "<title>web reload</title>"), 5u) << "reload";
}

TEST(RunPageCli, DowntimeKeepsItsOwnShadingBesideTheFaults) {
  // A nightly restart of the web server: downtime, labelled with its target and cause.
  const std::string page = run_page({"--duration", "1d"}, "scenarios/maintenance-restart.json");
  EXPECT_GE(count(page, "<title>web maintenance</title>"), 5u);
  EXPECT_NE(page.find("down (target and cause on the band)"), std::string::npos);
  EXPECT_EQ(page.find("degraded: a fault that slows or disturbs"), std::string::npos);
}

TEST(RunPageCli, TheTimeAxisIsTheScenarioClock) {
  const std::string page = run_page({}, "scenarios/retry-storm.json");
  EXPECT_NE(page.find(">scenario clock (min)</text>"), std::string::npos);
  EXPECT_NE(page.find("the measured span begins where the warm-up ends"), std::string::npos);
}

}  // namespace
}  // namespace stacksim::testing
