// 和暦: the eras as data, and era dates that convert through the day (sys_days).
#pragma once

// Header-only mode: the outermost public header includes the definitions at its end.
#if defined(MIYAGIPLAN_HEADER_ONLY) && !defined(MIYAGIPLAN_OUTERMOST_HEADER)
#define MIYAGIPLAN_OUTERMOST_HEADER
#define MIYAGIPLAN_OUTERMOST_CALENDAR_ERA_HPP
#endif

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "miyagiplan/calendar/civil.hpp"
#include "miyagiplan/calendar/lunisolar.hpp"  // the eras before 明治 (every calendar header has them)
#include "miyagiplan/config.hpp"
#include "miyagiplan/describe.hpp"

namespace miyagiplan {

// The eras built in have names; an era added at run time (add_era) takes the next value.
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

// The eras built in. 明治 starts here at 1873-01-01 (明治6年1月1日), the day Japan adopted the
// Gregorian calendar; earlier Meiji dates are lunisolar and out of range.
inline constexpr std::array<era_info, 5> builtin_eras{{
    {era::meiji, "明治", "Meiji", 'M', {1873, 1, 1}, days_from_civil(1873, 1, 1), 1868},
    {era::taisho, "大正", "Taisho", 'T', {1912, 7, 30}, days_from_civil(1912, 7, 30), 1912},
    {era::showa, "昭和", "Showa", 'S', {1926, 12, 25}, days_from_civil(1926, 12, 25), 1926},
    {era::heisei, "平成", "Heisei", 'H', {1989, 1, 8}, days_from_civil(1989, 1, 8), 1989},
    {era::reiwa, "令和", "Reiwa", 'R', {2019, 5, 1}, days_from_civil(2019, 5, 1), 2019},
}};

inline constexpr sys_days first_era_serial = builtin_eras.front().first_serial;

// The eras in force, in order of their first days: the built-in ones, then those added at run
// time. A table never changes once published and is never freed, so a reference into it (an
// era_info) stays valid while later eras are added; adding one publishes a new table.
struct era_table {
  const era_info* items = nullptr;
  std::size_t count = 0;
  constexpr const era_info* begin() const noexcept { return items; }
  constexpr const era_info* end() const noexcept { return items + count; }
  constexpr std::size_t size() const noexcept { return count; }
  constexpr const era_info& operator[](std::size_t i) const noexcept { return items[i]; }
  constexpr const era_info& front() const noexcept { return items[0]; }
  constexpr const era_info& back() const noexcept { return items[count - 1]; }
};

namespace detail {
inline constexpr era_table builtin_era_table{builtin_eras.data(), builtin_eras.size()};
// nullptr until first used: the first reader loads MIYAGIPLAN_EXTRA_ERAS (once).
inline constinit std::atomic<const era_table*> current_era_table{nullptr};
MIYAGIPLAN_FUNC const era_table& load_era_table() noexcept;
}  // namespace detail

// The eras in force now (one acquire load once the table is loaded).
inline const era_table& era_list() noexcept {
  const era_table* t = detail::current_era_table.load(std::memory_order_acquire);
  return t ? *t : detail::load_era_table();
}

// Adds an era announced after this release (as the JDK's supplemental era and ICU's tentative
// era do): its name in kanji (one to four characters), its romaji, its letter for abbreviated
// dates and its first day, which must come after the first day of every era in force (or be
// the tentative era's, which it then replaces: see add_tentative_era). Readings of days before
// that first day do not change. Safe to call from any thread; returns the new era. Throws
// parse_error for a name, romaji or letter already taken, reserved or malformed, range_error for
// a first day not after the latest era's.
MIYAGIPLAN_FUNC era add_era(std::string_view kanji, std::string_view romaji, char letter, sys_days first_day);

// A tentative era, for testing a system before the next era's name is announced, as ICU's
// (ICU_ENABLE_TENTATIVE_ERA=true; unicode-org/icu PR #111 and i18n/japancal.cpp: a CLDR era
// after the current one, formatted with the placeholder names Qqqq/Q). It is added as add_era
// adds an era, from `first_day`, under placeholder names no real era can take; returns it.
//   未定 ("undecided"): a word in common use, which the rules for choosing an era name
//        (元号選定手続, 1979) exclude, and what a Japanese form says of a value not yet fixed;
//   Tentative: no Hepburn romaji has a v;  Q: ICU's letter, and no romaji begins with Q.
// add_era refuses the name and romaji for a real era. add_era for the tentative era's first day
// replaces it (the same era value, its real names from then on); add_tentative_era for that
// same day again returns it unchanged. Throws range_error for a first day not after the latest
// era's (or another tentative era in force), parse_error when a real era has taken the letter Q.
MIYAGIPLAN_FUNC era add_tentative_era(sys_days first_day);
inline constexpr std::string_view tentative_era_kanji = "未定";
inline constexpr std::string_view tentative_era_romaji = "Tentative";
inline constexpr char tentative_era_letter = 'Q';

// The eras of a deployment, from MIYAGIPLAN_EXTRA_ERAS ("name,romaji,letter,YYYY-MM-DD" with
// ";" between eras), then a tentative era from MIYAGIPLAN_TENTATIVE_ERA ("YYYY-MM-DD", after
// them; nothing when an extra era starts that day: the real era has replaced it). Read once, on
// first use of the eras; this function makes that happen now and throws a parse_error naming
// the variable when a value is malformed (a reader that cannot throw then keeps the built-in
// eras, and neither variable's).
MIYAGIPLAN_FUNC void load_extra_eras_from_environment();
inline constexpr const char* extra_eras_variable = "MIYAGIPLAN_EXTRA_ERAS";
inline constexpr const char* tentative_era_variable = "MIYAGIPLAN_TENTATIVE_ERA";

// The era's entry in the table in force.
// (A built-in era's entry is the same in every table: it is read without loading one.)
inline const era_info& info(era e) noexcept {
  const auto i = static_cast<std::size_t>(e);
  return i < builtin_eras.size() ? builtin_eras[i] : era_list()[i];
}

// Whether a value names an era in force (a built-in one, or one added).
inline bool is_known(era e) noexcept { return static_cast<std::size_t>(e) < era_list().size(); }

// Whether a value names the tentative era (add_tentative_era) in force.
inline bool is_tentative(era e) noexcept { return is_known(e) && info(e).kanji == tentative_era_kanji; }

// The last day of an era, or nullopt for the current one.
inline std::optional<sys_days> last_serial(era e) noexcept {
  const era_table& t = era_list();
  const auto next = static_cast<std::size_t>(e) + 1;
  if (next >= t.size()) return std::nullopt;
  return t[next].first_serial - day_count(1);
}

struct era_date {
  miyagiplan::era era = miyagiplan::era::reiwa;
  int year = 1;  // 1 is 元年
  unsigned month = 1;
  unsigned day = 1;
  friend constexpr bool operator==(const era_date&, const era_date&) = default;
};

namespace detail {
// The built-in era in force on a day from 1873-01-01 on, were no era added: how many of the
// later built-in eras have begun by then. Counting compares without branching on the day, where
// a search's branches follow the day: over days drawn at random that search mispredicted once a
// call or so, and era_date_of took 11.7 ns against civil_from_days' 6.3 ns; counting, 7.4 ns
// (bench_calendar many_days).
inline const era_info& builtin_era_in_force(sys_days s) noexcept {
  std::size_t begun = 0;
  for (std::size_t i = 1; i < builtin_eras.size(); ++i) begun += s >= builtin_eras[i].first_serial;
  return builtin_eras[begun];
}

// The era in force on a day from 1873-01-01 on, in the table in force. Only a table with eras
// added, and only for a day from the first added era's first day on, needs a search.
inline const era_info& era_in_force(sys_days s) noexcept {
  const era_table& t = era_list();
  if (t.size() > builtin_eras.size() && s >= t[builtin_eras.size()].first_serial) [[unlikely]] {
    std::size_t i = t.size() - 1;
    while (s < t[i].first_serial) --i;
    return t[i];
  }
  return builtin_era_in_force(s);
}
}  // namespace detail

// The era in force on a day; nullopt before 1873-01-01.
inline std::optional<era> era_of(sys_days s) noexcept {
  if (s < first_era_serial) return std::nullopt;
  return detail::era_in_force(s).id;
}

// Gregorian → era date, nullopt before the eras (the unchecked core of to_era_date).
inline std::optional<era_date> era_date_of(sys_days s) noexcept {
  if (s < first_era_serial) return std::nullopt;
  const era_info& e = detail::era_in_force(s);
  const civil_date c = civil_from_days(s);
  return era_date{e.id, c.year - e.first_year + 1, c.month, c.day};
}

// Whether an era date names a real day inside its era (not before its start, not after its end).
inline bool is_valid(const era_date& d) noexcept {
  if (d.year < 1 || !is_known(d.era)) return false;
  const civil_date c{info(d.era).first_year + d.year - 1, d.month, d.day};
  if (!is_valid(c)) return false;
  const sys_days s = days_from_civil(c);
  const auto last = last_serial(d.era);
  return s >= info(d.era).first_serial && (!last || s <= *last);
}

// Era date → day, with no range check (see is_valid).
inline sys_days to_sys_days(const era_date& d) noexcept {
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
