// What the era test programs share (each runs its cases in processes of their own, since an
// added era changes the process's era table).
#pragma once

#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "miyagiplan/calendar.hpp"

namespace era_tests {

inline std::string iso(miyagiplan::sys_days s) {
  char buf[miyagiplan::max_formatted_date];
  return std::string(buf, miyagiplan::format_date_to(buf, s, miyagiplan::date_style::iso));
}

inline miyagiplan::sys_days day(int y, unsigned m, unsigned d) { return miyagiplan::days_from_civil(y, m, d); }

// Eight eras added one after another while readers run: the n-th (from 0) starts 2031+2n-01-01.
struct successive_era {
  const char* name;
  const char* romaji;
  char letter;
};
inline constexpr successive_era successive_eras[] = {{"甲", "Ko", 'A'},  {"乙", "Otsu", 'B'}, {"丙", "Hei", 'C'},
                                                     {"丁", "Tei", 'D'}, {"戊", "Bo", 'E'},   {"己", "Ki", 'G'},
                                                     {"庚", "Kou", 'I'}, {"辛", "Shin", 'J'}};
inline miyagiplan::sys_days successive_first_day(int n) { return day(2031 + 2 * n, 1, 1); }

// Adds the eight successive eras, each by `add(era, first_day)` (false for a wrong result), while
// three threads read the era table over and over. Whichever table a reader sees, a day before the
// first new era formats as it did and 2045-06-01 has an era that has begun by then; `reads_well()`
// checks what else the program's readers may see. Then nothing went wrong and the last era is 辛.
template <class ReadsWell, class Add>
void add_successive_eras_under_readers(ReadsWell reads_well, Add add) {
  using namespace miyagiplan;
  std::atomic<bool> stop{false};
  std::atomic<int> bad{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 3; ++t)
    readers.emplace_back([&] {
      while (!stop.load()) {
        if (format_date(day(2030, 12, 31)) != "令和12年12月31日") ++bad;
        const auto e = era_of(day(2045, 6, 1));
        if (!e || !is_known(*e) || info(*e).first_serial > day(2045, 6, 1)) ++bad;
        if (!reads_well()) ++bad;
      }
    });
  for (int i = 0; i < 8; ++i)
    if (!add(successive_eras[i], successive_first_day(i))) ++bad;
  stop = true;
  for (auto& r : readers) r.join();
  CHECK(bad.load() == 0);
  CHECK(era_list().size() == 13);
  CHECK(format_date(day(2045, 6, 1)) == "辛元年6月1日");
}

}  // namespace era_tests
