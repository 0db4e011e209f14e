// What the era test programs share (each runs its cases in processes of their own, since an
// added era changes the process's era table).
#pragma once

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

}  // namespace era_tests
