#pragma once

// The JSON pointers of a scenario document, for shell completion of --set and --vary.

#include <string>
#include <vector>

namespace stacksim::scenario {

// Every value of the JSON file at `path` (comments allowed) as a JSON pointer, in document order,
// the root left out: "/name", "/hosts", "/hosts/server1", "/hosts/server1/cores", ... Empty when
// the file cannot be read or is not JSON.
[[nodiscard]] std::vector<std::string> document_pointers(const std::string& path);

}  // namespace stacksim::scenario
