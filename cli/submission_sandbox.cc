#include "cli/submission_sandbox.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <system_error>
#include <thread>

#include "cli/exit_codes.h"

#if defined(__SANITIZE_ADDRESS__)
#define STACKSIM_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define STACKSIM_ASAN 1
#endif
#endif

namespace stacksim::cli {

namespace fs = std::filesystem;

namespace {

bool is_scenario_name(const fs::path& path) { return path.extension() == ".json"; }

std::string read_text(const fs::path& path, std::size_t max_bytes = 64 * 1024) {
  std::ifstream in(path, std::ios::binary);
  std::string text(max_bytes, '\0');
  in.read(text.data(), static_cast<std::streamsize>(max_bytes));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}

std::string first_line(const std::string& text) {
  const auto end = text.find('\n');
  return text.substr(0, end);
}

// Child side, after fork: limits, folder, descriptors, then exec. Only async-signal-safe calls.
[[noreturn]] void exec_child(const std::string& exe, const std::vector<std::string>& args,
                             const std::vector<std::string>& env, const std::string& folder,
                             const std::string& err_path, const SandboxLimits& limits) {
  const rlim_t cpu = static_cast<rlim_t>(limits.cpu_seconds);
  rlimit limit{cpu, cpu + 1};
  setrlimit(RLIMIT_CPU, &limit);
#ifndef STACKSIM_ASAN
  limit = {static_cast<rlim_t>(limits.memory_bytes), static_cast<rlim_t>(limits.memory_bytes)};
  setrlimit(RLIMIT_AS, &limit);
#endif
  limit = {static_cast<rlim_t>(limits.file_size_bytes),
           static_cast<rlim_t>(limits.file_size_bytes)};
  setrlimit(RLIMIT_FSIZE, &limit);
  limit = {0, 0};
  setrlimit(RLIMIT_CORE, &limit);
  if (chdir(folder.c_str()) != 0) _exit(kExitSoftware);
  const int null_fd = open("/dev/null", O_RDWR);
  const int err_fd = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (null_fd < 0 || err_fd < 0) _exit(kExitSoftware);
  dup2(null_fd, STDIN_FILENO);
  dup2(null_fd, STDOUT_FILENO);
  dup2(err_fd, STDERR_FILENO);
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  execve(exe.c_str(), argv.data(), envp.data());
  _exit(127);
}

// A child that sleeps or waits uses no CPU time; it is stopped after this much real time, which
// leaves room for a loaded machine (where CPU time accrues slower than real time).
int wall_seconds(const SandboxLimits& limits) { return 4 * limits.cpu_seconds + 10; }

struct Running {
  std::size_t index = 0;
  std::chrono::steady_clock::time_point deadline;
  bool killed_for_time = false;
};

void finish_row(SubmissionRow& row, int status, bool killed_for_time, const fs::path& json_path,
                const fs::path& err_path, const SandboxLimits& limits) {
  const std::string err = read_text(err_path);
  if (killed_for_time) {
    row.status = "limit";
    row.reason = "exceeded the wall-clock limit (" + std::to_string(wall_seconds(limits)) + " s)";
    return;
  }
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    if (sig == SIGXCPU || sig == SIGKILL) {
      row.status = "limit";
      row.reason = "exceeded the CPU-time limit (" + std::to_string(limits.cpu_seconds) + " s)";
    } else {
      row.status = "error";
      row.reason = std::string("the grader crashed on it (") + strsignal(sig) + ")";
    }
    return;
  }
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : kExitSoftware;
  if (code == kExitOk || code == 1) {
    try {
      const auto results = nlohmann::json::parse(read_text(json_path, 4 << 20));
      row.score = results.at("score").get<double>();
      std::vector<std::string> missed;
      for (const auto& test : results.at("tests")) {
        if (test.value("status", "") != "passed") missed.push_back(test.value("name", "?"));
      }
      row.status = missed.empty() ? "passed" : "failed";
      for (const auto& name : missed) row.reason += (row.reason.empty() ? "missed: " : "; ") + name;
      return;
    } catch (const std::exception&) {
      row.status = "error";
      row.reason = "the grader wrote no results";
      return;
    }
  }
  if (code == kExitDataError || code == kExitNoInput) {
    row.status = "invalid";
    row.reason = first_line(err);
    if (row.reason.empty()) row.reason = "not a valid scenario";
    return;
  }
  if (err.find("bad_alloc") != std::string::npos) {
    row.status = "limit";
    row.reason =
        "exceeded the memory limit (" + std::to_string(limits.memory_bytes >> 20) + " MiB)";
    return;
  }
  row.status = "error";
  row.reason = "exit " + std::to_string(code) + ": " + first_line(err);
}

}  // namespace

std::vector<fs::path> submission_files(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const fs::path name = entry.path().filename();
    if (entry.is_directory(ec) && !entry.is_symlink(ec)) {
      std::error_code inner;
      for (const auto& sub : fs::directory_iterator(entry.path(), inner)) {
        if (is_scenario_name(sub.path())) files.push_back(name / sub.path().filename());
      }
    } else if (is_scenario_name(name)) {
      files.push_back(name);
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<SubmissionRow> grade_in_sandbox(const std::string& lab_id, const fs::path& labs_dir,
                                            const fs::path& dir, const std::vector<fs::path>& files,
                                            double max_score, const SandboxLimits& limits,
                                            int jobs) {
  std::vector<SubmissionRow> rows(files.size());
  std::error_code ec;
  const std::string exe = fs::read_symlink("/proc/self/exe", ec).string();
  const fs::path root = fs::canonical(dir, ec);
  char scratch_template[] = "/tmp/stacksim-grade-XXXXXX";
  const char* scratch_c = mkdtemp(scratch_template);
  const fs::path scratch = scratch_c != nullptr ? fs::path(scratch_c) : fs::temp_directory_path();
  std::vector<std::string> env = {"STACKSIM_LABS=" + fs::absolute(labs_dir).string(),
                                  "PATH=/usr/bin:/bin", "LC_ALL=C"};

  std::map<pid_t, Running> running;
  std::size_t next = 0;
  auto json_of = [&](std::size_t i) { return scratch / (std::to_string(i) + ".json"); };
  auto err_of = [&](std::size_t i) { return scratch / (std::to_string(i) + ".err"); };
  while (next < files.size() || !running.empty()) {
    while (next < files.size() && static_cast<int>(running.size()) < std::max(1, jobs)) {
      const std::size_t i = next++;
      SubmissionRow& row = rows[i];
      row.file = files[i].string();
      row.max_score = max_score;
      std::error_code file_ec;
      const fs::path real = fs::canonical(dir / files[i], file_ec);
      const auto mismatch = std::mismatch(root.begin(), root.end(), real.begin(), real.end());
      if (file_ec || mismatch.first != root.end() || !fs::is_regular_file(real, file_ec)) {
        row.status = "rejected";
        row.reason = "not a regular file inside the submissions folder";
        continue;
      }
      const std::vector<std::string> args = {
          "stacksim",          "lab",     "check",     lab_id, real.string(), "--json",
          json_of(i).string(), "--quiet", "--threads", "1"};
      const pid_t pid = fork();
      if (pid == 0) {
        exec_child(exe, args, env, real.parent_path().string(), err_of(i).string(), limits);
      }
      if (pid < 0) {
        row.status = "error";
        row.reason = std::string("cannot start a process: ") + std::strerror(errno);
        continue;
      }
      running[pid] = {
          i, std::chrono::steady_clock::now() + std::chrono::seconds(wall_seconds(limits))};
    }
    int status = 0;
    const pid_t done = waitpid(-1, &status, WNOHANG);
    if (done > 0) {
      const auto it = running.find(done);
      if (it == running.end()) continue;
      const std::size_t i = it->second.index;
      finish_row(rows[i], status, it->second.killed_for_time, json_of(i), err_of(i), limits);
      running.erase(it);
      continue;
    }
    const auto now = std::chrono::steady_clock::now();
    for (auto& [pid, run] : running) {
      if (!run.killed_for_time && now > run.deadline) {
        kill(pid, SIGKILL);
        run.killed_for_time = true;
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (scratch_c != nullptr) fs::remove_all(scratch, ec);
  return rows;
}

}  // namespace stacksim::cli
