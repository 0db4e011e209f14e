// Definitions of the calendar's reading of dates: the general parser of the plan's date
// expressions, and the fast path for the common forms. Part of src/calendar.cpp, or included
// inline by the header-only target (MIYAGIPLAN_HEADER_ONLY).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>
#include <string>
#include <string_view>

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
  std::size_t era_pos = 0, year_pos = 0, month_pos = 0, day_pos = 0;
  bool empty() const noexcept { return last == slot::none; }
};

struct failure {
  std::size_t position;
  const char* expected;
};

inline constexpr const char* expected_number = "a number";

// Reads one side. `inherit` is the left side when reading the right side of a range.
inline bool read_side(cursor& in, side& s, const side* inherit, failure& f) noexcept {
  in.skip_spaces();
  const std::size_t start = in.position();
  if (read_era(in, s.era_id, s.era_letter)) {
    s.has_era = true, s.era_pos = start;
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
        if (in.accept(U'末')) {
          s.end = true;
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
      const char32_t c = in.peek();
      if (digit_value(c) < 0 && kanji_digit_value(c) < 0 && kanji_multiplier(c) == 0) return true;
      next = slot::month;
      continue;
    }
    if (mark == U'月' && field == slot::month) {
      in.advance();
      in.skip_spaces();
      if (in.accept(U'末')) {
        s.end = true;
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
      return f = {in.position(), field == slot::year    ? "年"
                                 : field == slot::month ? "月"
                                                        : "日 or the end of the date"},
             false;
    // A separator continues a numeric date (H22.12.31, 2010-12-31) before any 年 mark;
    // in 平成23-25年度 the dash is a range mark. A right side restating its era letter reads
    // like a left one (H22.4～H23.3).
    if (is_separator(mark) && after != slot::none && !s.year_marked &&
        (s.era_letter || (!s.has_era && !inherit))) {
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

inline bool western_year(const side& s, int& y, failure& f, std::size_t pos) noexcept {
  if (s.has_era) {
    if (s.year < 1) return f = {s.year_pos, "an era year of 1 (元年) or more"}, false;
    y = info(s.era_id).first_year + s.year - 1;
  } else {
    y = s.year;
  }
  if (y < min_supported_year || y > max_supported_year - 1)
    return f = {pos, "a year between 1400 and 9998"}, false;
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
  if (!western_year(s, y, f, s.year_pos)) return false;
  if (names_fiscal_year(s)) {
    if (s.last != slot::year) return f = {s.month_pos, "年度 after the year"}, false;
    const fiscal_year fy(y, o.fiscal_start_month);
    days = fy.days(), kind = date_kind::fiscal_year;
    if (s.end) days.first = days.last, kind = date_kind::fiscal_year_end;
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
      if (s.end) days.first = days.last, kind = date_kind::month_end;
      return true;
    }
    case slot::day: {
      if (!check_month(s, f)) return false;
      const auto m = static_cast<unsigned>(s.month);
      if (s.day < 1 || static_cast<unsigned>(s.day) > last_day_of_month(y, m))
        return f = {s.day_pos, "a day that exists in the month"}, false;
      days.first = days.last = days_from_civil(y, m, static_cast<unsigned>(s.day));
      kind = date_kind::day;
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
                era_start_expectation[static_cast<std::size_t>(s.era_id)]},
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
  if (right.has_era || right.fy_prefix) return;
  right.has_era = left.has_era, right.era_id = left.era_id, right.era_letter = left.era_letter;
  right.era_pos = left.era_pos;
  right.fy_prefix = left.fy_prefix;  // FY2011～2013 counts fiscal years on both sides
  if (right.year_pos == 0 && right.last != slot::year) right.year = left.year, right.year_pos = left.year_pos;
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
    case date_kind::day: case date_kind::month_end: return date_kind::day_span;
    case date_kind::month: return date_kind::month_span;
    case date_kind::year: return date_kind::year_span;
    default: return date_kind::fiscal_year_span;
  }
}

inline bool read_expression(std::string_view text, const parse_options& o, date_reading& r,
                            failure& f) noexcept {
  r = {};
  cursor in(text);
  side left;
  if (!read_side(in, left, nullptr, f)) return false;
  in.skip_spaces();
  bool proleptic = false;
  date_kind kind{};
  day_span days{};
  // A dash the side did not take as a separator is a range mark, after a numeric date too (H10.3-).
  if (is_range_mark(in.peek()) || in.peek() == U'-') {
    in.advance();
    in.skip_spaces();
    const char32_t c = in.peek();
    const bool open = c == end_of_text || c == U'（' || c == U'(';
    if (open) {
      if (!side_days(left, o, kind, days, f) || !check_era(left, days, o, proleptic, f)) return false;
      days.last = open_end_serial, kind = date_kind::open_ended;
    } else {
      const std::size_t right_start = in.position();
      side right;
      if (!read_side(in, right, &left, f)) return false;
      inherit_fields(right, left);
      complete_left(left, right);
      date_kind lk{}, rk{};
      day_span ld{}, rd{};
      if (!side_days(left, o, lk, ld, f) || !check_era(left, ld, o, proleptic, f)) return false;
      if (!side_days(right, o, rk, rd, f) || !check_era(right, rd, o, proleptic, f)) return false;
      if (rd.last < ld.first) return f = {right_start, "an end after the start"}, false;
      days = {ld.first, rd.last};
      kind = span_kind(rk);
    }
  } else {
    if (!side_days(left, o, kind, days, f) || !check_era(left, days, o, proleptic, f)) return false;
  }
  if (!read_qualifiers(in, r, f)) return false;
  in.skip_spaces();
  if (!in.at_end()) return f = {in.position(), "the end of the date"}, false;
  r.kind = kind, r.days = days, r.proleptic = proleptic;
  return true;
}

// The forms most texts take (平成22年12月31日, H22.12.31, 2010-12-31), read straight from the
// code units. It only ever accepts what read_expression accepts, with the same result; anything
// else (spaces, full-width digits, kanji numerals, 元年, ranges, a date to refuse) returns false
// and goes the long way, which also says what is wrong.
template <class Unit>
bool read_common_day(const Unit* p, const Unit* const end, const parse_options& o, date_reading& r) noexcept {
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
    for (const auto& candidate : eras)
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
    const auto last = last_serial(e->id);
    if (last && s > *last) {
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

// Where reading stopped at a byte that is no character (bad UTF-8, NUL), that is the failure,
// whatever the grammar wanted there.
inline bool read_date(std::string_view text, const parse_options& o, date_reading& r,
                      failure& f) noexcept {
  if (read_common_day(text, o, r) || read_expression(text, o, r, f)) return true;
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
  if (read_common_day(text.data(), text.data() + text.size(), options, out)) return true;
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

MIYAGIPLAN_FUNC sys_days to_western(std::string_view text, const parse_options& options) {
  date_reading r;
  detail::failure f{0, ""};
  if (!detail::read_date(text, options, r, f)) detail::throw_parse_error(text, f);
  if (!names_a_day(r.kind)) detail::throw_parse_error(text, {0, "a text that names one day"});
  return r.days.first;
}

MIYAGIPLAN_FUNC fiscal_year fiscal_year::parse(std::string_view text, unsigned start_month) {
  parse_options o;
  o.fiscal_start_month = start_month;
  const date_expression e = parse_date(text, o);
  if (e.kind() != date_kind::fiscal_year) throw parse_error(std::string(text), 0, "a fiscal year (年度)");
  return fiscal_year::of(e.days().first, start_month);
}

}  // namespace miyagiplan
