#pragma once

// The JSON Schema (draft 2020-12) of the run report (`stacksim run --json`): the text of
// schema/report.schema.json, compiled in. A test validates real reports against it.

#include <string_view>

namespace stacksim::reports {

[[nodiscard]] std::string_view report_schema_text();

}  // namespace stacksim::reports
