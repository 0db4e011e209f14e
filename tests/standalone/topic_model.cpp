// Only the topic header: a quantity formatted and read back.
#include "miyagiplan/model.hpp"

int main() {
  const miyagiplan::unit u = miyagiplan::unit::parse("件");
  const std::string text = miyagiplan::format_quantity(12.0, u);
  return miyagiplan::parse_quantity(text, u) == miyagiplan::quantity::of(12.0, u) ? 0 : 1;
}
