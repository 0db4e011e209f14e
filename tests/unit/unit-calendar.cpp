// 和暦, 年度 and the plan's date expressions, checked against DOMAIN.md §2–4. Public API only:
// the same file also runs against the header-only variant.
#include <doctest/doctest.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <vector>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "miyagiplan/calendar.hpp"
#include "miyagiplan/calendar/boost_date.hpp"
#include "calendar_checks.hpp"

namespace {

using namespace miyagiplan;
using namespace std::string_view_literals;

using namespace test_support;
using test_support::iso;  // beside the overloads below

std::string iso(const boost::gregorian::date& d) { return iso(to_sys_days(d)); }
std::string iso(const civil_date& c) { return iso(days_from_civil(c)); }

// UTF-8 of one code point below U+10000 (all the calendar's characters are).
std::string utf8(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

// The full-width form of printable ASCII (Ｈ２２．１２．３１), as the PDF's text often has it.
std::string full_width(std::string_view ascii) {
  std::string out;
  for (const char c : ascii) out += utf8(U'\uFF01' + static_cast<char32_t>(c - '!'));
  return out;
}

// Each era's first day and the day before it, as every API must see them.
struct boundary_day {
  civil_date gregorian;
  era_date era_day;
  std::string_view kanji;
  std::string_view abbrev;
};

constexpr boundary_day boundary_days[] = {
    {{1873, 1, 1}, {era::meiji, 6, 1, 1}, "明治6年1月1日", "M6.1.1"},
    {{1912, 7, 29}, {era::meiji, 45, 7, 29}, "明治45年7月29日", "M45.7.29"},
    {{1912, 7, 30}, {era::taisho, 1, 7, 30}, "大正元年7月30日", "T1.7.30"},
    {{1926, 12, 24}, {era::taisho, 15, 12, 24}, "大正15年12月24日", "T15.12.24"},
    {{1926, 12, 25}, {era::showa, 1, 12, 25}, "昭和元年12月25日", "S1.12.25"},
    {{1989, 1, 7}, {era::showa, 64, 1, 7}, "昭和64年1月7日", "S64.1.7"},
    {{1989, 1, 8}, {era::heisei, 1, 1, 8}, "平成元年1月8日", "H1.1.8"},
    {{2019, 4, 30}, {era::heisei, 31, 4, 30}, "平成31年4月30日", "H31.4.30"},
    {{2019, 5, 1}, {era::reiwa, 1, 5, 1}, "令和元年5月1日", "R1.5.1"},
};

constexpr civil_date day_before_eras{1872, 12, 31};

// The search era_date_of made before it counted the eras begun (era.hpp), kept as the answer it
// must give: the latest built-in era begun by the day (no era is added in this process).
std::optional<era_date> searched_era_date(sys_days s) {
  if (s < builtin_eras.front().first_serial) return std::nullopt;
  std::size_t i = builtin_eras.size() - 1;
  while (s < builtin_eras[i].first_serial) --i;
  const civil_date c = civil_from_days(s);
  return era_date{builtin_eras[i].id, c.year - builtin_eras[i].first_year + 1, c.month, c.day};
}

}  // namespace

TEST_SUITE("calendar") {

TEST_CASE("the plan's date expressions read as DOMAIN §4 says") {
  constexpr expected_reading plan_expressions[] = {
      {"平成22年12月末", date_kind::month_end, "2010-12-31", "2010-12-31"},
      {"平成22年9月末", date_kind::month_end, "2010-09-30", "2010-09-30"},
      {"平成21年度末", date_kind::fiscal_year_end, "2010-03-31", "2010-03-31"},
      {"平成25年度末", date_kind::fiscal_year_end, "2014-03-31", "2014-03-31"},
      {"平成21年度", date_kind::fiscal_year, "2009-04-01", "2010-03-31"},
      {"平成22年度（見込）", date_kind::fiscal_year, "2010-04-01", "2011-03-31", true},
      {"平成22年4～12月", date_kind::month_span, "2010-04-01", "2010-12-31"},
      {"平成22年3月", date_kind::month, "2010-03-01", "2010-03-31"},
      {"平成26年3月", date_kind::month, "2014-03-01", "2014-03-31"},
      {"平成23～25年度", date_kind::fiscal_year_span, "2011-04-01", "2014-03-31"},
      {"平成23～25年度末", date_kind::fiscal_year_span, "2011-04-01", "2014-03-31"},
      {"平成１０年３月", date_kind::month, "1998-03-01", "1998-03-31"},
      {"H10.3", date_kind::month, "1998-03-01", "1998-03-31"},
      {"H13", date_kind::fiscal_year, "2001-04-01", "2002-03-31"},
      {"H26～", date_kind::open_ended, "2014-04-01", "9999-12-31"},
      // The plan's own spellings: spaces between tokens, digits of both widths in one number.
      {"平成 22 年 1２月末", date_kind::month_end, "2010-12-31", "2010-12-31"},
      {"平成 22 年度（見込）", date_kind::fiscal_year, "2010-04-01", "2011-03-31", true},
      {"平成 23～25 年度末", date_kind::fiscal_year_span, "2011-04-01", "2014-03-31"},
  };
  for (const auto& expression : plan_expressions) check_reading(expression);

  // A day-naming expression is one day; the open end is the last day a date can hold.
  CHECK(names_a_day(date_kind::month_end));
  CHECK(names_a_day(date_kind::fiscal_year_end));
  CHECK_FALSE(names_a_day(date_kind::fiscal_year_span));
  CHECK(parse_date("H26～").days().last == open_end_serial);
}

TEST_CASE("every range mark of the plan joins a range") {
  for (const std::string_view mark : {"～"sv, "〜"sv, "~"sv, "－"sv, "-"sv}) {
    const std::string m(mark);
    check_reading({"平成23" + m + "25年度", date_kind::fiscal_year_span, "2011-04-01", "2014-03-31"});
    check_reading({"平成23" + m + "25年度末", date_kind::fiscal_year_span, "2011-04-01", "2014-03-31"});
    check_reading({"平成22年4" + m + "12月", date_kind::month_span, "2010-04-01", "2010-12-31"});
    check_reading({"H23" + m + "H25", date_kind::fiscal_year_span, "2011-04-01", "2014-03-31"});
    check_reading({"H26" + m, date_kind::open_ended, "2014-04-01", "9999-12-31"});
    check_reading({"H10.3" + m, date_kind::open_ended, "1998-03-01", "9999-12-31"});
  }
}

TEST_CASE("every written form of one day (DOMAIN §2)") {
  constexpr std::string_view spellings_of_2010_12_31[] = {
      "平成22年12月31日", "平成２２年１２月３１日", "平成二十二年十二月三十一日",
      "平成 22 年 12 月 31 日", "平成　22年　12月　31日", " 平成22年12月31日\t", "㍻22年12月31日",
      "H22.12.31", "h22.12.31", "H22/12/31", "h22/12/31", "H22-12-31", "Ｈ２２．１２．３１",
      "ｈ22／12／31", "H 22 . 12 . 31", "H22.12.31 ",
      "2010年12月31日", "２０１０年１２月３１日", "二〇一〇年十二月三十一日", "二千十年十二月三十一日",
      "2010-12-31", "2010/12/31", "2010.12.31", "2010 - 12 - 31",
  };
  for (const auto text : spellings_of_2010_12_31)
    check_reading({text, date_kind::day, "2010-12-31", "2010-12-31"});
}

TEST_CASE("era letters in both cases and widths, with . / - between the numbers") {
  // Each era's first day, and the last day of the ones that ended.
  constexpr struct {
    char letter;
    std::string_view numbers;  // with '.' between year, month and day
    std::string_view iso_day;
  } letter_dates[] = {
      {'M', "6.1.1", "1873-01-01"},  {'M', "45.7.29", "1912-07-29"}, {'T', "1.7.30", "1912-07-30"},
      {'T', "15.12.24", "1926-12-24"}, {'S', "1.12.25", "1926-12-25"}, {'S', "64.1.7", "1989-01-07"},
      {'H', "1.1.8", "1989-01-08"},  {'H', "31.4.30", "2019-04-30"}, {'R', "1.5.1", "2019-05-01"},
  };
  for (const auto& d : letter_dates) {
    const auto lower = static_cast<char>(d.letter - 'A' + 'a');
    const std::string letters[] = {std::string(1, d.letter), std::string(1, lower),
                                   full_width(std::string(1, d.letter)),
                                   full_width(std::string(1, lower))};
    for (const std::string& letter : letters) {
      for (const char separator : {'.', '/', '-'}) {
        std::string numbers(d.numbers);
        for (char& c : numbers)
          if (c == '.') c = separator;
        check_reading({letter + numbers, date_kind::day, d.iso_day, d.iso_day});
      }
    }
  }
}

TEST_CASE("other written forms: 元年, ligatures, kanji numerals, Western and fiscal labels") {
  constexpr expected_reading forms[] = {
      {"平成元年1月8日", date_kind::day, "1989-01-08", "1989-01-08"},
      {"令和元年5月1日", date_kind::day, "2019-05-01", "2019-05-01"},
      {"㋿元年5月1日", date_kind::day, "2019-05-01", "2019-05-01"},
      {"㋿元年五月一日", date_kind::day, "2019-05-01", "2019-05-01"},
      {"平成三十一年四月三十日", date_kind::day, "2019-04-30", "2019-04-30"},
      {"千九百八十九年一月八日", date_kind::day, "1989-01-08", "1989-01-08"},
      {"一九八九年一月八日", date_kind::day, "1989-01-08", "1989-01-08"},
      {"令和元年", date_kind::year, "2019-01-01", "2019-12-31"},
      {"平成22年", date_kind::year, "2010-01-01", "2010-12-31"},
      {"2010年", date_kind::year, "2010-01-01", "2010-12-31"},
      {"二〇一〇年", date_kind::year, "2010-01-01", "2010-12-31"},
      {"平成十年三月", date_kind::month, "1998-03-01", "1998-03-31"},
      {"1998年3月", date_kind::month, "1998-03-01", "1998-03-31"},
      {"1998-03", date_kind::month, "1998-03-01", "1998-03-31"},
      {"H10/3", date_kind::month, "1998-03-01", "1998-03-31"},
      {"2010年12月末", date_kind::month_end, "2010-12-31", "2010-12-31"},
      {"2010年度末", date_kind::fiscal_year_end, "2011-03-31", "2011-03-31"},
      {"平成元年度", date_kind::fiscal_year, "1989-04-01", "1990-03-31"},
      {"令和元年度", date_kind::fiscal_year, "2019-04-01", "2020-03-31"},
      {"平成25年度", date_kind::fiscal_year, "2013-04-01", "2014-03-31"},
      {"2013年度", date_kind::fiscal_year, "2013-04-01", "2014-03-31"},
      {"２０１３年度", date_kind::fiscal_year, "2013-04-01", "2014-03-31"},
      {"二〇一三年度", date_kind::fiscal_year, "2013-04-01", "2014-03-31"},
      {"FY2013", date_kind::fiscal_year, "2013-04-01", "2014-03-31"},
      {"fy2013", date_kind::fiscal_year, "2013-04-01", "2014-03-31"},
      {"ＦＹ２０１３", date_kind::fiscal_year, "2013-04-01", "2014-03-31"},
      {"FY 2013", date_kind::fiscal_year, "2013-04-01", "2014-03-31"},
      {"H25", date_kind::fiscal_year, "2013-04-01", "2014-03-31"},
      {"ｈ２５", date_kind::fiscal_year, "2013-04-01", "2014-03-31"},
      {"平成22年度第1四半期", date_kind::fiscal_quarter, "2010-04-01", "2010-06-30"},
      {"平成22年度第一四半期", date_kind::fiscal_quarter, "2010-04-01", "2010-06-30"},
      {"平成22年度 第 2 四半期", date_kind::fiscal_quarter, "2010-07-01", "2010-09-30"},
      {"2013年度第4四半期", date_kind::fiscal_quarter, "2014-01-01", "2014-03-31"},
      {"平成22年度上半期", date_kind::fiscal_half, "2010-04-01", "2010-09-30"},
      {"平成22年度下半期", date_kind::fiscal_half, "2010-10-01", "2011-03-31"},
      {"平成22年4月1日～12月31日", date_kind::day_span, "2010-04-01", "2010-12-31"},
      {"平成22年12月1日～31日", date_kind::day_span, "2010-12-01", "2010-12-31"},
      {"H22.3.31～H23.3.31", date_kind::day_span, "2010-03-31", "2011-03-31"},
      {"平成22年4月～23年3月", date_kind::month_span, "2010-04-01", "2011-03-31"},
      {"H22.4～H23.3", date_kind::month_span, "2010-04-01", "2011-03-31"},
      {"平成22～24年", date_kind::year_span, "2010-01-01", "2012-12-31"},
      {"FY2011～FY2013", date_kind::fiscal_year_span, "2011-04-01", "2014-03-31"},
      {"FY2011～2013", date_kind::fiscal_year_span, "2011-04-01", "2014-03-31"},
      {"2011～2013年度", date_kind::fiscal_year_span, "2011-04-01", "2014-03-31"},
      {"平成30～令和2年度", date_kind::fiscal_year_span, "2018-04-01", "2021-03-31"},
      {"平成22年4月～", date_kind::open_ended, "2010-04-01", "9999-12-31"},
      {"平成22年度(見込み)", date_kind::fiscal_year, "2010-04-01", "2011-03-31", true},
      {"平成22年度（実績）", date_kind::fiscal_year, "2010-04-01", "2011-03-31", false},
      {"H22.12.31（見込）", date_kind::day, "2010-12-31", "2010-12-31", true},
  };
  for (const auto& form : forms) check_reading(form);
}

TEST_CASE("every era boundary, in every direction") {
  for (const auto& b : boundary_days) {
    CAPTURE(b.kanji);
    const sys_days s = days_from_civil(b.gregorian);
    const sys_days gregorian = days_from_civil(b.gregorian);
    CHECK(era_of(s) == b.era_day.era);
    CHECK(era_date_of(s) == b.era_day);
    CHECK(to_era_date(gregorian) == b.era_day);
    CHECK(is_valid(b.era_day));
    CHECK(to_sys_days(b.era_day) == s);
    CHECK(iso(to_gregorian(b.era_day)) == iso(b.gregorian));
    CHECK(format_date(gregorian) == b.kanji);
    CHECK(format_date(gregorian, date_style::abbrev) == b.abbrev);
    CHECK(format_era_date(b.era_day) == b.kanji);
    check_reading({b.kanji, date_kind::day, iso(b.gregorian), iso(b.gregorian)});
    check_reading({b.abbrev, date_kind::day, iso(b.gregorian), iso(b.gregorian)});
  }

  // The era table: each era ends the day before the next begins; 令和 has no end.
  for (std::size_t i = 0; i + 1 < builtin_eras.size(); ++i)
    CHECK(last_serial(builtin_eras[i].id) == builtin_eras[i + 1].first_serial - day_count(1));
  CHECK_FALSE(last_serial(era::reiwa).has_value());
  CHECK(info(era::heisei).kanji == "平成");
  CHECK(info(era::reiwa).letter == 'R');

  // Before 明治6年1月1日 there is no era date.
  const sys_days before = days_from_civil(day_before_eras);
  CHECK_FALSE(era_of(before).has_value());
  CHECK_FALSE(era_date_of(before).has_value());
  CHECK_THROWS_AS(to_era_date(days_from_civil(day_before_eras)), range_error);

  // Era dates that name no day of their era.
  constexpr era_date not_in_their_era[] = {
      {era::reiwa, 1, 4, 30},    // before 令和
      {era::heisei, 1, 1, 7},    // before 平成
      {era::showa, 64, 1, 8},    // after 昭和 (valid only as a proleptic reading)
      {era::heisei, 0, 6, 1},    // no year 0
      {era::heisei, 22, 2, 29},  // 2010 is not a leap year
      {era::heisei, 22, 13, 1},  // no month 13
      {era::meiji, 5, 12, 31},   // lunisolar
  };
  for (const auto& d : not_in_their_era) {
    CAPTURE(d.year);
    CHECK_FALSE(is_valid(d));
    CHECK_THROWS_AS(to_gregorian(d), range_error);
  }
}

TEST_CASE("leap days: 2月29日 exists only in leap years, 1900 is not one, 2000 is") {
  CHECK(is_leap_year(2000));
  CHECK_FALSE(is_leap_year(1900));
  CHECK_FALSE(is_leap_year(2100));
  CHECK(is_leap_year(2012));
  CHECK(last_day_of_month(2000, 2) == 29);
  CHECK(last_day_of_month(1900, 2) == 28);

  constexpr std::string_view leap_days[] = {"2000年2月29日", "平成12年2月29日", "H12.2.29",
                                            "明治37年2月29日", "平成28年2月29日", "令和2年2月29日"};
  for (const auto text : leap_days) {
    const date_expression e = parse_date(text);
    CHECK(e.kind() == date_kind::day);
    CHECK(civil_from_days(e.days().first).day == 29);
  }
  constexpr malformed_text not_leap_days[] = {
      {"1900年2月29日", 7, "a day that exists in the month"},
      {"明治33年2月29日", 7, "a day that exists in the month"},
      {"平成22年2月29日", 7, "a day that exists in the month"},
      {"H23.2.29", 6, "a day that exists in the month"},
      {"2100-02-29", 8, "a day that exists in the month"},
  };
  for (const auto& bad : not_leap_days) check_malformed(bad);
}

// A day is a sys_days, never a bare number: fiscal_year::of(2013) does not compile (it would be a
// day in 1975), while a std::chrono::sys_days converts.
template <class Day>
concept a_day_for_the_calendar = requires(Day d, fiscal_year fy) {
  fiscal_year::of(d);
  fy.contains(d);
  to_era_date(d);
  format_date(d);
};
static_assert(!a_day_for_the_calendar<int>);
static_assert(!a_day_for_the_calendar<std::int32_t>);
static_assert(!a_day_for_the_calendar<long>);
static_assert(!std::is_invocable_v<decltype([](auto d) -> decltype(fiscal_year::of(d)) { return fiscal_year::of(d); }), int>);
static_assert(a_day_for_the_calendar<sys_days>);
static_assert(a_day_for_the_calendar<std::chrono::sys_days>);
static_assert(std::is_convertible_v<sys_days, std::chrono::sys_days>);
static_assert(sizeof(sys_days) == 4);
static_assert(fiscal_year::of(std::chrono::sys_days(std::chrono::year{2014} / 3 / 31)) == fiscal_year(2013));

TEST_CASE("fiscal years") {
  SUBCASE("of(): the day before and the first day of the start month") {
    constexpr struct {
      civil_date day;
      unsigned start_month;
      int fiscal;
    } cases[] = {
        {{2014, 3, 31}, 4, 2013}, {{2014, 4, 1}, 4, 2014},   {{2019, 4, 30}, 4, 2019},
        {{2013, 12, 31}, 1, 2013}, {{2014, 1, 1}, 1, 2014},  {{2013, 9, 30}, 10, 2012},
        {{2013, 10, 1}, 10, 2013},
    };
    for (const auto& c : cases) {
      CAPTURE(iso(c.day));
      const fiscal_year by_serial = fiscal_year::of(days_from_civil(c.day), c.start_month);
      CHECK(by_serial == fiscal_year(c.fiscal, c.start_month));
      CHECK(fiscal_year::of(std::chrono::sys_days(days_from_civil(c.day)), c.start_month) == by_serial);
      CHECK(by_serial.contains(days_from_civil(c.day)));
      CHECK_FALSE(by_serial.next().contains(days_from_civil(c.day)));
    }
    CHECK(fiscal_year::of(days_from_civil(2014, 3, 31)) == fiscal_year(2013));  // April by default
  }

  SUBCASE("days, quarters and halves for start months 4, 1 and 10") {
    // quarter and half 0: the whole year.
    constexpr struct {
      unsigned start_month, quarter, half;
      std::string_view first, last;
    } parts[] = {
        {4, 0, 0, "2013-04-01", "2014-03-31"},  {4, 1, 0, "2013-04-01", "2013-06-30"},
        {4, 2, 0, "2013-07-01", "2013-09-30"},  {4, 3, 0, "2013-10-01", "2013-12-31"},
        {4, 4, 0, "2014-01-01", "2014-03-31"},  {4, 0, 1, "2013-04-01", "2013-09-30"},
        {4, 0, 2, "2013-10-01", "2014-03-31"},  {1, 0, 0, "2013-01-01", "2013-12-31"},
        {1, 1, 0, "2013-01-01", "2013-03-31"},  {1, 4, 0, "2013-10-01", "2013-12-31"},
        {1, 0, 2, "2013-07-01", "2013-12-31"},  {10, 0, 0, "2013-10-01", "2014-09-30"},
        {10, 1, 0, "2013-10-01", "2013-12-31"}, {10, 2, 0, "2014-01-01", "2014-03-31"},
        {10, 4, 0, "2014-07-01", "2014-09-30"}, {10, 0, 1, "2013-10-01", "2014-03-31"},
        {10, 0, 2, "2014-04-01", "2014-09-30"},
    };
    for (const auto& p : parts) {
      CAPTURE(p.start_month);
      CAPTURE(p.quarter);
      CAPTURE(p.half);
      const fiscal_year fy(2013, p.start_month);
      const day_span span = p.quarter ? fy.quarter(p.quarter) : p.half ? fy.half(p.half) : fy.days();
      CHECK(iso(span.first) == p.first);
      CHECK(iso(span.last) == p.last);
      if (p.quarter == 0 && p.half == 0) {
        CHECK(iso(fy.first_day()) == p.first);
        CHECK(iso(fy.last_day()) == p.last);
      }
    }
    CHECK(fiscal_year(2011).days().length() == 366);  // holds 2012-02-29
    CHECK(fiscal_year(2013).days().length() == 365);

    // The parser takes the start month as an option.
    const parse_options october{.fiscal_start_month = 10};
    check_reading({"2013年度", date_kind::fiscal_year, "2013-10-01", "2014-09-30"}, october);
    check_reading({"平成25年度第1四半期", date_kind::fiscal_quarter, "2013-10-01", "2013-12-31"},
                  october);
    check_reading({"平成25年度末", date_kind::fiscal_year_end, "2014-09-30", "2014-09-30"}, october);
  }

  SUBCASE("order, next and prev") {
    CHECK(fiscal_year(2013).next() == fiscal_year(2014));
    CHECK(fiscal_year(2013).prev() == fiscal_year(2012));
    CHECK(fiscal_year(2013) < fiscal_year(2014));
    CHECK(fiscal_year(2013).ok());
    CHECK_FALSE(fiscal_year(2013, 13).ok());
    CHECK(fiscal_year(2013).start_month() == default_fiscal_start_month);
  }

  SUBCASE("labels in three styles and both era rules") {
    constexpr struct {
      int year;
      unsigned start_month;
      fiscal_label style;
      era_rule rule;
      std::string_view text;
    } labels[] = {
        {2013, 4, fiscal_label::era, era_rule::latest, "平成25年度"},
        {2013, 4, fiscal_label::western, era_rule::latest, "2013年度"},
        {2013, 4, fiscal_label::fy, era_rule::latest, "FY2013"},
        {2019, 4, fiscal_label::era, era_rule::latest, "令和元年度"},
        {2019, 4, fiscal_label::era, era_rule::first_day, "平成31年度"},
        {2019, 4, fiscal_label::western, era_rule::first_day, "2019年度"},
        {2020, 4, fiscal_label::era, era_rule::first_day, "令和2年度"},
        {1989, 4, fiscal_label::era, era_rule::latest, "平成元年度"},
        {1989, 4, fiscal_label::era, era_rule::first_day, "平成元年度"},
        {1988, 4, fiscal_label::era, era_rule::latest, "昭和63年度"},
        {1926, 4, fiscal_label::era, era_rule::latest, "昭和元年度"},
        {1926, 4, fiscal_label::era, era_rule::first_day, "大正15年度"},
        {1912, 4, fiscal_label::era, era_rule::latest, "大正元年度"},
        {1912, 4, fiscal_label::era, era_rule::first_day, "明治45年度"},
        {2019, 1, fiscal_label::era, era_rule::first_day, "平成31年度"},
        {2019, 10, fiscal_label::era, era_rule::first_day, "令和元年度"},
    };
    for (const auto& l : labels) {
      CAPTURE(l.text);
      CHECK(fiscal_year(l.year, l.start_month).label(l.style, l.rule) == l.text);
    }
    CHECK(fiscal_year(2019).label() == "令和元年度");  // era style, latest era by default
    CHECK(fiscal_year(2019).naming_era() == era::reiwa);
    CHECK(fiscal_year(2019).naming_era(era_rule::first_day) == era::heisei);
    // FY1872 reaches 1873-01-01 but does not start in an era; FY1871 has no era at all.
    CHECK(fiscal_year(1872).naming_era() == era::meiji);
    CHECK_FALSE(fiscal_year(1872).naming_era(era_rule::first_day).has_value());
    CHECK_FALSE(fiscal_year(1871).naming_era().has_value());
    CHECK_THROWS_AS(fiscal_year(1871).label(), range_error);
    CHECK(fiscal_year(1871).label(fiscal_label::western) == "1871年度");
  }

  SUBCASE("parse: both names of FY2019, and every label of every year reads back") {
    CHECK(fiscal_year::parse("平成31年度") == fiscal_year(2019));
    CHECK(fiscal_year::parse("令和元年度") == fiscal_year(2019));
    for (const std::string_view text : {"平成25年度"sv, "2013年度"sv, "FY2013"sv, "H25"sv})
      CHECK(fiscal_year::parse(text) == fiscal_year(2013));
    CHECK(fiscal_year::parse("2013年度", 1) == fiscal_year(2013, 1));
    for (const std::string_view not_a_fiscal_year : {"平成25年"sv, "平成25年度末"sv, "2013-04-01"sv}) {
      CAPTURE(not_a_fiscal_year);
      CHECK_THROWS_WITH_AS(fiscal_year::parse(not_a_fiscal_year),
                           doctest::Contains("a fiscal year (年度)"), parse_error);
    }

    int mismatches = 0;
    for (int year = 1873; year <= 2100; ++year) {
      for (const era_rule rule : {era_rule::latest, era_rule::first_day}) {
        for (const fiscal_label style : {fiscal_label::era, fiscal_label::western, fiscal_label::fy}) {
          const std::string label = fiscal_year(year).label(style, rule);
          if (fiscal_year::parse(label) != fiscal_year(year) && mismatches++ == 0) FAIL_CHECK(label);
        }
      }
    }
    CHECK(mismatches == 0);
  }
}

TEST_CASE("proleptic era years: flagged by default, refused in strict mode") {
  constexpr parse_options strict{.strict = true};
  // Texts past their era's end, as plans written before 2019 have them; the position is the
  // era year's, where strict mode stops.
  constexpr struct {
    expected_reading reading;
    std::size_t strict_position;
  } proleptic[] = {
      {{"平成32年度", date_kind::fiscal_year, "2020-04-01", "2021-03-31", false, true}, 2},
      {{"平成31年5月1日", date_kind::day, "2019-05-01", "2019-05-01", false, true}, 2},
      {{"平成31年12月", date_kind::month, "2019-12-01", "2019-12-31", false, true}, 2},
      {{"昭和64年1月8日", date_kind::day, "1989-01-08", "1989-01-08", false, true}, 2},
      {{"大正16年", date_kind::year, "1927-01-01", "1927-12-31", false, true}, 2},
      {{"S64", date_kind::fiscal_year, "1989-04-01", "1990-03-31", false, true}, 1},
      {{"H32.1.1", date_kind::day, "2020-01-01", "2020-01-01", false, true}, 1},
      {{"平成30～32年度", date_kind::fiscal_year_span, "2018-04-01", "2021-03-31", false, true}, 5},
  };
  for (const auto& p : proleptic) {
    check_reading(p.reading);
    check_malformed({p.reading.text, p.strict_position, "a year within the era's span (strict mode)"},
                    strict);
  }
  CHECK(fiscal_year::parse("平成32年度") == fiscal_year(2020));

  // Texts within their era: the same in both modes. A fiscal label names its whole year, so
  // FY2019's end and quarters are still 平成31年度's.
  constexpr expected_reading within_era[] = {
      {"平成31年度", date_kind::fiscal_year, "2019-04-01", "2020-03-31"},
      {"令和元年度", date_kind::fiscal_year, "2019-04-01", "2020-03-31"},
      {"平成31年度末", date_kind::fiscal_year_end, "2020-03-31", "2020-03-31"},
      {"平成31年度第4四半期", date_kind::fiscal_quarter, "2020-01-01", "2020-03-31"},
      {"令和元年度第1四半期", date_kind::fiscal_quarter, "2019-04-01", "2019-06-30"},
      {"平成31年", date_kind::year, "2019-01-01", "2019-12-31"},
      {"平成31年4月30日", date_kind::day, "2019-04-30", "2019-04-30"},
      {"昭和64年1月7日", date_kind::day, "1989-01-07", "1989-01-07"},
  };
  for (const auto& r : within_era) {
    check_reading(r);
    check_reading(r, strict);
  }
}

TEST_CASE("malformed texts: a parse_error at the character where reading stopped") {
  constexpr malformed_text malformed[] = {
      // Nothing, or nothing a date starts with.
      {"", 0, "a date"},
      {"   ", 3, "a date"},
      {"abc", 0, "a date"},
      {"年", 0, "a date"},
      {"元年", 0, "a date"},
      {"～平成22年", 0, "a date"},
      {"FY", 2, "a date"},
      // An era without its year.
      {"平成", 2, "an era year (a number or 元)"},
      {"平成年", 2, "an era year (a number or 元)"},
      {"平成元", 3, "年 after 元"},
      {"H元", 2, "年 after 元"},
      // Fields out of range.
      {"平成0年", 2, "an era year of 1 (元年) or more"},
      {"令和0年", 2, "an era year of 1 (元年) or more"},
      {"平成22年13月", 5, "a month 1–12"},
      {"平成22年0月", 5, "a month 1–12"},
      {"平成 22 年 13 月", 8, "a month 1–12"},
      {"平成２２年１３月", 5, "a month 1–12"},
      {"H22.13.1", 4, "a month 1–12"},
      {"2010-13-01", 5, "a month 1–12"},
      {"H22.4～23.3", 6, "a month 1–12"},  // the right side's 23 stands where a month goes
      {"平成22年2月30日", 7, "a day that exists in the month"},
      {"平成22年12月0日", 8, "a day that exists in the month"},
      {"H22.12.32", 7, "a day that exists in the month"},
      {"平成22年度第5四半期", 7, "a quarter 1–4"},
      {"平成22年度第", 7, "a quarter 1–4"},
      {"平成22年度第1", 8, "四半期"},
      {"平成22年度第14四半期", 8, "四半期"},
      // Numbers too long, or Western years outside what a date holds.
      {"12345年", 0, "a number of at most 4 digits"},
      {"平成12345年", 2, "a number of at most 4 digits"},
      {"FY12345", 2, "a number of at most 4 digits"},
      {"平成二三十年", 2, "a number of at most 4 digits"},
      {"FY20", 2, "a year between 1400 and 9998"},
      {"201", 0, "a year between 1400 and 9998"},
      {"1399年", 0, "a year between 1400 and 9998"},
      {"9999年", 0, "a year between 1400 and 9998"},
      // Days before their era began; a 年度 before 明治5年度 (FY1872) is before the Gregorian calendar.
      {"令和元年4月30日", 0, "令和's first day (2019-05-01)"},
      {"令和元年4月", 0, "令和's first day (2019-05-01)"},
      {"R1.4.30", 0, "令和's first day (2019-05-01)"},
      {"平成元年1月7日", 0, "平成's first day (1989-01-08)"},
      {"昭和元年12月24日", 0, "昭和's first day (1926-12-25)"},
      {"大正元年7月29日", 0, "大正's first day (1912-07-30)"},
      // 明治5年 and before are lunisolar (unit-lunisolar.cpp): 明治5年12月 had 2 days.
      {"明治5年12月31日", 7, "1–2: 明治5年12月, the last lunisolar month"},
      {"明治4年度", 2, "明治6年1月1日 (1873-01-01)"},
      {"M4", 1, "明治6年1月1日 (1873-01-01)"},
      // A range whose end comes before its start: the right side is at fault.
      {"平成25～23年度", 5, "an end after the start"},
      {"平成22年4～3月", 7, "an end after the start"},
      {"平成22年度～平成21年度", 7, "an end after the start"},
      {"平成22年12月31日～平成22年1月1日", 12, "an end after the start"},
      // Qualifiers: only 見込 and 実績, closed.
      {"平成22年度（予定）", 7, "見込 or 実績"},
      {"平成22年度（", 7, "見込 or 実績"},
      {"平成22年度（見込", 9, "）"},
      {"平成22年（見込）（予定）", 10, "見込 or 実績"},
      // Trailing text.
      {"平成22年12月31日です", 11, "the end of the date"},
      {"平成22年（見込）x", 9, "the end of the date"},
      {"平成22年度末末", 7, "the end of the date"},
      {"平成22年12月末日日", 10, "the end of the date"},
      {"平成22年度上", 6, "the end of the date"},
      {"FY2013末", 6, "the end of the date"},
      {"H22.12.31.5", 9, "the end of the date"},
      {"平成22年12月31日 平成23年", 12, "the end of the date"},
      // A separator with no number after it.
      {"H22.", 4, "a number"},
      {"H22..12", 4, "a number"},
      {"2010/", 5, "a number"},
      // Bytes that are no text: invalid UTF-8 (bad lead, truncated, overlong, surrogate) and NUL.
      {"\xff", 0, "valid UTF-8 text"},
      {"平成\xe3\x81年", 2, "valid UTF-8 text"},
      {"平成22年\x80", 5, "valid UTF-8 text"},
      {"\xc0\xb1", 0, "valid UTF-8 text"},
      {"\xed\xa0\x80", 0, "valid UTF-8 text"},
      {"平成22\0年"sv, 4, "valid UTF-8 text"},
  };
  static_assert(std::size(malformed) >= 45);
  for (const auto& bad : malformed) check_malformed(bad);
}

TEST_CASE("to_western: a text that names one day") {
  constexpr struct {
    std::string_view text, iso_day;
  } days[] = {
      {"平成22年12月末", "2010-12-31"},
      {"平成21年度末", "2010-03-31"},
      {"H22.12.31", "2010-12-31"},
      {"2010-12-31", "2010-12-31"},
  };
  for (const auto& d : days) CHECK(iso(to_western(d.text)) == d.iso_day);
  for (const std::string_view span : {"平成22年度"sv, "平成22年3月"sv, "H26～"sv})
    CHECK_THROWS_WITH_AS(to_western(span), doctest::Contains("a text that names one day"),
                         parse_error);
}

TEST_CASE("formatting in the four styles") {
  constexpr struct {
    civil_date day;
    std::string_view kanji, abbrev, western, iso_text;
  } formatted[] = {
      {{2010, 12, 31}, "平成22年12月31日", "H22.12.31", "2010年12月31日", "2010-12-31"},
      {{1873, 1, 1}, "明治6年1月1日", "M6.1.1", "1873年1月1日", "1873-01-01"},
      {{1912, 7, 30}, "大正元年7月30日", "T1.7.30", "1912年7月30日", "1912-07-30"},
      {{1989, 1, 7}, "昭和64年1月7日", "S64.1.7", "1989年1月7日", "1989-01-07"},
      {{1989, 1, 8}, "平成元年1月8日", "H1.1.8", "1989年1月8日", "1989-01-08"},
      {{2019, 5, 1}, "令和元年5月1日", "R1.5.1", "2019年5月1日", "2019-05-01"},
      {{2100, 12, 31}, "令和82年12月31日", "R82.12.31", "2100年12月31日", "2100-12-31"},
  };
  for (const auto& f : formatted) {
    CAPTURE(f.iso_text);
    const sys_days d = days_from_civil(f.day);
    const std::pair<date_style, std::string_view> styles[] = {{date_style::kanji, f.kanji},
                                                              {date_style::abbrev, f.abbrev},
                                                              {date_style::western, f.western},
                                                              {date_style::iso, f.iso_text}};
    for (const auto& [style, text] : styles) {
      CAPTURE(to_string(style));
      CHECK(format_date(d, style) == text);
      CHECK(format_era_date(to_era_date(d), style) == text);
      char buf[max_formatted_date];
      const std::size_t n = format_date_to(buf, d, style);
      CHECK(std::string_view(buf, n) == text);
    }
    CHECK(format_date(d) == f.kanji);  // kanji by default
  }

  // Before 1873-01-01 only the Western styles have a text.
  const sys_days before = days_from_civil(day_before_eras);
  char buf[max_formatted_date];
  for (const date_style era_style : {date_style::kanji, date_style::abbrev}) {
    CHECK_THROWS_AS(format_date(before, era_style), range_error);
    CHECK_THROWS_AS(format_date(before, era_style), miyagiplan::error);
    CHECK(format_date_to(buf, before, era_style) == 0);
  }
  CHECK(format_date(before, date_style::western) == "1872年12月31日");
  CHECK(format_date(before, date_style::iso) == "1872-12-31");
  CHECK_THROWS_AS(format_era_date({era::reiwa, 1, 4, 30}), range_error);
}

TEST_CASE("kind and style names read back; unknown names are parse errors") {
  for (auto k = static_cast<int>(date_kind::day); k <= static_cast<int>(date_kind::open_ended); ++k) {
    const auto kind = static_cast<date_kind>(k);
    CHECK(enum_from_string<date_kind>(to_string(kind)) == kind);
  }
  for (auto s = static_cast<int>(date_style::kanji); s <= static_cast<int>(date_style::iso); ++s) {
    const auto style = static_cast<date_style>(s);
    CHECK(enum_from_string<date_style>(to_string(style)) == style);
  }
  CHECK(to_string(date_kind::fiscal_year_span) == "fiscal_year_span");
  CHECK_THROWS_AS(enum_from_string<date_kind>("fiscal"), parse_error);
  CHECK_THROWS_WITH_AS(enum_from_string<date_style>("Kanji"), doctest::Contains("kanji, abbrev"),
                       parse_error);
}

TEST_CASE("Boost dates convert at the edge, range-checked") {
  CHECK(to_sys_days(boost::gregorian::date(2010, 12, 31)) == days_from_civil(2010, 12, 31));
  CHECK(to_boost_date(days_from_civil(2010, 12, 31)) == boost::gregorian::date(2010, 12, 31));
  CHECK(to_boost_date(days_from_civil(1400, 1, 1)) == boost::gregorian::date(1400, 1, 1));
  CHECK(to_boost_date(days_from_civil(9999, 12, 31)) == boost::gregorian::date(9999, 12, 31));
  CHECK_THROWS_AS(to_boost_date(days_from_civil(1399, 12, 31)), range_error);
  CHECK_THROWS_AS(to_boost_date(days_from_civil(10000, 1, 1)), range_error);
  CHECK_THROWS_AS(to_sys_days(boost::gregorian::date(boost::gregorian::not_a_date_time)), range_error);
  CHECK_THROWS_AS(to_sys_days(boost::gregorian::date(boost::gregorian::pos_infin)), range_error);
}

TEST_CASE("every day 1873-01-01 … 2100-12-31 converts, formats and reads back") {
  const sys_days first = days_from_civil(1873, 1, 1);
  const sys_days last = days_from_civil(2100, 12, 31);
  // Failures are counted, and the first one described, so that a bug does not flood the log.
  int mismatches = 0;
  std::string first_mismatch;
  const auto mismatch = [&](sys_days s, std::string_view what) {
    if (mismatches++ == 0) first_mismatch = iso(s) + ": " + std::string(what);
  };

  boost::gregorian::date gregorian(1873, 1, 1);
  std::optional<era_date> previous;
  char text[max_formatted_date];
  for (sys_days s = first; s <= last; s += day_count(1), gregorian += boost::gregorian::days(1)) {
    const auto ymd = gregorian.year_month_day();
    const civil_date boost_civil{ymd.year, ymd.month, ymd.day};
    if (civil_from_days(s) != boost_civil || days_from_civil(boost_civil) != s ||
        to_sys_days(gregorian) != s || to_boost_date(s) != gregorian)
      mismatch(s, "civil_from_days / days_from_civil disagree with boost::gregorian");

    const auto e = era_date_of(s);
    if (e != searched_era_date(s) || !e || era_of(s) != e->era)
      mismatch(s, "era_date_of or era_of differs from the era search");
    if (!e || !is_valid(*e) || to_sys_days(*e) != s)
      mismatch(s, "to_era_date does not convert back");
    else if (previous && previous->era != e->era && e->year != 1)
      mismatch(s, "a new era does not start at 元年");
    previous = e;

    for (const date_style style : {date_style::kanji, date_style::abbrev}) {
      const std::size_t n = format_date_to(text, s, style);
      const date_expression back = parse_date(std::string_view(text, n));
      if (back.kind() != date_kind::day || back.days().first != s || back.proleptic())
        mismatch(s, std::string(text, n) + " does not read back as its day");
    }
  }
  CHECK_MESSAGE(mismatches == 0, mismatches, " mismatches; the first: ", first_mismatch);
  CHECK(iso(gregorian) == "2101-01-01");
  // Before the eras, and far past them (令和 goes on while no era is added).
  for (const sys_days s : {first - day_count(1), first - day_count(400000), days_from_civil(min_supported_year, 1, 1),
                           days_from_civil(2500, 6, 30), days_from_civil(max_supported_year, 12, 31)}) {
    CAPTURE(iso(s));
    CHECK(era_date_of(s) == searched_era_date(s));
    CHECK(era_of(s) == (s < first ? std::nullopt : std::optional<era>(era::reiwa)));
  }
}

}  // TEST_SUITE
