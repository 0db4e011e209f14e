// Days before 1873: the eras from 大化 (645) and the lunisolar calendar (旧暦) Japan kept until
// 明治5年12月2日 = 1872-12-31. Its tables (data/calendar/, after 内田正男『日本暦日原典』) are
// compiled in. An era year before 1873 is a lunisolar year: 慶応3年 is 1867-02-05 … 1868-01-24.
#pragma once

// Header-only mode: the outermost public header includes the definitions at its end.
#if defined(MIYAGIPLAN_HEADER_ONLY) && !defined(MIYAGIPLAN_OUTERMOST_HEADER)
#define MIYAGIPLAN_OUTERMOST_HEADER
#define MIYAGIPLAN_OUTERMOST_CALENDAR_LUNISOLAR_HPP
#endif

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "miyagiplan/calendar/civil.hpp"
#include "miyagiplan/config.hpp"

namespace miyagiplan {

// The first day of the Gregorian calendar in Japan (明治6年1月1日); every day before it is a
// lunisolar day here.
inline constexpr sys_days gregorian_reform_serial = days_from_civil(1873, 1, 1);

// The court whose eras a day is named in, for 1331–1392 when there were two (南朝 and 北朝).
enum class court : std::uint8_t { both, south, north };

// An era before 1873 (明治 included, for its lunisolar years 元年–5年).
struct historical_era {
  std::string_view kanji;        // 慶応
  int first_year = 0;            // the lunisolar year of 元年 (its Western number)
  sys_days first_day;            // the first day it names (proleptic Gregorian)
  sys_days end_day;              // the first day after it (明治: 1873-01-01)
  miyagiplan::court court = court::both;
  friend constexpr bool operator==(const historical_era&, const historical_era&) = default;
};

// The era of that name, nullopt when none before 1873 has it. (No name in the table is used
// twice; the table's generator refuses one that would be.)
MIYAGIPLAN_FUNC std::optional<historical_era> find_historical_era(std::string_view kanji) noexcept;

// A day in the lunisolar calendar: 天保14年閏9月1日 is {"天保", 14, 9, true, 1}.
struct lunisolar_date {
  std::string_view era;  // a name find_historical_era knows
  int year = 1;          // 1 is 元年
  unsigned month = 1;    // 1..12
  bool leap = false;     // 閏: the leap month after `month`
  unsigned day = 1;      // 1..30
  friend constexpr bool operator==(const lunisolar_date&, const lunisolar_date&) = default;
};

// The first and last lunisolar years the tables hold (445–1872).
inline constexpr int first_lunisolar_year = 445;
inline constexpr int last_lunisolar_year = 1872;

// The days of a lunisolar year (its Western number: 1867 is 慶応3年), or of one of its months
// (leap: its 閏 month). Throw range_error for a year outside 445–1872, a month 0 or past 12, a
// 閏 month the year has not.
MIYAGIPLAN_FUNC day_span lunisolar_year_days(int year);
MIYAGIPLAN_FUNC day_span lunisolar_month_days(int year, unsigned month, bool leap = false);
// The month after which the year has its leap month, 0 for none (range_error outside 445–1872).
MIYAGIPLAN_FUNC unsigned lunisolar_leap_month(int year);

// The day a lunisolar date names. Throws range_error for an unknown era, a year before 1 or
// outside the tables, a month or 閏 month the year has not, a day past the month's length, or
// a day outside the era (before its first day or from its end on).
MIYAGIPLAN_FUNC sys_days to_gregorian(const lunisolar_date& d);

// A day before 1873 as the lunisolar calendar named it, in the era then in force; nullopt
// outside 445-02-… to 1872-12-31 and on the days no era named (654–686, 686–701). For 1331–1392
// `prefer` chooses the court (南朝 by default: the line the 1911 ruling took as legitimate); an
// era of the court itself wins over one marked for both. Where two eras name a day (慶応4年 and
// the 明治元年 counted from that new year), the later one names it.
MIYAGIPLAN_FUNC std::optional<lunisolar_date> to_lunisolar(sys_days d, court prefer = court::south) noexcept;

// 慶応3年12月9日, 天保14年閏9月1日, 明治元年9月8日 (元年 for year 1).
MIYAGIPLAN_FUNC std::string format_lunisolar(const lunisolar_date& d);

}  // namespace miyagiplan

#define MIYAGIPLAN_NEEDS_CALENDAR_DEFINITIONS
#ifdef MIYAGIPLAN_OUTERMOST_CALENDAR_LUNISOLAR_HPP
#include "miyagiplan/header_only-inl.hpp"
#endif
