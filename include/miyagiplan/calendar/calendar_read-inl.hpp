// Definitions of the calendar's reading of dates: the general parser of the plan's date
// expressions. Beside it: the fast paths for the common forms (calendar_fast-inl.hpp), the days
// before 1873 (calendar_lunisolar-inl.hpp), the public entry points (calendar_parse-inl.hpp) and
// finding dates in text (calendar_find-inl.hpp). Part of src/calendar.cpp, or included inline by
// the header-only target (MIYAGIPLAN_HEADER_ONLY).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "miyagiplan/calendar/calendar_fast-inl.hpp"
#include "miyagiplan/calendar/calendar_lunisolar-inl.hpp"
#include "miyagiplan/calendar/calendar_text-inl.hpp"
#include "miyagiplan/calendar/date_expression.hpp"
#include "miyagiplan/calendar/era.hpp"
#include "miyagiplan/calendar/fiscal.hpp"
#include "miyagiplan/config.hpp"
#include "miyagiplan/detail/text.hpp"
#include "miyagiplan/error.hpp"

namespace miyagiplan {
namespace detail {

// ---------------------------------------------------------------------------------------------
// One side of an expression (a range has two): which fields it names and how.

enum class slot : std::uint8_t { none, year, month, day };

struct side {
  bool has_era = false;
  era era_id = era::heisei;
  bool era_letter = false;
  bool fy_prefix = false;  // FY2013
  bool numeric = false;    // H22.12.31, 2010-12-31: separators rather than 年月日
  int year = 0, month = 0, day = 0;
  slot last = slot::none;  // the finest field named
  bool year_marked = false, fiscal = false, end = false;
  unsigned quarter = 0, half = 0;
  unsigned dekad = 0;         // 上旬 1, 中旬 2, 下旬 3
  bool fiscal_start = false;  // 年度当初, 年度初め: the fiscal year's first day
  bool koki = false;          // 皇紀2680年: the year counted from 660 BC
  bool western_start = false; // a right side that starts with its own Western year (～2011-03-31)
  bool yearless = false;      // 8月22日: the year comes from the options' context
  bool dual = false;          // 平成23年度（2011年度）: the year restated in another notation
  int dual_year = 0;          // the restated year, Western
  int weekday = -1;           // （金）: 0 Sunday … 6 Saturday
  int historical = -1;        // an era before 明治: its row in lunisolar_era_rows
  bool leap = false;          // 閏4月: a lunisolar leap month
  std::size_t leap_pos = 0;
  std::size_t era_pos = 0, year_pos = 0, month_pos = 0, day_pos = 0, dual_pos = 0, weekday_pos = 0;
  bool empty() const noexcept { return last == slot::none; }
};

struct failure {
  std::size_t position;
  const char* expected;
};

inline constexpr const char* expected_number = "a number";

// 20101231: eight digits, no more, as one day.
inline bool compact_iso(cursor& in, side& s) noexcept {
  cursor probe = in;
  int digits[8] = {};
  for (int& d : digits) {
    d = digit_value(probe.peek());
    if (d < 0) return false;
    probe.advance();
  }
  if (digit_value(probe.peek()) >= 0) return false;
  const std::size_t pos = in.position();
  s.year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3];
  s.month = digits[4] * 10 + digits[5];
  s.day = digits[6] * 10 + digits[7];
  s.year_pos = pos, s.month_pos = pos + 4, s.day_pos = pos + 6;
  s.numeric = true;
  s.last = slot::day;
  in = probe;
  return true;
}

// The year restated in brackets in another notation: 平成23年度（2011年度）, 2011年度（平成23年度）,
// 令和5年（2023年）. Anything else in brackets (（見込）, （金）) is left for later.
inline bool read_dual_year(cursor& in, side& s, bool fiscal, failure& f) noexcept {
  cursor probe = in;
  if (!probe.accept(U'（') && !probe.accept(U'(')) return true;
  probe.skip_spaces();
  era e = era::heisei;
  bool letter = false;
  const std::size_t era_pos = probe.position();
  const bool has_era = read_era(probe, e, letter);
  const bool koki = !has_era && probe.accept(U"皇紀");
  probe.skip_spaces();
  const std::size_t pos = probe.position();
  int value = 0;
  if (has_era && probe.peek() == U'元') {
    probe.advance();
    value = 1;
  } else {
    const number_status st = read_number(probe, value);
    if (st == number_status::too_long) return f = {pos, "a number of at most 4 digits"}, false;
    if (st == number_status::none) {
      if (has_era || koki) return f = {pos, "an era year (a number or 元)"}, false;
      return true;  // not a year: a qualifier or a weekday
    }
  }
  probe.skip_spaces();
  if (!probe.accept(U'年')) return f = {probe.position(), fiscal ? "年度, as before the bracket" : "年, as before the bracket"}, false;
  probe.skip_spaces();
  const std::size_t mark_pos = probe.position();
  if (probe.accept(U'度') != fiscal)
    return f = {fiscal ? probe.position() : mark_pos, fiscal ? "年度, as before the bracket" : "年 (not 年度), as before the bracket"}, false;
  probe.skip_spaces();
  if (!probe.accept(U'）') && !probe.accept(U')')) return f = {probe.position(), "）"}, false;
  if (has_era && value < 1) return f = {pos, "an era year of 1 (元年) or more"}, false;
  s.dual = true;
  s.dual_year = has_era ? info(e).first_year + value - 1 : koki ? value - 660 : value;
  s.dual_pos = has_era ? era_pos : pos;
  in = probe;
  return true;
}

inline constexpr char32_t weekday_kanji[] = {U'日', U'月', U'火', U'水', U'木', U'金', U'土'};
inline constexpr const char* weekday_expectation[] = {
    "日 (the weekday of that day)", "月 (the weekday of that day)", "火 (the weekday of that day)",
    "水 (the weekday of that day)", "木 (the weekday of that day)", "金 (the weekday of that day)",
    "土 (the weekday of that day)"};

// A weekday in brackets after a day: （金）, (金), （金曜日）, （金曜）.
inline bool read_weekday(cursor& in, side& s, failure& f) noexcept {
  cursor probe = in;
  probe.skip_spaces();
  if (!probe.accept(U'（') && !probe.accept(U'(')) return true;
  probe.skip_spaces();
  const std::size_t pos = probe.position();
  int wd = -1;
  for (int i = 0; i < 7; ++i)
    if (probe.peek() == weekday_kanji[i]) wd = i;
  if (wd < 0) return true;  // a qualifier, read later
  probe.advance();
  if (!probe.accept(U"曜日")) probe.accept(U'曜');
  probe.skip_spaces();
  if (!probe.accept(U'）') && !probe.accept(U')')) return f = {probe.position(), "）"}, false;
  s.weekday = wd, s.weekday_pos = pos;
  in = probe;
  return true;
}

// 0 Sunday … 6 Saturday (1970-01-01 was a Thursday).
constexpr int weekday_of(sys_days d) noexcept {
  return ((day_count_of(d) + 4) % 7 + 7) % 7;
}

// Reads one side. `inherit` is the left side when reading the right side of a range.
// `yearless` lets a first number marked 月 stand without a year (the options have a context).
inline bool read_side(cursor& in, side& s, const side* inherit, failure& f, bool yearless = false) noexcept {
  in.skip_spaces();
  const std::size_t start = in.position();
  std::size_t row = 0;
  if (read_era(in, s.era_id, s.era_letter)) {
    s.has_era = true, s.era_pos = start;
    in.skip_spaces();
  } else if (read_historical_era(in, row)) {  // 慶応3年: before 1873, off the common paths
    s.has_era = true, s.era_pos = start, s.historical = static_cast<int>(row);
    in.skip_spaces();
  } else if (in.accept(U"皇紀")) {
    s.koki = true, s.era_pos = start;
    in.skip_spaces();
  } else if (ascii_upper(in.peek()) == U'F' && ascii_upper(in.peek_after()) == U'Y') {
    in.advance(), in.advance();
    s.fy_prefix = true;
    in.skip_spaces();
  }
  // The fields in order; a right side without an era starts from what its mark says.
  slot next = slot::year;
  if (inherit && !s.has_era && !s.fy_prefix) next = slot::none;  // decided by the mark below
  for (;;) {
    std::size_t pos = in.position();
    int value = 0;
    bool gannen = false;
    const bool leap = (next == slot::month || (next == slot::none && inherit)) && in.accept(U'閏');
    if (leap) {  // 閏4月
      s.leap = true, s.leap_pos = pos;
      in.skip_spaces();
      pos = in.position();
    }
    if (s.has_era && next == slot::year && in.peek() == U'元') {
      in.advance();
      value = 1, gannen = true;
    } else if (!s.has_era && !s.fy_prefix && !s.koki && s.last == slot::none && compact_iso(in, s)) {
      return true;  // 20101231
    } else {
      const number_status st = read_number(in, value);
      if (st == number_status::too_long) return f = {pos, "a number of at most 4 digits"}, false;
      if (st == number_status::none) {
        if (s.last == slot::none && !(inherit && s.fy_prefix == false && !s.has_era))
          return f = {pos, s.has_era ? "an era year (a number or 元)" : "a date"}, false;
        return f = {pos, expected_number}, false;
      }
    }
    in.skip_spaces();
    const char32_t mark = in.peek();
    slot field = next;
    // 8月22日 in a context: the first number is the month.
    if (field == slot::year && yearless && mark == U'月' && !s.has_era && !s.fy_prefix && !s.koki &&
        !inherit) {
      field = slot::month;
      s.yearless = true;
    }
    if (field == slot::none && value >= 1000 && is_separator(mark)) {  // a right side 2011-03-31
      field = slot::year;
      s.western_start = true;
    }
    if (field == slot::none) {  // a right side: 25年度, 12月, 31日
      field = mark == U'年' ? slot::year : mark == U'月' ? slot::month : mark == U'日' ? slot::day
                                                                                  : inherit->last;
      if (field == slot::none) return f = {pos, "a date"}, false;
    }
    // 元 stands before 年, or before the range mark of 平成元～3年度.
    if (leap && (field != slot::month || mark != U'月')) return f = {in.position(), "月 after 閏 and its month"}, false;
    if (gannen && mark != U'年' && !(inherit == nullptr && (is_range_mark(mark) || mark == U'-')))
      return f = {in.position(), "年 after 元"}, false;
    switch (field) {
      case slot::year: s.year = value, s.year_pos = pos; break;
      case slot::month: s.month = value, s.month_pos = pos; break;
      case slot::day: s.day = value, s.day_pos = pos; break;
      case slot::none: break;
    }
    s.last = field;
    const slot after = field == slot::year ? slot::month : field == slot::month ? slot::day : slot::none;
    // Marks after the number: 年 (年度, 年度末, 年度第1四半期), 月 (月末), 日, or a separator.
    if (mark == U'年' && field == slot::year) {
      in.advance();
      s.year_marked = true;
      in.skip_spaces();
      if (in.accept(U'度')) {
        s.fiscal = true;
        in.skip_spaces();
        if (!read_dual_year(in, s, true, f)) return false;
        in.skip_spaces();
        if (in.accept(U'末')) {
          s.end = true;
        } else if (in.accept(U"当初") || in.accept(U"初め") || in.accept(U"始め")) {
          s.fiscal_start = true;
        } else if (in.accept(U'第')) {
          in.skip_spaces();
          // One digit: a number reader would read 第一四半期 as 第14 + 半期.
          const char32_t qc = in.peek();
          const int q = digit_value(qc) >= 0 ? digit_value(qc) : kanji_digit_value(qc);
          if (q < 1 || q > 4) return f = {in.position(), "a quarter 1–4"}, false;
          in.advance();
          in.skip_spaces();
          if (!in.accept(U"四半期")) return f = {in.position(), "四半期"}, false;
          s.quarter = static_cast<unsigned>(q);
        } else if (in.accept(U"上半期")) {
          s.half = 1;
        } else if (in.accept(U"下半期")) {
          s.half = 2;
        }
        return true;
      }
      if (!read_dual_year(in, s, false, f)) return false;
      in.skip_spaces();
      const char32_t c = in.peek();
      if (digit_value(c) < 0 && kanji_digit_value(c) < 0 && kanji_multiplier(c) == 0 && c != U'閏') return true;
      next = slot::month;
      continue;
    }
    if (mark == U'月' && field == slot::month) {
      in.advance();
      in.skip_spaces();
      if (in.accept(U'末')) {  // 末, 末日
        in.accept(U'日');
        s.end = true;
        return true;
      }
      if (in.accept(U"晦日")) {
        s.end = true;
        return true;
      }
      for (const auto& [word, dekad] : {std::pair{U"上旬", 1u}, std::pair{U"中旬", 2u}, std::pair{U"下旬", 3u}})
        if (in.accept(std::u32string_view(word))) {
          s.dekad = dekad;
          return true;
        }
      const char32_t c = in.peek();
      if (digit_value(c) < 0 && kanji_digit_value(c) < 0 && kanji_multiplier(c) == 0) return true;
      next = slot::day;
      continue;
    }
    if (mark == U'日' && field == slot::day) {
      in.advance();
      return true;
    }
    if (mark == U'年' || mark == U'月' || mark == U'日')
      return f = {in.position(), field == slot::year    ? "年 (a date without a year needs a context)"
                                 : field == slot::month ? "月"
                                                        : "日 or the end of the date"},
             false;
    // A separator continues a numeric date (H22.12.31, 2010-12-31) before any 年 mark;
    // in 平成23-25年度 the dash is a range mark. A right side restating its era letter reads
    // like a left one (H22.4～H23.3).
    if (is_separator(mark) && after != slot::none && !s.year_marked &&
        (s.era_letter || (!s.has_era && (!inherit || s.western_start)))) {
      cursor probe = in;
      probe.advance();
      probe.skip_spaces();
      if (digit_value(probe.peek()) >= 0) {
        in = probe;
        s.numeric = true;
        next = after;
        continue;
      }
      // Only a dash can also be a range mark; after any other separator a number is missing.
      if (mark != U'-') return f = {probe.position(), expected_number}, false;
    }
    return true;
  }
}

// ---------------------------------------------------------------------------------------------
// From fields to days, with the era policy.

// Whether a side names a fiscal year (or a part of one): 平成21年度, FY2013, a bare H13.
inline bool names_fiscal_year(const side& s) noexcept {
  return s.fiscal || s.fy_prefix || (s.era_letter && s.last == slot::year && !s.year_marked);
}

// Whether a side names lunisolar days: an era before 明治, or 明治元年–5年 but for a 年度 (明治5年度
// is FY1872, which reaches 1873; the earlier ones are refused as before the eras).
inline bool is_lunisolar(const side& s) noexcept {
  return s.historical >= 0 || (s.has_era && s.era_id == era::meiji && s.year >= 1 && s.year <= 5 &&
                               !names_fiscal_year(s));
}
inline std::size_t lunisolar_row_of(const side& s) noexcept {
  return s.historical >= 0 ? static_cast<std::size_t>(s.historical) : meiji_row;
}

inline bool western_year(const side& s, const parse_options& o, int& y, failure& f, std::size_t pos) noexcept {
  if (s.yearless) {
    // The year that puts the month inside the context's (fiscal) year.
    y = o.context.year;
    if (o.context.fiscal && static_cast<unsigned>(s.month) < o.fiscal_start_month) ++y;
  } else if (s.has_era) {
    if (s.year < 1) return f = {s.year_pos, "an era year of 1 (元年) or more"}, false;
    if (is_lunisolar(s)) {  // the Western number of the lunisolar year
      y = lunisolar_era_rows[lunisolar_row_of(s)].first_year + s.year - 1;
      if (y > last_lunisolar_year) return f = {s.year_pos, lunisolar_year_expectation}, false;
      if (s.dual && s.dual_year != y) return f = {s.dual_pos, "the same year in both notations"}, false;
      return true;
    }
    y = info(s.era_id).first_year + s.year - 1;
  } else if (s.koki) {
    y = s.year - 660;
  } else {
    y = s.year;
  }
  if (y < min_supported_year || y > max_supported_year - 1)
    return f = {pos, "a year between 1400 and 9998"}, false;
  if (s.dual && s.dual_year != y) return f = {s.dual_pos, "the same year in both notations"}, false;
  return true;
}

inline bool check_month(const side& s, failure& f) noexcept {
  if (s.month < 1 || s.month > 12) return f = {s.month_pos, "a month 1–12"}, false;
  return true;
}

// The days a lunisolar side names (慶応3年, 慶応3年閏4月, 明治5年12月2日); `y` its lunisolar year.
inline bool lunisolar_side_days(const side& s, int y, date_kind& kind, day_span& days, failure& f) noexcept {
  if (names_fiscal_year(s)) return f = {s.year_pos, "年, not 年度 (a year before 1873 has no fiscal year)"}, false;
  const int month = s.last == slot::year ? 0 : s.month;
  // lunisolar_span reads day 0 as the whole month: a written day 0 goes in as -1, no day.
  const int day = s.last != slot::day ? 0 : s.day == 0 ? -1 : s.day;
  int field = 0;
  if (const char* why = lunisolar_span(y, month, s.leap, day, days, field))
    return f = {field == 0 ? s.year_pos : field == 1 ? (s.leap ? s.leap_pos : s.month_pos) : s.day_pos, why}, false;
  kind = s.last == slot::year ? date_kind::year : s.last == slot::month ? date_kind::month : date_kind::day;
  if (s.end) days.first = days.last, kind = date_kind::month_end;
  if (s.dekad) {  // 上旬 1–10, 中旬 11–20, 下旬 21–the end
    if (s.dekad < 3) days.last = days.first + day_count(10 * static_cast<int>(s.dekad) - 1);
    days.first += day_count(10 * static_cast<int>(s.dekad - 1));
    kind = date_kind::day_span;
  }
  if (s.weekday >= 0 && s.last != slot::year && weekday_of(days.first) != s.weekday)
    return f = {s.weekday_pos, weekday_expectation[weekday_of(days.first)]}, false;
  return true;
}

// The span a complete side names, and its own kind.
inline bool side_days(const side& s, const parse_options& o, date_kind& kind, day_span& days,
                      failure& f) noexcept {
  int y = 0;
  if (!western_year(s, o, y, f, s.yearless ? s.month_pos : s.year_pos)) return false;
  if (s.weekday >= 0 && s.last != slot::day && !(s.last == slot::month && s.end))
    return f = {s.weekday_pos, "no weekday (only a day has one)"}, false;
  if (is_lunisolar(s)) return lunisolar_side_days(s, y, kind, days, f);
  if (s.leap) return f = {s.leap_pos, "a month without 閏 (閏 months are lunisolar: before 1873)"}, false;
  if (names_fiscal_year(s)) {
    if (s.last != slot::year) return f = {s.month_pos, "年度 after the year"}, false;
    const fiscal_year fy(y, o.fiscal_start_month);
    days = fy.days(), kind = date_kind::fiscal_year;
    if (s.end) days.first = days.last, kind = date_kind::fiscal_year_end;
    if (s.fiscal_start) days.last = days.first, kind = date_kind::day;
    if (s.quarter) days = fy.quarter(s.quarter), kind = date_kind::fiscal_quarter;
    if (s.half) days = fy.half(s.half), kind = date_kind::fiscal_half;
    return true;
  }
  switch (s.last) {
    case slot::year:
      if (!s.has_era && !s.year_marked && !s.numeric && s.year < 1000)
        return f = {s.year_pos, "a four-digit Western year"}, false;
      days = {days_from_civil(y, 1, 1), days_from_civil(y, 12, 31)}, kind = date_kind::year;
      return true;
    case slot::month: {
      if (!check_month(s, f)) return false;
      const auto m = static_cast<unsigned>(s.month);
      days = {days_from_civil(y, m, 1), days_from_civil(y, m, last_day_of_month(y, m))};
      kind = date_kind::month;
      if (s.end) {
        days.first = days.last, kind = date_kind::month_end;
        if (s.weekday >= 0 && weekday_of(days.first) != s.weekday)
          return f = {s.weekday_pos, weekday_expectation[weekday_of(days.first)]}, false;
      }
      if (s.dekad) {  // 上旬 1–10, 中旬 11–20, 下旬 21–the end
        if (s.dekad < 3) days.last = days.first + day_count(10 * static_cast<int>(s.dekad) - 1);
        days.first += day_count(10 * static_cast<int>(s.dekad - 1));
        kind = date_kind::day_span;
      }
      return true;
    }
    case slot::day: {
      if (!check_month(s, f)) return false;
      const auto m = static_cast<unsigned>(s.month);
      if (s.day < 1 || static_cast<unsigned>(s.day) > last_day_of_month(y, m))
        return f = {s.day_pos, "a day that exists in the month"}, false;
      days.first = days.last = days_from_civil(y, m, static_cast<unsigned>(s.day));
      kind = date_kind::day;
      if (s.weekday >= 0 && weekday_of(days.first) != s.weekday)
        return f = {s.weekday_pos, weekday_expectation[weekday_of(days.first)]}, false;
      return true;
    }
    case slot::none: break;
  }
  return f = {0, "a date"}, false;
}

inline constexpr const char* era_start_expectation[] = {
    "a date from 明治6年1月1日 (1873-01-01), when the Gregorian calendar began",
    "a date on or after 大正's first day (1912-07-30)",
    "a date on or after 昭和's first day (1926-12-25)",
    "a date on or after 平成's first day (1989-01-08)",
    "a date on or after 令和's first day (2019-05-01)",
};

// An era label must name days that reach into its era; past the era's end is proleptic.
// A fiscal label names its whole year (§3), so 平成31年度末 is FY2019's end, not proleptic.
inline bool check_era(const side& s, const day_span& named_days, const parse_options& o,
                      bool& proleptic, failure& f) noexcept {
  if (!s.has_era) return true;
  if (is_lunisolar(s)) {  // the era's own days: [first_jdn, end_jdn)
    const lunisolar_era_row& e = lunisolar_era_rows[lunisolar_row_of(s)];
    if (named_days.last < from_jdn(e.first_jdn)) return f = {s.era_pos, "a date on or after the era's first day"}, false;
    if (named_days.first >= from_jdn(e.end_jdn)) {
      if (o.strict) return f = {s.year_pos, "a year within the era's span (strict mode)"}, false;
      proleptic = true;
    }
    return true;
  }
  const era_info& e = info(s.era_id);
  const day_span days =
      names_fiscal_year(s) ? fiscal_year(e.first_year + s.year - 1, o.fiscal_start_month).days()
                           : named_days;
  if (days.last < e.first_serial)
    return f = {s.era_id == era::meiji ? s.year_pos : s.era_pos,
                static_cast<std::size_t>(s.era_id) < std::size(era_start_expectation)
                    ? era_start_expectation[static_cast<std::size_t>(s.era_id)]
                    : "a date on or after the era's first day"},
           false;
  const auto last = last_serial(s.era_id);
  if (last && days.first > *last) {
    if (o.strict) return f = {s.year_pos, "a year within the era's span (strict mode)"}, false;
    proleptic = true;
  }
  return true;
}

// Fills the right side's missing fields from the left (平成22年4～12月: era and year).
inline void inherit_fields(side& right, const side& left) noexcept {
  if (right.has_era || right.fy_prefix || right.koki) return;
  const bool names_year = right.year_pos != 0 || right.last == slot::year;
  // A right side with a Western year of its own (平成22年度～2012年度) takes no era from the left.
  if (!(names_year && right.year >= 1000)) {
    right.has_era = left.has_era, right.era_id = left.era_id, right.era_letter = left.era_letter;
    right.historical = left.historical;
    right.era_pos = left.era_pos;
    right.koki = left.koki;
  }
  right.fy_prefix = left.fy_prefix;  // FY2011～2013 counts fiscal years on both sides
  if (right.year_pos == 0 && right.last != slot::year) {
    right.year = left.year, right.year_pos = left.year_pos, right.yearless = left.yearless;
    right.dual = left.dual, right.dual_year = left.dual_year, right.dual_pos = left.dual_pos;
  }
  if (right.last == slot::day && right.month == 0) right.month = left.month, right.month_pos = left.month_pos;
}

// A left side cut short by the range mark takes its granularity from the right (平成23～25年度).
inline void complete_left(side& left, const side& right) noexcept {
  if (right.fiscal || right.fy_prefix) {
    if (left.last == slot::year && !left.year_marked) left.fiscal = true;
    left.end = false;
  }
  if (right.year_marked && left.last == slot::year) left.year_marked = true;
}

inline bool read_qualifiers(cursor& in, date_reading& r, failure& f) noexcept {
  for (;;) {
    in.skip_spaces();
    if (!r.estimate && in.accept(U"見込")) {  // 平成22年度末見込: without brackets
      in.accept(U'み');
      r.estimate = true;
      continue;
    }
    const char32_t open = in.peek();
    if (open != U'（' && open != U'(') return true;
    in.advance();
    in.skip_spaces();
    const std::size_t pos = in.position();
    if (in.accept(U"見込")) {
      in.accept(U'み');
      r.estimate = true;
    } else if (!in.accept(U"実績")) {
      return f = {pos, "見込 or 実績"}, false;
    }
    in.skip_spaces();
    if (!in.accept(U'）') && !in.accept(U')')) return f = {in.position(), "）"}, false;
  }
}

// The kind of a range, from the kind of its right side.
inline date_kind span_kind(date_kind right_kind) noexcept {
  switch (right_kind) {
    case date_kind::day: case date_kind::month_end: case date_kind::day_span: return date_kind::day_span;
    case date_kind::month: return date_kind::month_span;
    case date_kind::year: return date_kind::year_span;
    default: return date_kind::fiscal_year_span;
  }
}

// What may follow a whole expression: 現在, 時点, 付け, 付 (平成22年12月末現在).
inline void read_suffix(cursor& in) noexcept {
  in.skip_spaces();
  if (!in.accept(U"現在") && !in.accept(U"時点") && !in.accept(U"付け")) in.accept(U'付');
}

// With `stop`, reads the expression at the start of a longer text (find_dates): where a whole
// text must end, it records the byte where reading stopped instead.
inline bool read_expression(std::string_view text, const parse_options& o, date_reading& r,
                            failure& f, std::size_t* stop = nullptr) noexcept {
  r = {};
  cursor in(text);
  side left;
  const bool yearless = o.context.year != 0;
  if (!read_side(in, left, nullptr, f, yearless) || !read_weekday(in, left, f)) return false;
  in.skip_spaces();
  bool proleptic = false;
  date_kind kind{};
  day_span days{};
  // A dash the side did not take as a separator is a range mark, after a numeric date too (H10.3-);
  // so is から (平成23年度から平成25年度まで).
  const bool kara = in.accept(U"から");
  if (kara || is_range_mark(in.peek()) || in.peek() == U'-') {
    if (!kara) in.advance();
    in.skip_spaces();
    const char32_t c = in.peek();
    const bool open = c == end_of_text || c == U'（' || c == U'(' || (!kara && (c == U'現' || c == U'時'));
    if (open) {
      if (!side_days(left, o, kind, days, f) || !check_era(left, days, o, proleptic, f)) return false;
      days.last = open_end_serial, kind = date_kind::open_ended;
    } else {
      const std::size_t right_start = in.position();
      side right;
      if (!read_side(in, right, &left, f) || !read_weekday(in, right, f)) return false;
      inherit_fields(right, left);
      complete_left(left, right);
      date_kind lk{}, rk{};
      day_span ld{}, rd{};
      if (!side_days(left, o, lk, ld, f) || !check_era(left, ld, o, proleptic, f)) return false;
      if (!side_days(right, o, rk, rd, f) || !check_era(right, rd, o, proleptic, f)) return false;
      if (rd.last < ld.first) return f = {right_start, "an end after the start"}, false;
      days = {ld.first, rd.last};
      kind = span_kind(rk);
      in.skip_spaces();
      in.accept(U"まで");
    }
  } else {
    if (!side_days(left, o, kind, days, f) || !check_era(left, days, o, proleptic, f)) return false;
  }
  if (!read_qualifiers(in, r, f)) return false;
  read_suffix(in);
  if (!read_qualifiers(in, r, f)) return false;
  in.skip_spaces();
  if (stop) *stop = in.offset();
  else if (!in.at_end()) return f = {in.position(), "the end of the date"}, false;
  r.kind = kind, r.days = days, r.proleptic = proleptic;
  return true;
}

}  // namespace detail
}  // namespace miyagiplan
