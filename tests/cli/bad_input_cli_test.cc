// Hostile and careless input through the real command: scenarios that validate but could not be
// run (huge populations, a time series of billions of rows, absurd rates, a CNAME loop), input
// files that are not files, too large or outside the scenario's folder, and command-line values
// that used to be taken wrongly. Each is a clear error with its exit code, at once.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "tests/support/files.h"
#include "tests/support/stacksim_process.h"

namespace stacksim::testing {
namespace {

namespace fs = std::filesystem;

// A valid one-station scenario; `extra` is spliced into its top-level object.
std::string station_scenario(const std::string& workload_arrivals, const std::string& extra = "") {
  return R"({"name": "t", "duration": "10s", )" + extra +
         R"("components": {"server": {"kind": "station", "servers": 1,
              "service": {"dist": "exponential", "mean": "10ms"}}},
            "workload": {"arrivals": )" +
         workload_arrivals + R"(, "mix": [{"name": "r", "weight": 1, "path": ["server"]}]}})";
}

const std::string kPoisson = R"({"process": "poisson", "rate": 50})";

// Writes `text` to `name` in `dir` and returns its path.
std::string write(const TempDir& dir, const std::string& name, const std::string& text) {
  std::ofstream(dir / name) << text;
  return (dir / name).string();
}

void expect_invalid(const ProcessResult& result, const std::string& pointer,
                    const std::string& words) {
  EXPECT_EQ(result.exit_code, 65) << result.err;
  EXPECT_NE(result.err.find(pointer), std::string::npos) << result.err;
  EXPECT_NE(result.err.find(words), std::string::npos) << result.err;
  EXPECT_TRUE(result.out.empty()) << result.out;
}

TEST(BadInput, BillionClientsIsRefusedNotAllocated) {
  const TempDir dir("bad-clients");
  const auto path = write(dir, "s.json", station_scenario(kPoisson));
  expect_invalid(run_stacksim({"validate", path, "--set", "/workload/clients=1000000000"}),
                 "/workload/clients", "between 1 and 1000000");
}

TEST(BadInput, BillionUsersIsRefused) {
  const TempDir dir("bad-users");
  const auto path =
      write(dir, "s.json", station_scenario(R"({"process": "closed", "users": 1000000000})"));
  expect_invalid(run_stacksim({"run", path}), "/workload/arrivals/users", "between 1 and 100000");
}

TEST(BadInput, ReportIntervalGivingBillionsOfRowsIsRefused) {
  const TempDir dir("bad-interval");
  const auto path =
      write(dir, "s.json", station_scenario(kPoisson, R"("report": {"interval": "1ns"}, )"));
  expect_invalid(run_stacksim({"validate", path}), "/report/interval",
                 "10000000000 time-series rows");
  // The error names the shortest interval that fits: 10 s / 100,000 rounded up to a second.
  expect_invalid(run_stacksim({"validate", path}), "/report/interval",
                 "make it at least 1s (--set /report/interval=1s)");
}

TEST(BadInput, RateBeyondTheClockIsRefused) {
  const TempDir dir("bad-rate");
  const auto path =
      write(dir, "s.json", station_scenario(R"({"process": "poisson", "rate": 1e308})"));
  expect_invalid(run_stacksim({"run", path}), "/workload/arrivals/rate",
                 "a rate above 1e9 per second");
}

TEST(BadInput, RunOfBillionsOfArrivalsNeedsForce) {
  const TempDir dir("bad-size");
  const auto path =
      write(dir, "s.json", station_scenario(R"({"process": "poisson", "rate": 1e9})"));
  expect_invalid(run_stacksim({"run", path}), "/workload/arrivals/rate", "--force");
  expect_invalid(run_stacksim({"validate", path}), "/workload/arrivals/rate", "1e+10 arrivals");
  const auto forced = run_stacksim({"validate", path, "--force"});
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_EQ(forced.out, "ok\n");
}

TEST(BadInput, CnameLoopIsAValidationErrorNamingTheLoop) {
  const std::string loop = R"(/components/dns/records=[
      {"name": "www.foobar.com", "type": "CNAME", "value": "foobar.com"},
      {"name": "foobar.com", "type": "CNAME", "value": "www.foobar.com"}])";
  expect_invalid(run_stacksim({"validate", "scenarios/single-server.json", "--set", loop}),
                 "/components/dns/records/0",
                 "CNAME loop: www.foobar.com -> foobar.com -> www.foobar.com");
  const std::string self = R"(/components/dns/records=[
      {"name": "www.foobar.com", "type": "CNAME", "value": "www.foobar.com"}])";
  expect_invalid(run_stacksim({"run", "scenarios/single-server.json", "--set", self}),
                 "/components/dns/records/0", "CNAME loop: www.foobar.com -> www.foobar.com");
}

TEST(BadInput, DeviceAndFifoAreNotScenarios) {
  const auto zero = run_stacksim({"validate", "/dev/zero"});
  EXPECT_EQ(zero.exit_code, 66);
  EXPECT_NE(zero.err.find("/dev/zero: cannot read scenario file: not a regular file"),
            std::string::npos)
      << zero.err;
  const TempDir dir("bad-fifo");
  ASSERT_EQ(::mkfifo((dir / "s.json").c_str(), 0600), 0);
  const auto fifo =
      run_stacksim({"validate", (dir / "s.json").string()});  // no writer: would block
  EXPECT_EQ(fifo.exit_code, 66);
  EXPECT_NE(fifo.err.find("not a regular file"), std::string::npos) << fifo.err;
}

TEST(BadInput, ScenarioLargerThan64MiBIsRefusedUnread) {
  const TempDir dir("bad-big");
  const fs::path big = dir / "big.json";
  std::ofstream(big) << "{}";
  fs::resize_file(big, (std::uintmax_t{64} << 20) + 1);  // sparse: costs no disk
  const auto result = run_stacksim({"validate", big.string()});
  EXPECT_EQ(result.exit_code, 66);
  EXPECT_NE(result.err.find("larger than 64 MiB"), std::string::npos) << result.err;
}

TEST(BadInput, ScenarioFromStandardInput) {
  const TempDir dir("stdin");
  const auto path = write(dir, "s.json", station_scenario(kPoisson));
  const std::string out = (dir / "out").string();
  const std::string command = std::string(STACKSIM_BINARY) + " validate - < " + path + " > " + out;
  EXPECT_EQ(std::system(command.c_str()), 0);
  EXPECT_EQ(read_file(out), "ok\n");
}

TEST(BadInput, TraceOutsideTheScenarioFolderIsRefusedUnlessAllowed) {
  const TempDir dir("trace-outside");
  fs::create_directory(dir / "lab");
  // Not a trace: a password file's lines must never be echoed.
  write(dir, "secret.txt",
        "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n");
  const auto path = write(dir, "lab/s.json",
                          station_scenario(R"({"process": "trace", "file": "../secret.txt"})"));
  const auto refused = run_stacksim({"validate", path});
  expect_invalid(refused, "/workload/arrivals/file", "outside the scenario's folder");
  EXPECT_NE(refused.err.find("--allow-outside-files"), std::string::npos);

  fs::create_symlink("../secret.txt", dir / "lab" / "inside.csv");  // a link out counts as out
  const auto linked = write(dir, "lab/linked.json",
                            station_scenario(R"({"process": "trace", "file": "inside.csv"})"));
  expect_invalid(run_stacksim({"validate", linked}), "/workload/arrivals/file",
                 "outside the scenario's folder");

  const auto allowed = run_stacksim({"validate", path, "--allow-outside-files"});
  EXPECT_EQ(allowed.exit_code, 65);
  EXPECT_NE(allowed.err.find("line 2: expected an arrival time in seconds, got a text of"),
            std::string::npos)
      << allowed.err;
  EXPECT_EQ(allowed.err.find("daemon"), std::string::npos) << "quoted the file: " << allowed.err;
}

TEST(BadInput, NegativeSeedIsACommandLineError) {
  const auto result = run_stacksim({"run", "scenarios/mm1.json", "--seed", "-1"});
  EXPECT_EQ(result.exit_code, 64);
  EXPECT_NE(result.err.find("must be an integer from 0 to 18446744073709551615, got -1"),
            std::string::npos)
      << result.err;
}

TEST(BadInput, ZeroReplicationsSaysAtLeastOne) {
  const auto result = run_stacksim({"run", "scenarios/mm1.json", "--replications", "0"});
  EXPECT_EQ(result.exit_code, 64);
  EXPECT_NE(result.err.find("must be an integer of at least 1, got 0"), std::string::npos)
      << result.err;
  EXPECT_EQ(result.err.find("179769"), std::string::npos) << result.err;
}

TEST(BadInput, HugeDurationSaysHowLongIsAllowed) {
  for (const char* duration : {"365000d", "1e308", "1e400s"}) {
    const auto result = run_stacksim({"validate", "scenarios/mm1.json", "--duration", duration});
    expect_invalid(result, "/duration", "duration too large (at most about 292 years)");
  }
}

TEST(BadInput, ControlCharactersInNamesAreEscaped) {
  const TempDir dir("escape");
  const std::string esc = "\\u001b[2J\\u001b]0;pwned\\u0007";
  const auto path = write(dir, "s.json",
                          R"({"name": "x)" + esc + R"(", "duration": "10s",
          "components": {"srv)" +
                              esc + R"(": {"kind": "station", "servers": 1,
              "service": {"dist": "exponential", "mean": "10ms"}}},
          "workload": {"arrivals": {"process": "poisson", "rate": 10},
              "mix": [{"name": "r)" +
                              esc + R"(", "weight": 1, "path": ["srv)" + esc + R"("]}]}})");
  const auto run = run_stacksim({"run", path});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out.find('\x1b'), std::string::npos) << "raw ESC in the summary";
  EXPECT_EQ(run.out.find('\x07'), std::string::npos);
  EXPECT_NE(run.out.find("x\\x1b[2J\\x1b]0;pwned\\x07"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("srv\\x1b[2J"), std::string::npos) << run.out;

  const auto bad = run_stacksim({"validate", path, "--set", "/components/srv\x1b[2J=1"});
  EXPECT_EQ(bad.exit_code, 65);
  EXPECT_EQ(bad.err.find('\x1b'), std::string::npos) << "raw ESC in an error";
}

}  // namespace
}  // namespace stacksim::testing
