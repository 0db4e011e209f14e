// The quantity parser. The first byte picks a unit (those of the bundled plan, and scaled ones);
// the rest is the text. Any text either fails with a parse_error or reads to a finite number or
// a state; a number written back by format_quantity (and quantity::of) reads back to the same
// value, and the text is kept as given.
#include <cmath>
#include <iterator>

#include "fuzz_common.hpp"

using namespace miyagiplan;

namespace {

// The units of the bundled plan, then units with every scale prefix, ％ written both ways, and
// no unit at all (the base unit of value_base columns). A corpus file starts with 'A' + index.
constexpr const char* unit_symbols[] = {
    "件", "％", "百万円", "億円", "人", "人・団体", "回／年", "位", "校", "点", "所属",
    "万件", "千件", "千万円", "兆円", "%", "", "円", "万人", "千人",
};

std::string describe(const quantity& q) {
  char value[64];
  std::snprintf(value, sizeof value, "%.17g", q.value);
  return std::string(to_string(q.state)) + " " + value + " " + fuzz::shown(q.text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const unit u = unit::parse(unit_symbols[static_cast<std::uint8_t>(data[0] - 'A') % std::size(unit_symbols)]);
  const std::string_view text = fuzz::as_text(data + 1, size - 1);
  quantity q;
  try {
    q = parse_quantity(text, u);
  } catch (const parse_error& e) {
    FUZZ_CHECK(e.input() == text, "the error quotes the input");
    return 0;
  }
  FUZZ_CHECK(q.text == text, describe(q));
  if (!q.is_number()) {
    FUZZ_CHECK(q.value == 0, describe(q));
    return 0;
  }
  FUZZ_CHECK(std::isfinite(q.value), describe(q));
  // Written back in the unit, the number reads back the same: to the last bit.
  const std::string written = format_quantity(q.value, u);
  quantity back;
  try {
    back = parse_quantity(written, u);
  } catch (const parse_error& e) {
    fuzz::fail(__FILE__, __LINE__, "format_quantity's text reads back",
               describe(q) + " → " + fuzz::shown(written) + ": " + e.what());
  }
  FUZZ_CHECK(back.is_number() && back.value == q.value, describe(q) + " → " + describe(back));
  // quantity::of writes the same text, and the written text is stable.
  const quantity made = quantity::of(q.value, u);
  FUZZ_CHECK(made.text == written && made.value == q.value, describe(made));
  FUZZ_CHECK(format_quantity(back.value, u) == written, written);
  // The display value is the value in the unit as written.
  FUZZ_CHECK(std::isfinite(q.display_value(u)), describe(q));
  return 0;
}
