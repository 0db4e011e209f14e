// Only the topic header: a report format by its name, and a number as reports write it.
#include "miyagiplan/report.hpp"

int main() {
  const bool named = miyagiplan::report_format_named("md") == miyagiplan::report_format::markdown;
  return named && miyagiplan::present::format_number(2280, 0) == "2,280" ? 0 : 1;
}
