#include "tests/browser/headless_chromium.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <sstream>
#include <vector>

#include "tests/support/files.h"

namespace stacksim::testing {

std::string chromium_path() {
  if (const char* env = std::getenv("STACKSIM_CHROMIUM"); env && *env) return env;
  if (std::filesystem::exists("/usr/bin/chromium")) return "/usr/bin/chromium";
  return "";
}

RenderResult render_page(const std::string& chromium, const std::filesystem::path& html,
                         const std::filesystem::path& work_dir) {
  RenderResult result;
  std::filesystem::create_directories(work_dir / "profile");
  result.screenshot = work_dir / "screenshot.png";
  const std::string out_path = (work_dir / "dom.html").string();
  const std::string err_path = (work_dir / "log.txt").string();
  const std::vector<std::string> args = {
      chromium,
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-extensions",
      "--user-data-dir=" + (work_dir / "profile").string(),
      "--host-resolver-rules=MAP * ~NOTFOUND",
      "--enable-logging=stderr",
      "--log-level=0",
      "--window-size=1100,1400",
      "--screenshot=" + result.screenshot.string(),
      "--dump-dom",
      "file://" + std::filesystem::absolute(html).string(),
  };
  const pid_t pid = fork();
  if (pid == 0) {
    const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(out, STDOUT_FILENO);
    dup2(err, STDERR_FILENO);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.dom = read_file(out_path);
  result.log = read_file(err_path);
  std::istringstream lines(result.log);
  for (std::string line; std::getline(lines, line);) {
    if (line.find(":CONSOLE") != std::string::npos) result.console += line + "\n";
  }
  return result;
}

}  // namespace stacksim::testing
