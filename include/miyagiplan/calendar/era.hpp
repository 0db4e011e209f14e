// 和暦: the eras as data, and era dates that convert through the day (sys_days).
#pragma once

// Header-only mode: the outermost public header includes the definitions at its end.
#if defined(MIYAGIPLAN_HEADER_ONLY) && !defined(MIYAGIPLAN_OUTERMOST_HEADER)
#define MIYAGIPLAN_OUTERMOST_HEADER
#define MIYAGIPLAN_OUTERMOST_CALENDAR_ERA_HPP
#endif

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "miyagiplan/calendar/civil.hpp"
#include "miyagiplan/config.hpp"
#include "miyagiplan/describe.hpp"

namespace miyagiplan {

enum class era : std::uint8_t { meiji, taisho, showa, heisei, reiwa };

template <>
struct enum_description<era> {
  static constexpr std::string_view type = "era", python = "Era";
  static constexpr std::string_view doc = "The eras (元号) from 明治.";
  static constexpr std::array<std::string_view, 5> names{"meiji", "taisho", "showa", "heisei", "reiwa"};
  static constexpr std::array<std::string_view, 5> docs{
      "明治 (M), from 1873-01-01 here (1868-01-25 in history)", "大正 (T), from 1912-07-30",
      "昭和 (S), from 1926-12-25", "平成 (H), from 1989-01-08", "令和 (R), from 2019-05-01"};
};

struct era_info {
  era id;
  std::string_view kanji;   // 平成
  std::string_view romaji;  // Heisei
  char letter;              // H
  civil_date first_day;     // the first Gregorian day the era covers here
  sys_days first_serial;    // first_day as a day
  int first_year;           // the Western year of 元年
};

// 明治 starts here at 1873-01-01 (明治6年1月1日), the day Japan adopted the Gregorian calendar;
// earlier Meiji dates are lunisolar and out of range.
inline constexpr std::array<era_info, 5> eras{{
    {era::meiji, "明治", "Meiji", 'M', {1873, 1, 1}, days_from_civil(1873, 1, 1), 1868},
    {era::taisho, "大正", "Taisho", 'T', {1912, 7, 30}, days_from_civil(1912, 7, 30), 1912},
    {era::showa, "昭和", "Showa", 'S', {1926, 12, 25}, days_from_civil(1926, 12, 25), 1926},
    {era::heisei, "平成", "Heisei", 'H', {1989, 1, 8}, days_from_civil(1989, 1, 8), 1989},
    {era::reiwa, "令和", "Reiwa", 'R', {2019, 5, 1}, days_from_civil(2019, 5, 1), 2019},
}};

inline constexpr sys_days first_era_serial = eras.front().first_serial;

constexpr const era_info& info(era e) noexcept { return eras[static_cast<std::size_t>(e)]; }

// The last day of an era, or nullopt for the current one.
constexpr std::optional<sys_days> last_serial(era e) noexcept {
  const auto next = static_cast<std::size_t>(e) + 1;
  if (next >= eras.size()) return std::nullopt;
  return eras[next].first_serial - day_count(1);
}

struct era_date {
  miyagiplan::era era = miyagiplan::era::reiwa;
  int year = 1;  // 1 is 元年
  unsigned month = 1;
  unsigned day = 1;
  friend constexpr bool operator==(const era_date&, const era_date&) = default;
};

// The era in force on a day; nullopt before 1873-01-01.
constexpr std::optional<era> era_of(sys_days s) noexcept {
  if (s < first_era_serial) return std::nullopt;
  std::size_t i = eras.size() - 1;
  while (s < eras[i].first_serial) --i;
  return eras[i].id;
}

// Gregorian → era date, nullopt before the eras (the unchecked core of to_era_date). Needs no
// table search beyond four comparisons.
constexpr std::optional<era_date> era_date_of(sys_days s) noexcept {
  const auto e = era_of(s);
  if (!e) return std::nullopt;
  const civil_date c = civil_from_days(s);
  return era_date{*e, c.year - info(*e).first_year + 1, c.month, c.day};
}

// Whether an era date names a real day inside its era (not before its start, not after its end).
constexpr bool is_valid(const era_date& d) noexcept {
  if (d.year < 1) return false;
  const civil_date c{info(d.era).first_year + d.year - 1, d.month, d.day};
  if (!is_valid(c)) return false;
  const sys_days s = days_from_civil(c);
  const auto last = last_serial(d.era);
  return s >= info(d.era).first_serial && (!last || s <= *last);
}

// Era date → day, with no range check (see is_valid).
constexpr sys_days to_sys_days(const era_date& d) noexcept {
  return days_from_civil(info(d.era).first_year + d.year - 1, d.month, d.day);
}

// The checked conversions of the public surface: they throw range_error outside the eras.
MIYAGIPLAN_FUNC era_date to_era_date(sys_days d);
MIYAGIPLAN_FUNC sys_days to_gregorian(const era_date& d);

}  // namespace miyagiplan

#define MIYAGIPLAN_NEEDS_CALENDAR_DEFINITIONS
#ifdef MIYAGIPLAN_OUTERMOST_CALENDAR_ERA_HPP
#include "miyagiplan/header_only-inl.hpp"
#endif
