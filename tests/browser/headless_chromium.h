#pragma once

#include <filesystem>
#include <string>

// Headless Chromium for the render tests: loads one local HTML file with every network request
// refused, and returns the rendered DOM, the console messages and a screenshot.
namespace stacksim::testing {

// The browser to use: $STACKSIM_CHROMIUM when set, else /usr/bin/chromium; empty when neither
// exists.
[[nodiscard]] std::string chromium_path();

struct RenderResult {
  int exit_code = -1;
  std::string dom;                   // --dump-dom: the DOM after layout, serialised
  std::string console;               // the lines of the browser's log that are console messages
  std::string log;                   // the whole log, for failure messages
  std::filesystem::path screenshot;  // a PNG, 1100 x 1400
};

// Loads `html` (a local file) in a fresh headless Chromium (own profile in `work_dir`, no
// sandbox, no GPU, no background networking, every host name resolving to nothing) and waits
// for it to finish.
[[nodiscard]] RenderResult render_page(const std::string& chromium,
                                       const std::filesystem::path& html,
                                       const std::filesystem::path& work_dir);

}  // namespace stacksim::testing
