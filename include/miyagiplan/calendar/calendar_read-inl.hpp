// Definitions of the calendar's reading of dates: the general parser of the plan's date
// expressions, and the fast path for the common forms. Part of src/calendar.cpp, or included
// inline by the header-only target (MIYAGIPLAN_HEADER_ONLY).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>
#include <string>
#include <string_view>
#include <vector>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
  if (read_era(in, s.era_id, s.era_letter)) {
    s.has_era = true, s.era_pos = start;
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
    const std::size_t pos = in.position();
    int value = 0;
    bool gannen = false;
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
      if (digit_value(c) < 0 && kanji_digit_value(c) < 0 && kanji_multiplier(c) == 0) return true;
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

inline bool western_year(const side& s, const parse_options& o, int& y, failure& f, std::size_t pos) noexcept {
  if (s.yearless) {
    // The year that puts the month inside the context's (fiscal) year.
    y = o.context.year;
    if (o.context.fiscal && static_cast<unsigned>(s.month) < o.fiscal_start_month) ++y;
  } else if (s.has_era) {
    if (s.year < 1) return f = {s.year_pos, "an era year of 1 (元年) or more"}, false;
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

// Whether a side names a fiscal year (or a part of one): 平成21年度, FY2013, a bare H13.
inline bool names_fiscal_year(const side& s) noexcept {
  return s.fiscal || s.fy_prefix || (s.era_letter && s.last == slot::year && !s.year_marked);
}

// The span a complete side names, and its own kind.
inline bool side_days(const side& s, const parse_options& o, date_kind& kind, day_span& days,
                      failure& f) noexcept {
  int y = 0;
  if (!western_year(s, o, y, f, s.yearless ? s.month_pos : s.year_pos)) return false;
  if (s.weekday >= 0 && s.last != slot::day && !(s.last == slot::month && s.end))
    return f = {s.weekday_pos, "no weekday (only a day has one)"}, false;
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

// The forms most texts take (平成22年12月31日, H22.12.31, 2010-12-31), read straight from the
// code units. It only ever accepts what read_expression accepts, with the same result; anything
// else (spaces, full-width digits, kanji numerals, 元年, ranges, a date to refuse) returns false
// and goes the long way, which also says what is wrong.
template <class Unit>
[[gnu::flatten]] bool read_common_day(const Unit* p, const Unit* const end, const parse_options& o,
                                      date_reading& r) noexcept {
  int year = 0, month = 0, day = 0;
  const era_info* e = nullptr;
  if (p == end) return false;
  const char32_t first = unit_value(*p);
  if (first >= 0x80) {  // 平成22年12月31日
    e = accept_era_name(p, end);
    if (!e || !ascii_number(p, end, 2, year) || !accept_code_point<U'年'>(p, end) ||
        !ascii_number(p, end, 2, month) || !accept_code_point<U'月'>(p, end) ||
        !ascii_number(p, end, 2, day) || !accept_code_point<U'日'>(p, end))
      return false;
  } else if ((first | 0x20) >= U'a' && (first | 0x20) <= U'z') {  // H22.12.31
    // The built-in letters in a fixed loop; an added era's letter goes the long way.
    for (const auto& candidate : builtin_eras)
      if ((first | 0x20) == static_cast<char32_t>(candidate.letter | 0x20)) e = &candidate;
    ++p;
    auto separator = [&] {
      if (p >= end || (unit_value(*p) != U'.' && unit_value(*p) != U'/' && unit_value(*p) != U'-')) return false;
      ++p;
      return true;
    };
    if (!e || !ascii_number(p, end, 2, year) || !separator() || !ascii_number(p, end, 2, month) || !separator() ||
        !ascii_number(p, end, 2, day))
      return false;
  } else {  // 2010-12-31
    if (!ascii_number(p, end, 4, year) || year < 1000 || !accept_code_point<U'-'>(p, end) ||
        !ascii_number(p, end, 2, month) || !accept_code_point<U'-'>(p, end) || !ascii_number(p, end, 2, day))
      return false;
  }
  if (p != end) return false;
  if (e) {
    if (year < 1) return false;
    year += e->first_year - 1;
  }
  if (year < min_supported_year || year > max_supported_year - 1 || month < 1 || month > 12 || day < 1 ||
      static_cast<unsigned>(day) > last_day_of_month(year, static_cast<unsigned>(month)))
    return false;
  const sys_days s = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  bool proleptic = false;
  if (e) {
    if (s < e->first_serial) return false;
    // The era after e in the table in force ends e (e is a built-in era: see above).
    const era_table& t = era_list();
    const auto next = static_cast<std::size_t>(e->id) + 1;
    if (next < t.size() && s >= t[next].first_serial) {
      if (o.strict) return false;
      proleptic = true;
    }
  }
  r = {};
  r.kind = date_kind::day;
  r.days = {s, s};
  r.proleptic = proleptic;
  return true;
}

inline bool read_common_day(std::string_view text, const parse_options& o, date_reading& r) noexcept {
  return read_common_day(text.data(), text.data() + text.size(), o, r);
}

// The fiscal forms plans write most (平成23年度, 平成25年度末, 平成23～25年度, 平成23～25年度末), read
// straight from the code units: some 3× faster than the general reader, which walks code points
// and fills a side per year. Like read_common_day it accepts only what read_expression accepts,
// with the same result (a test compares them over every era and year); 元, full-width digits,
// spaces, qualifiers and anything to refuse go the long way.
template <class Unit>
bool read_common_fiscal(const Unit* p, const Unit* const end, const parse_options& o, date_reading& r) noexcept {
  if (p == end || unit_value(*p) < 0x80) return false;
  const era_info* e = accept_era_name(p, end);
  int first = 0, last = 0;
  if (!e || !ascii_number(p, end, 2, first)) return false;
  last = first;
  const bool span = accept_code_point<U'～'>(p, end);
  if (span && !ascii_number(p, end, 2, last)) return false;
  if (!accept_code_point<U'年'>(p, end) || !accept_code_point<U'度'>(p, end)) return false;
  const bool fiscal_end = accept_code_point<U'末'>(p, end);
  if (p != end || first < 1 || last < 1) return false;
  // The era check of a fiscal label takes its whole year (check_era); past the era's end is proleptic.
  const auto last_day = last_serial(e->id);
  bool proleptic = false;
  auto year_days = [&](int era_year, day_span& days) {
    days = fiscal_year(e->first_year + era_year - 1, o.fiscal_start_month).days();
    if (days.last < e->first_serial) return false;
    if (last_day && days.first > *last_day) {
      if (o.strict) return false;
      proleptic = true;
    }
    return true;
  };
  day_span from, to;
  if (!year_days(first, from) || !year_days(last, to) || to.last < from.first) return false;
  r = {};
  r.days = {from.first, to.last};
  r.kind = span ? date_kind::fiscal_year_span : date_kind::fiscal_year;
  if (fiscal_end && !span) r.days.first = r.days.last, r.kind = date_kind::fiscal_year_end;
  r.proleptic = proleptic;
  return true;
}

// Where reading stopped at a byte that is no character (bad UTF-8, NUL), that is the failure,
// whatever the grammar wanted there.
inline bool read_date(std::string_view text, const parse_options& o, date_reading& r,
                      failure& f) noexcept {
  if (read_common_day(text, o, r) || read_common_fiscal(text.data(), text.data() + text.size(), o, r) ||
      read_expression(text, o, r, f))
    return true;
  cursor at(text);
  while (at.position() < f.position && !at.at_end()) at.advance();
  if (at.peek() == invalid_utf8) f.expected = "valid UTF-8 text";
  return false;
}

[[noreturn]] inline void throw_parse_error(std::string_view text, const failure& f) {
  throw parse_error(std::string(text), f.position, f.expected);
}

}  // namespace detail

// -----------------------------------------------------------------------------------------------

MIYAGIPLAN_FUNC bool try_read_date(std::string_view text, const parse_options& options,
                                   date_reading& out, date_reading_failure& failure) noexcept {
  detail::failure f{0, ""};
  if (detail::read_date(text, options, out, f)) return true;
  failure = {f.position, f.expected};
  return false;
}

namespace detail {
// A text of wider code units: the common forms in place, the rest as UTF-8.
template <class Unit>
bool try_read_units(std::basic_string_view<Unit> text, const parse_options& options, date_reading& out,
                    date_reading_failure& failure) noexcept {
  if (read_common_day(text.data(), text.data() + text.size(), options, out) ||
      read_common_fiscal(text.data(), text.data() + text.size(), options, out))
    return true;
  try {
    return try_read_date(utf8_of(text), options, out, failure);
  } catch (const std::bad_alloc&) {
    failure = {0, "memory for the text"};
    return false;
  }
}
}  // namespace detail

MIYAGIPLAN_FUNC bool try_read_date(std::u16string_view text, const parse_options& options, date_reading& out,
                                   date_reading_failure& failure) noexcept {
  return detail::try_read_units(text, options, out, failure);
}

MIYAGIPLAN_FUNC bool try_read_date(std::u32string_view text, const parse_options& options, date_reading& out,
                                   date_reading_failure& failure) noexcept {
  return detail::try_read_units(text, options, out, failure);
}

MIYAGIPLAN_FUNC date_expression parse_date(std::string_view text, const parse_options& options) {
  date_reading r;
  detail::failure f{0, ""};
  if (!detail::read_date(text, options, r, f)) detail::throw_parse_error(text, f);
  return date_expression(std::string(text), r);
}

MIYAGIPLAN_FUNC date_context context_of(const date_reading& r, unsigned fiscal_start_month) noexcept {
  switch (r.kind) {
    case date_kind::fiscal_year: case date_kind::fiscal_year_end: case date_kind::fiscal_quarter:
    case date_kind::fiscal_half: case date_kind::fiscal_year_span:
      return {fiscal_year::of(r.days.first, fiscal_start_month).year(), true};
    default:
      return context_of(r.days.first);
  }
}

MIYAGIPLAN_FUNC date_context context_of(sys_days day) noexcept { return {civil_from_days(day).year, false}; }

MIYAGIPLAN_FUNC date_expression parse_date(std::string_view text, const date_expression& context,
                                           parse_options options) {
  options.context = context_of(context.reading(), options.fiscal_start_month);
  return parse_date(text, options);
}

MIYAGIPLAN_FUNC date_expression parse_date(std::string_view text, sys_days context, parse_options options) {
  options.context = context_of(context);
  return parse_date(text, options);
}

MIYAGIPLAN_FUNC sys_days to_western(std::string_view text, const parse_options& options) {
  date_reading r;
  detail::failure f{0, ""};
  if (!detail::read_date(text, options, r, f)) detail::throw_parse_error(text, f);
  if (!names_a_day(r.kind)) detail::throw_parse_error(text, {0, "a text that names one day"});
  return r.days.first;
}

namespace detail {
// Finding dates in running text: a cheap scan for where one may start, then the parser on a
// bounded window, keeping the longest prefix it reads.

// The code point at byte i of valid UTF-8 (invalid bytes read as themselves), and its length.
inline char32_t code_point_at(std::string_view t, std::size_t i, std::size_t& n) noexcept {
  const auto b = static_cast<unsigned char>(t[i]);
  if (b < 0x80) return n = 1, b;
  if ((b & 0xE0) == 0xC0 && i + 1 < t.size()) return n = 2, char32_t((b & 0x1Fu) << 6 | (static_cast<unsigned char>(t[i + 1]) & 0x3Fu));
  if ((b & 0xF0) == 0xE0 && i + 2 < t.size())
    return n = 3, char32_t((b & 0x0Fu) << 12 | (static_cast<unsigned char>(t[i + 1]) & 0x3Fu) << 6 |
                           (static_cast<unsigned char>(t[i + 2]) & 0x3Fu));
  return n = 1, invalid_utf8;
}

// The start of the code point that ends just before byte i.
inline std::size_t previous_start(std::string_view t, std::size_t i) noexcept {
  std::size_t k = i;
  while (k > 0 && i - k < 4) {
    --k;
    if ((static_cast<unsigned char>(t[k]) & 0xC0) != 0x80) return k;
  }
  return i - 1;
}

inline bool is_space(char32_t c) noexcept {
  return c == U' ' || c == U'\t' || c == U'\u3000' || c == U'\n' || c == U'\r';
}

inline bool is_ascii_alnum(char32_t c) noexcept {
  const char32_t u = ascii_upper(c);
  return digit_value(c) >= 0 || (u >= U'A' && u <= U'Z');
}

// Whether a date may start at byte i (the first byte of code point c): an era name or ligature,
// 皇紀, an era letter or FY before a number, or digits before 年, 月 or a separator.
inline bool may_start_date(std::string_view t, std::size_t i, char32_t c, std::size_t n) noexcept {
  std::size_t k = i + n, m = 0;
  auto next = [&] {  // the next code point after spaces
    char32_t d = 0;
    for (;;) {
      if (k >= t.size()) return char32_t{0};
      d = code_point_at(t, k, m);
      if (!is_space(d)) return d;
      k += m;
    }
  };
  // Most characters of a Japanese text start nothing: decide those first.
  if (c >= 0x80 && digit_value(c) < 0 && c != U'明' && c != U'大' && c != U'昭' && c != U'平' && c != U'令' &&
      c != U'皇' && (c < U'\u337B' || c > U'\u337E') && c != U'\u32FF' && ascii_upper(c) == c) {
    if (!starts_added_era(c)) return false;
    cursor in(t.substr(i));
    era e{};
    bool letter = false;
    if (!read_era(in, e, letter)) return false;
    in.skip_spaces();
    const char32_t d = in.peek();
    return digit_value(d) >= 0 || kanji_digit_value(d) >= 0 || kanji_multiplier(d) > 0 || d == U'元';
  }
  const bool after_alnum = i > 0 && [&] {
    std::size_t pm = 0;
    return is_ascii_alnum(code_point_at(t, previous_start(t, i), pm));
  }();
  if (digit_value(c) >= 0) {
    if (after_alnum) return false;
    for (;;) {  // the rest of the digits
      if (k >= t.size()) return false;
      const char32_t d = code_point_at(t, k, m);
      if (digit_value(d) < 0) break;
      k += m;
    }
    const char32_t d = next();
    return d == U'年' || d == U'月' || is_separator(d) || d == U'－';
  }
  switch (c) {
    case U'明': case U'大': case U'昭': case U'平': case U'令': {
      for (const auto& e : era_names)
        if (e.first == c) {
          if (next() != e.second) continue;
          k += m;
          const char32_t d = next();
          return digit_value(d) >= 0 || kanji_digit_value(d) >= 0 || kanji_multiplier(d) > 0 || d == U'元';
        }
      if (starts_added_era(c)) {  // 大未来, added at run time
        cursor in(t.substr(i));
        era e{};
        bool letter = false;
        if (!read_era(in, e, letter)) return false;
        in.skip_spaces();
        const char32_t d = in.peek();
        return digit_value(d) >= 0 || kanji_digit_value(d) >= 0 || kanji_multiplier(d) > 0 || d == U'元';
      }
      return false;
    }
    case U'\u337E': case U'\u337D': case U'\u337C': case U'\u337B': case U'\u32FF': case U'皇': {
      if (c == U'皇' && next() != U'紀') return false;
      if (c == U'皇') k += m;
      const char32_t d = next();
      return digit_value(d) >= 0 || kanji_digit_value(d) >= 0 || kanji_multiplier(d) > 0 || d == U'元';
    }
    default: break;
  }
  const char32_t u = ascii_upper(c);
  if (after_alnum || u < U'A' || u > U'Z') return false;
  const char32_t d = next();
  if (u == U'F') return ascii_upper(d) == U'Y';
  for (const auto& e : era_list())
    if (u == static_cast<char32_t>(e.letter)) return digit_value(d) >= 0 || d == U'元';
  return false;
}

// The byte where the code point at `position` (counted from the start of w) begins.
inline std::size_t byte_of_position(std::string_view w, std::size_t position) noexcept {
  cursor in(w);
  while (in.position() < position && !in.at_end()) in.advance();
  return in.offset();
}

inline std::string_view trim_end(std::string_view w) noexcept {
  while (!w.empty()) {
    std::size_t n = 0;
    const std::size_t k = previous_start(w, w.size());
    if (!is_space(code_point_at(w, k, n))) break;
    w = w.substr(0, k);
  }
  return w;
}

// The longest prefix of a window from a start that reads as a date; 0 when none does.
inline std::size_t longest_date(std::string_view window, const parse_options& o, date_reading& r) noexcept {
  std::string_view w = trim_end(window);
  for (int tries = 0; tries < 24 && !w.empty(); ++tries) {
    failure f{0, ""};
    if (read_date(w, o, r, f)) {
      // A number with no mark at the end of a text that has 年 or 月 (平成22年 3 回) is prose.
      std::size_t n = 0;
      const std::size_t k = previous_start(w, w.size());
      if (digit_value(code_point_at(w, k, n)) < 0 || (w.find("年") == std::string_view::npos && w.find("月") == std::string_view::npos))
        return w.size();
      std::size_t cut = k;
      while (cut > 0) {
        const std::size_t p = previous_start(w, cut);
        if (digit_value(code_point_at(w, p, n)) < 0) break;
        cut = p;
      }
      w = trim_end(w.substr(0, cut));
      continue;
    }
    if (f.position == 0) return 0;
    const std::size_t at = byte_of_position(w, f.position);
    w = trim_end(w.substr(0, at >= w.size() ? previous_start(w, w.size()) : at));
  }
  return 0;
}

inline std::size_t count_code_points(std::string_view t, std::size_t from, std::size_t to) noexcept {
  std::size_t n = 0;
  for (std::size_t i = from; i < to; ++i) n += (static_cast<unsigned char>(t[i]) & 0xC0) != 0x80;
  return n;
}

// Lead bytes a date may start with: ASCII digits and letters, and the three-byte forms of kanji,
// ligatures and full-width characters.
inline constexpr auto date_lead_bytes = [] {
  std::array<bool, 256> a{};
  for (unsigned c = '0'; c <= '9'; ++c) a[c] = true;
  for (const char c : {'M', 'T', 'S', 'H', 'R', 'F', 'm', 't', 's', 'h', 'r', 'f'})
    a[static_cast<unsigned char>(c)] = true;
  for (unsigned c = 0xE3; c <= 0xE7; ++c) a[c] = true;
  a[0xEF] = true;
  return a;
}();

inline constexpr std::size_t find_window = 256;  // bytes: longer than any date with its spaces
}  // namespace detail

namespace detail {
// The first characters a date may start with, for the eras in force: ASCII digits, era letters
// and F (of FY) in either case; of the three-byte characters only full-width digits and letters,
// the first kanji of an era's name, ligatures and 皇.
struct date_starts {
  std::array<bool, 128> ascii{};
  char32_t added[256] = {};  // first characters of the names of eras added at run time
  std::size_t added_count = 0;
  explicit date_starts(const era_table& t) noexcept {
    for (char c = '0'; c <= '9'; ++c) ascii[static_cast<unsigned char>(c)] = true;
    ascii['F'] = ascii['f'] = true;
    for (const era_info& e : t) {
      ascii[static_cast<unsigned char>(e.letter)] = true;
      ascii[static_cast<unsigned char>(e.letter | 0x20)] = true;
    }
    for (std::size_t i = builtin_eras.size(); i < t.size(); ++i) added[added_count++] = cursor(t[i].kanji).peek();
  }
  bool wide(char32_t c) const noexcept {
    switch (c) {
      case U'明': case U'大': case U'昭': case U'平': case U'令': case U'皇':
      case U'\u337B': case U'\u337C': case U'\u337D': case U'\u337E': case U'\u32FF':
        return true;
      default: break;
    }
    if (c >= U'\uFF10' && c <= U'\uFF5A') return true;  // full-width digits and letters
    for (std::size_t k = 0; k < added_count; ++k)
      if (added[k] == c) return true;
    return false;
  }
};

// The date that starts at byte i, read once to where it ends; 0 when none does. The reading
// must be what the matched text reads alone: that is checked, and the rare start whose longest
// date is shorter than where one reading stopped (a form refused further on) goes back to
// trying shorter windows.
inline std::size_t date_at(std::string_view window, const parse_options& o, date_reading& r) noexcept {
  std::size_t stop = 0;
  failure f{0, ""};
  if (read_expression(window, o, r, f, &stop) && stop > 0) {
    const std::string_view w = trim_end(window.substr(0, stop));
    std::size_t n = 0;
    const std::size_t k = w.empty() ? 0 : previous_start(w, w.size());
    // A number with no mark at the end after 年 or 月 (平成22年 3 回) is prose: the long way.
    const bool unmarked = !w.empty() && digit_value(code_point_at(w, k, n)) >= 0 &&
                          (w.find("年") != std::string_view::npos || w.find("月") != std::string_view::npos);
    date_reading alone;
    if (!w.empty() && !unmarked && read_date(w, o, alone, f) && alone.kind == r.kind && alone.days == r.days &&
        alone.estimate == r.estimate && alone.proleptic == r.proleptic)
      return w.size();
  }
  return longest_date(window, o, r);
}
}  // namespace detail

namespace detail {
#if defined(__SSE2__)
// Sixteen bytes at once: a bit for each byte at which a date may start with the built-in eras —
// an ASCII digit or era letter (M T S H R, F of FY, either case), a full-width digit or letter,
// the first kanji of a built-in era (明 大 昭 平 令), 皇, or an era ligature. A Japanese text has
// few: the scan skips the rest sixteen bytes at a time. p must have 18 bytes readable.
[[gnu::always_inline, gnu::flatten]] inline unsigned date_start_bits(const char* p) noexcept {
  const __m128i b0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i b1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
  const __m128i b2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 2));
  auto eq = [](__m128i v, int c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(c))); };
  // lo <= v <= hi, unsigned
  auto in = [](__m128i v, int lo, int hi) {
    const __m128i d = _mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(lo)));
    return _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(static_cast<char>(hi - lo))), d);
  };
  const __m128i lower = _mm_or_si128(b0, _mm_set1_epi8(0x20));
  __m128i hit = in(b0, '0', '9');
  for (const int letter : {'m', 't', 's', 'h', 'r', 'f'}) hit = _mm_or_si128(hit, eq(lower, letter));
  // Full-width digits EF BC 90–99, and the full-width era letters and F: Ｍ Ｔ Ｓ Ｈ Ｒ Ｆ
  // (EF BC AD B4 B3 A8 B2 A6) and ｍ ｔ ｓ ｈ ｒ ｆ (EF BD 8D 94 93 88 92 86); other full-width
  // letters (ＩＴ) start nothing.
  const __m128i ef = eq(b0, 0xEF);
  __m128i wide = in(b2, 0x90, 0x99);
  for (const int c : {0xAD, 0xB4, 0xB3, 0xA8, 0xB2, 0xA6}) wide = _mm_or_si128(wide, eq(b2, c));
  __m128i small = eq(b2, 0x8D);
  for (const int c : {0x94, 0x93, 0x88, 0x92, 0x86}) small = _mm_or_si128(small, eq(b2, c));
  hit = _mm_or_si128(hit, _mm_and_si128(ef, _mm_or_si128(_mm_and_si128(eq(b1, 0xBC), wide), _mm_and_si128(eq(b1, 0xBD), small))));
  // 明 E6 98 8E, 昭 E6 98 AD, 大 E5 A4 A7, 平 E5 B9 B3, 令 E4 BB A4, 皇 E7 9A 87.
  auto kanji = [&](int x, int y, int z) { return _mm_and_si128(_mm_and_si128(eq(b0, x), eq(b1, y)), eq(b2, z)); };
  hit = _mm_or_si128(hit, _mm_or_si128(kanji(0xE6, 0x98, 0x8E), kanji(0xE6, 0x98, 0xAD)));
  hit = _mm_or_si128(hit, _mm_or_si128(kanji(0xE5, 0xA4, 0xA7), kanji(0xE5, 0xB9, 0xB3)));
  hit = _mm_or_si128(hit, _mm_or_si128(kanji(0xE4, 0xBB, 0xA4), kanji(0xE7, 0x9A, 0x87)));
  // Ligatures: ㍻ ㍼ ㍽ ㍾ E3 8D BB–BE, ㋿ E3 8B BF.
  const __m128i e3 = eq(b0, 0xE3);
  hit = _mm_or_si128(hit, _mm_and_si128(_mm_and_si128(e3, eq(b1, 0x8D)), in(b2, 0xBB, 0xBE)));
  hit = _mm_or_si128(hit, _mm_and_si128(_mm_and_si128(e3, eq(b1, 0x8B)), eq(b2, 0xBF)));
  return static_cast<unsigned>(_mm_movemask_epi8(hit));
}
#endif
}  // namespace detail

MIYAGIPLAN_FUNC std::vector<date_match> find_dates(std::string_view text, const parse_options& options) {
  std::vector<date_match> out;
  const era_table& table = era_list();
  const detail::date_starts starts(table);
  std::size_t i = 0, counted = 0, position = 0;  // byte i; `position` code points up to byte `counted`
  const std::size_t size = text.size();
#if defined(__SSE2__)
  // With the built-in eras only (an added era's name may start with any kanji), whole blocks
  // without a possible start are skipped; the loop below looks at the rest byte by byte.
  std::size_t block = 0;  // the first byte not yet known to hold no start
  const bool vector_scan = table.size() == builtin_eras.size();
#endif
  while (i < size) {
#if defined(__SSE2__)
    if (vector_scan && i >= block) {
      // Blocks start at i; a block with no start moves i past it (a character cut at its end is
      // looked at again from the next block, whose bits cover its lead byte only if it starts there).
      bool found = false;
      while (i + 18 <= size) {
        const unsigned bits = detail::date_start_bits(text.data() + i);
        if (bits != 0) {
          const auto skip = static_cast<std::size_t>(__builtin_ctz(bits));
          i += skip;
          block = i + 1;
          found = true;
          break;
        }
        i += 16;
      }
      if (!found) block = size;  // the tail, byte by byte
      if (i >= size) break;
    }
#endif
    {
    const auto b = static_cast<unsigned char>(text[i]);
    std::size_t n = 1;
    char32_t c = b;
    if (b < 0x80) {
      if (!starts.ascii[b]) {
        ++i;
        continue;
      }
    } else if (b >= 0xE0 && b < 0xF0 && i + 2 < size) {
      // Three bytes, most of a Japanese text: decoded in place and dropped unless they may start.
      c = char32_t((b & 0x0Fu) << 12 | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6 |
                   (static_cast<unsigned char>(text[i + 2]) & 0x3Fu));
      n = 3;
      if (!starts.wide(c)) {
        i += 3;
        continue;
      }
      c = detail::code_point_at(text, i, n);  // the checked decoding, for what follows
    } else {
      i += b >= 0xC0 && b < 0xE0 && i + 1 < size ? 2 : 1;
      continue;
    }
    if (!detail::may_start_date(text, i, c, n)) {
      i += n;
      continue;
    }
    std::string_view window = text.substr(i, detail::find_window);
    if (window.size() < size - i) {  // end on a character's first byte
      std::size_t e = window.size();
      while (e > 0 && (static_cast<unsigned char>(text[i + e]) & 0xC0) == 0x80) --e;
      window = window.substr(0, e);
    }
    date_reading r;
    std::size_t length = detail::date_at(window, options, r);
    // A number run into letters or digits (H2O) is a name, not a date.
    if (length > 0 && i + length < size) {
      std::size_t m = 0;
      if (detail::is_ascii_alnum(detail::code_point_at(text, i + length, m)) &&
          detail::digit_value(detail::code_point_at(text, detail::previous_start(text, i + length), m)) >= 0)
        length = 0;
    }
    if (length == 0) {
      i += n;
      continue;
    }
    position += detail::count_code_points(text, counted, i);
    const std::size_t begin = position;
    position += detail::count_code_points(text, i, i + length);
    counted = i + length;
    out.push_back({begin, position, date_expression(std::string(text.substr(i, length)), r)});
    i += length;
    }
  }
  return out;
}

MIYAGIPLAN_FUNC fiscal_year fiscal_year::parse(std::string_view text, unsigned start_month) {
  parse_options o;
  o.fiscal_start_month = start_month;
  const date_expression e = parse_date(text, o);
  if (e.kind() != date_kind::fiscal_year) throw parse_error(std::string(text), 0, "a fiscal year (年度)");
  return fiscal_year::of(e.days().first, start_month);
}

}  // namespace miyagiplan
