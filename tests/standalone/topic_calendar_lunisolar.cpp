// Only the header that declares the lunisolar calendar.
#include "miyagiplan/calendar/lunisolar.hpp"

int main() {
  const auto d = miyagiplan::to_lunisolar(miyagiplan::days_from_civil(1872, 12, 31));
  return d && miyagiplan::format_lunisolar(*d) == "明治5年12月2日" ? 0 : 1;
}
