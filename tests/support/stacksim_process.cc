#include "tests/support/stacksim_process.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <utility>

#include "tests/support/files.h"

namespace stacksim::testing {

ProcessResult run_stacksim(const std::vector<std::string>& args) {
  const TempDir dir;  // the child's standard output and error, removed on return
  const std::string out_path = (dir / "stdout").string();
  const std::string err_path = (dir / "stderr").string();
  ProcessResult result;
  const pid_t pid = fork();
  if (pid == 0) {
    if (chdir(STACKSIM_SOURCE_DIR) != 0) _exit(127);
    const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(out, STDOUT_FILENO);
    dup2(err, STDERR_FILENO);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(STACKSIM_BINARY));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(STACKSIM_BINARY, argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = read_file(out_path);
  result.err = read_file(err_path);
  return result;
}

nlohmann::json run_json(std::vector<std::string> args) {
  args.insert(args.end(), {"--json", "-"});
  const ProcessResult result = run_stacksim(args);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  if (result.exit_code != 0) return nlohmann::json::object();
  return nlohmann::json::parse(result.out);
}

nlohmann::json run_report(const std::string& scenario, const std::vector<std::string>& extra) {
  std::vector<std::string> args = {"run", scenario, "--quiet"};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_json(std::move(args));
}

}  // namespace stacksim::testing
