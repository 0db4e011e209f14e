// The date expressions real plans contain (平成22年12月末, 平成23～25年度, H10.3～, 2010-12-31,
// 平成22年度（見込）…), read into what they mean: a kind and a closed span of days, with flags
// and the exact source text kept.
#pragma once

// Header-only mode: the outermost public header includes the definitions at its end.
#if defined(MIYAGIPLAN_HEADER_ONLY) && !defined(MIYAGIPLAN_OUTERMOST_HEADER)
#define MIYAGIPLAN_OUTERMOST_HEADER
#define MIYAGIPLAN_OUTERMOST_CALENDAR_DATE_EXPRESSION_HPP
#endif

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "miyagiplan/calendar/fiscal.hpp"
#include "miyagiplan/config.hpp"
#include "miyagiplan/describe.hpp"

namespace miyagiplan {

enum class date_kind : std::uint8_t {
  day,               // 平成22年12月31日, H22.12.31, 2010-12-31
  month_end,         // 平成22年12月末: the last day of the month
  month,             // 平成22年3月, H10.3: the whole month
  year,              // 平成22年, 2010年: the calendar year
  fiscal_year,       // 平成21年度, 2013年度, FY2013, and a bare H13 (the 年度 axis of a chart)
  fiscal_year_end,   // 平成21年度末: the last day of the fiscal year
  fiscal_quarter,    // 平成25年度第1四半期
  fiscal_half,       // 平成25年度上半期
  day_span,          // 平成22年4月1日～12月31日
  month_span,        // 平成22年4～12月
  year_span,         // 平成22～24年
  fiscal_year_span,  // 平成23～25年度, 平成23～25年度末
  open_ended,        // H26～, H10.3～: from a start onwards
};

// Whether an expression of this kind names one day (rather than a span of days).
constexpr bool names_a_day(date_kind k) noexcept {
  return k == date_kind::day || k == date_kind::month_end || k == date_kind::fiscal_year_end;
}

// The last day an open-ended expression runs to: the last day a date can hold.
inline constexpr sys_days open_end_serial = days_from_civil(9999, 12, 31);

// The year a date written without one (8月22日) is read in: a calendar year, or a fiscal year
// (a month-day then takes the year that puts it inside that fiscal year). year 0: no context.
struct date_context {
  int year = 0;
  bool fiscal = false;
  constexpr bool empty() const noexcept { return year == 0; }
  friend constexpr bool operator==(const date_context&, const date_context&) = default;
};

struct parse_options {
  bool strict = false;  // reject era years past the era's end (平成32年度) instead of flagging them
  unsigned fiscal_start_month = default_fiscal_start_month;
  date_context context{};  // for dates without a year; none by default (they are errors)
};

// What the parser found, without the source text: small, and free of allocation.
struct date_reading {
  date_kind kind = date_kind::day;
  day_span days;
  bool estimate = false;   // （見込）
  bool proleptic = false;  // an era year past its era's end, as plans written before 2019 used
};

// Why a text is not a date: the character (code point) where reading stopped and what was expected.
struct date_reading_failure {
  std::size_t position = 0;
  const char* expected = "";
};

// The allocation-free core: true and `out` on success, false and `failure` otherwise.
MIYAGIPLAN_FUNC bool try_read_date(std::string_view text, const parse_options& options,
                                   date_reading& out, date_reading_failure& failure) noexcept;
// The same for texts held as code points, as Python and numpy hold them: UTF-16 (or UCS-2) and
// UTF-32. The common forms are read in place; others are converted to UTF-8 first.
MIYAGIPLAN_FUNC bool try_read_date(std::u16string_view text, const parse_options& options,
                                   date_reading& out, date_reading_failure& failure) noexcept;
MIYAGIPLAN_FUNC bool try_read_date(std::u32string_view text, const parse_options& options,
                                   date_reading& out, date_reading_failure& failure) noexcept;

class date_expression {
 public:
  date_expression() = default;
  date_expression(std::string text, const date_reading& r) : text_(std::move(text)), reading_(r) {}

  const std::string& text() const noexcept { return text_; }
  date_kind kind() const noexcept { return reading_.kind; }
  day_span days() const noexcept { return reading_.days; }
  sys_days first() const noexcept { return reading_.days.first; }
  sys_days last() const noexcept { return reading_.days.last; }
  bool estimate() const noexcept { return reading_.estimate; }
  bool proleptic() const noexcept { return reading_.proleptic; }
  bool open_ended() const noexcept { return reading_.kind == date_kind::open_ended; }
  const date_reading& reading() const noexcept { return reading_; }
  bool empty() const noexcept { return text_.empty(); }

  friend bool operator==(const date_expression& a, const date_expression& b) noexcept {
    return a.text_ == b.text_ && a.reading_.kind == b.reading_.kind &&
           a.reading_.days == b.reading_.days && a.reading_.estimate == b.reading_.estimate &&
           a.reading_.proleptic == b.reading_.proleptic;
  }

 private:
  std::string text_;
  date_reading reading_;
};

// Throws parse_error (what was expected, at which character).
MIYAGIPLAN_FUNC date_expression parse_date(std::string_view text, const parse_options& options = {});

// The context an expression gives a date without a year: the fiscal year of its first day when
// it names a fiscal year or a part of one (平成25年度末, 令和5年度第1四半期), else the calendar year
// of its first day.
MIYAGIPLAN_FUNC date_context context_of(const date_reading& r,
                                        unsigned fiscal_start_month = default_fiscal_start_month) noexcept;
// The calendar year of a day.
MIYAGIPLAN_FUNC date_context context_of(sys_days day) noexcept;

// A date that may lack its year, read in a context: parse_date("8月22日", parse_date("令和5年度"))
// is 2023-08-22, parse_date("2月1日", parse_date("令和5年度")) is 2024-02-01.
MIYAGIPLAN_FUNC date_expression parse_date(std::string_view text, const date_expression& context,
                                           parse_options options = {});
MIYAGIPLAN_FUNC date_expression parse_date(std::string_view text, sys_days context, parse_options options = {});

// One date expression found in running text: where it stands, in code points [begin, end), and
// what it reads as (its text is the matched text).
struct date_match {
  std::size_t begin = 0;
  std::size_t end = 0;
  date_expression expression;
  const std::string& text() const noexcept { return expression.text(); }
};

// Every date expression in a text (a plan, a PDF's extraction with stray spaces and full-width
// digits), in order and never overlapping. Each match is the longest text from its start that
// reads as a date, and reads alone to the same expression; quantities (2,280 件) and bare parts
// (第3四半期) are not dates. Dates without a year are found only with options.context. Offsets
// count code points of valid UTF-8 (as Python's str indexes).
MIYAGIPLAN_FUNC std::vector<date_match> find_dates(std::string_view text, const parse_options& options = {});
namespace detail {
// find_dates the slow way, every character tried as a start: what find_dates must return (tests).
MIYAGIPLAN_FUNC std::vector<date_match> find_dates_reference(std::string_view text, const parse_options& options = {});
}  // namespace detail

// A text that names one day (a day, a month end, a fiscal-year end) → that day.
MIYAGIPLAN_FUNC sys_days to_western(std::string_view text, const parse_options& options = {});

template <>
struct enum_description<date_kind> {
  static constexpr std::string_view type = "date kind", python = "DateKind";
  static constexpr std::string_view doc = "What a date expression names: a day, a month, a fiscal year, a span, …";
  static constexpr std::array<std::string_view, 13> names{
      "day",       "month_end",  "month",     "year",      "fiscal_year",      "fiscal_year_end", "fiscal_quarter",
      "fiscal_half", "day_span", "month_span", "year_span", "fiscal_year_span", "open_ended"};
  static constexpr std::array<std::string_view, 13> docs{
      "one day: 平成22年12月31日, H22.12.31, 2010-12-31",
      "the last day of a month: 平成22年12月末",
      "a whole month: 平成22年3月, H10.3",
      "a calendar year: 平成22年, 2010年",
      "a fiscal year: 平成21年度, 2013年度, FY2013, H13",
      "the last day of a fiscal year: 平成21年度末",
      "a fiscal quarter: 平成25年度第1四半期",
      "a fiscal half: 平成25年度上半期",
      "days to days: 平成22年4月1日～12月31日",
      "months to months: 平成22年4～12月",
      "years to years: 平成22～24年",
      "fiscal years to fiscal years: 平成23～25年度",
      "from a start onwards: H26～, H10.3～"};
};

}  // namespace miyagiplan

#define MIYAGIPLAN_NEEDS_CALENDAR_DEFINITIONS
#ifdef MIYAGIPLAN_OUTERMOST_CALENDAR_DATE_EXPRESSION_HPP
#include "miyagiplan/header_only-inl.hpp"
#endif
