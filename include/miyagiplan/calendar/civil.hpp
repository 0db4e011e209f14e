// The day is the hub every calendar meets at: a std::chrono time point counting days since
// 1970-01-01 (the epoch of std::chrono::sys_days and numpy's datetime64[D]) in 32 bits. Gregorian, 和暦 and 年度 each convert
// only through it. The civil algorithms are Howard Hinnant's, rewritten for this project.
#pragma once

#include <chrono>
#include <cstdint>
#include <ratio>
#include <string>

namespace miyagiplan {

// A count of days in 32 bits, and a day as a time point on the system clock: std::chrono::sys_days
// with a compact count. It converts implicitly from and to std::chrono::sys_days.
using day_count = std::chrono::duration<std::int32_t, std::ratio<86400>>;
using sys_days = std::chrono::time_point<std::chrono::system_clock, day_count>;

struct civil_date {
  int year = 1970;
  unsigned month = 1;  // 1..12
  unsigned day = 1;    // 1..31
  friend constexpr bool operator==(const civil_date&, const civil_date&) = default;
};

constexpr bool is_leap_year(int y) noexcept {
  return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

constexpr unsigned last_day_of_month(int y, unsigned m) noexcept {
  constexpr unsigned char days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap_year(y) ? 29u : days[(m - 1) % 12];
}

constexpr bool is_valid(const civil_date& c) noexcept {
  return c.month >= 1 && c.month <= 12 && c.day >= 1 && c.day <= last_day_of_month(c.year, c.month);
}

// Days since 1970-01-01 of a proleptic Gregorian date. Years are shifted to start in March so
// that the leap day is the last day of the shifted year.
constexpr sys_days days_from_civil(int y, unsigned m, unsigned d) noexcept {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);            // [0, 399]
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  // [0, 365]
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           // [0, 146096]
  return sys_days(day_count(era * 146097 + static_cast<int>(doe) - 719468));
}

constexpr sys_days days_from_civil(const civil_date& c) noexcept {
  return days_from_civil(c.year, c.month, c.day);
}

constexpr civil_date civil_from_days(sys_days day) noexcept {
  const int z = day.time_since_epoch().count() + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);                // [0, 146096]
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
  const unsigned mp = (5 * doy + 2) / 153;                                     // [0, 11]
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;                             // [1, 31]
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;                                // [1, 12]
  return {static_cast<int>(yoe) + era * 400 + (m <= 2), m, d};
}

// A closed span of days, first ≤ last.
struct day_span {
  sys_days first{};
  sys_days last{};
  constexpr bool contains(sys_days s) const noexcept { return first <= s && s <= last; }
  constexpr int length() const noexcept { return (last - first).count() + 1; }
  friend constexpr bool operator==(const day_span&, const day_span&) = default;
};

// The days of a count since the epoch, and back (for numpy's datetime64[D] and archives).
constexpr sys_days from_day_count(std::int32_t n) noexcept { return sys_days(day_count(n)); }
constexpr std::int32_t day_count_of(sys_days d) noexcept { return d.time_since_epoch().count(); }

// The years supported: those boost::gregorian::date can hold, as the archives and the
// converters of calendar/boost_date.hpp need.
inline constexpr int min_supported_year = 1400;
inline constexpr int max_supported_year = 9999;

namespace detail {
// YYYY-MM-DD, for messages: what every error that names a day writes (the writer's styles are not
// needed for it).
inline std::string day_text(sys_days d) {
  const civil_date c = civil_from_days(d);
  std::string out = std::to_string(c.year) + (c.month < 10 ? "-0" : "-") + std::to_string(c.month);
  return out + (c.day < 10 ? "-0" : "-") + std::to_string(c.day);
}
}  // namespace detail

}  // namespace miyagiplan
