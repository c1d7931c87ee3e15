#include "scenario/price_parser.h"

#include <array>
#include <string_view>

#include "scenario/json_text.h"
#include "scenario/overrides.h"

namespace stacksim::scenario {

models::PriceSpec read_prices(Validator& validator, const Json& value, const std::string& pointer) {
  static constexpr std::array<std::string_view, 4> kKeys = {"core", "memory_gib", "host",
                                                            "managed_lb"};
  ObjectFields fields(validator, value, pointer, kKeys);
  models::PriceSpec prices;
  const NumberRange money = NumberRange::non_negative();
  prices.core_per_month = fields.number("core", money).value_or(prices.core_per_month);
  prices.memory_gib_per_month =
      fields.number("memory_gib", money).value_or(prices.memory_gib_per_month);
  prices.host_per_month = fields.number("host", money).value_or(prices.host_per_month);
  prices.managed_lb_per_month =
      fields.number("managed_lb", money).value_or(prices.managed_lb_per_month);
  return prices;
}

std::optional<models::PriceSpec> scenario_prices(const LoadResult& loaded,
                                                 const std::vector<Override>& overrides) {
  if (loaded.status != LoadStatus::kOk) return std::nullopt;
  ParsedJson parsed = parse_json_text(loaded.text, "");
  if (!parsed.document) return std::nullopt;
  if (!apply_overrides(*parsed.document, overrides, "").empty()) return std::nullopt;
  const auto prices = parsed.document->find("prices");
  if (prices == parsed.document->end()) return std::nullopt;
  Validator validator("");
  return read_prices(validator, *prices, "/prices");
}

}  // namespace stacksim::scenario
