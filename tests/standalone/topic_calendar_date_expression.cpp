// Only the header that declares parse_date.
#include "miyagiplan/calendar/date_expression.hpp"

int main() {
  const miyagiplan::date_expression d = miyagiplan::parse_date("令和7年度");
  return miyagiplan::to_string(d.kind()).empty() ? 1 : 0;
}
