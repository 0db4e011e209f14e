// Only the topic header: a date read, a day in 和暦.
#include "miyagiplan/calendar.hpp"

int main() {
  using namespace std::chrono;
  return miyagiplan::to_western("平成25年4月1日") == sys_days{year{2013} / 4 / 1} ? 0 : 1;
}
