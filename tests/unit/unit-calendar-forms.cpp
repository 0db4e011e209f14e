// The calendar's further written forms (#14): the fast path against the general reader, texts held
// as UTF-16 or UTF-32, weekdays, suffixes, thirds of a month, dates in a context, formatting options.
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

}  // namespace

TEST_CASE("the fast path for common forms reads exactly as the general reader") {
  const char* texts[] = {"平成22年12月31日", "H22.12.31", "h22/12/31", "R1-5-1", "2010-12-31",
                         "令和元年5月1日", "昭和64年1月7日", "平成元年1月8日", "平成1年1月8日",
                         "平成31年4月30日", "平成31年5月1日", "平成32年1月1日", "令和1年4月30日",
                         "明治6年1月1日", "明治5年12月31日", "大正1年7月30日", "大正1年7月29日",
                         "平成22年2月29日", "平成24年2月29日", "平成0年1月1日", "H0.1.1", "X22.12.31",
                         "平成22年13月1日", "2010-02-29", "1399-12-31", "9999-12-31", "0999-01-01",
                         "H22.12.31.1", "H022.12.31", "平成123年1月1日", "2010-1-1", "M6.1.1", "S64.1.8"};
  for (const bool strict : {false, true}) {
    parse_options o;
    o.strict = strict;
    for (const char* t : texts) check_fast_path_reads_as_general(t, o);
  }
}

namespace {

// How the fast path's reading of a text differs from the general reader's (empty when it does
// not): a trailing space keeps the text off the fast path.
std::string fast_path_difference(const std::string& text, const parse_options& o) {
  date_reading fast, general;
  date_reading_failure f1, f2;
  const bool fast_ok = try_read_date(text, o, fast, f1);
  const bool general_ok = try_read_date(text + " ", o, general, f2);
  const auto shown = [&] { return text + (o.strict ? " (strict)" : "") + ": "; };
  if (fast_ok != general_ok) return shown() + (fast_ok ? "only the fast path reads it" : "only the general reader reads it");
  if (!fast_ok) return f1.position == f2.position ? "" : shown() + "fails at another position";
  if (fast.kind != general.kind || fast.days != general.days || fast.proleptic != general.proleptic ||
      fast.estimate != general.estimate)
    return shown() + "another reading";
  return "";
}

// Counts the texts read otherwise, and keeps the first, so that a bug does not flood the log.
struct differences {
  int count = 0;
  std::string first;
  void check(const std::string& text, const parse_options& o) {
    std::string d = fast_path_difference(text, o);
    if (!d.empty() && count++ == 0) first = std::move(d);
  }
};

}  // namespace

TEST_CASE("the kanji day form read from the end reads every day, and every near miss, as the general reader") {
  parse_options lenient, strict;
  strict.strict = true;
  differences found;
  // Every day of the eras, as the writer writes it (元年 for the first year) and with 1年.
  char text[max_formatted_date];
  for (sys_days s = days_from_civil(1873, 1, 1); s <= days_from_civil(2100, 12, 31); s += day_count(1)) {
    const std::string written(text, format_date_to(text, s, date_style::kanji));
    found.check(written, lenient);
    found.check(written, strict);
    const era_date e = *era_date_of(s);
    if (e.year == 1)
      found.check(std::string(info(e.era).kanji) + "1年" + std::to_string(e.month) + "月" + std::to_string(e.day) + "日",
                  lenient);
  }
  // Every era, year, month and day on a grid wider than the calendar's: year 0, years past an
  // era's end and days before its start, month 0 and 13, day 0 and 32, days past a month's end.
  for (const era_info& e : builtin_eras)
    for (int year = 0; year <= 99; ++year)
      for (int month = 0; month <= 13; ++month)
        for (int day = 0; day <= 32; ++day) {
          const std::string t = std::string(e.kanji) + (year == 1 && month % 2 ? "元" : std::to_string(year)) + "年" +
                                std::to_string(month) + "月" + std::to_string(day) + "日";
          found.check(t, lenient);
          found.check(t, strict);
        }
  // Edge cases by hand: era boundaries, leading zeros, wrong widths, pieces missing or doubled.
  for (const char* t :
       {"平成31年4月30日", "平成31年5月1日", "令和元年5月1日", "令和元年4月30日", "令和1年4月30日", "昭和64年1月7日",
        "昭和64年1月8日", "平成元年1月8日", "平成元年1月7日", "大正元年7月30日", "大正元年7月29日", "明治元年1月1日",
        "明治6年1月1日", "明治5年12月31日", "明治45年7月29日", "明治45年7月30日", "大正15年12月25日",
        "平成01年01月08日", "平成05年1月1日", "平成22年02月29日", "平成24年2月29日", "令和82年12月31日",
        "令和99年12月31日", "平成123年1月1日", "平成22年123月1日", "平成22年1月123日", "平成元1年1月1日",
        "平成1元年1月1日", "平成元元年1月1日", "平成年1月1日", "平成22年月1日", "平成22年1月日", "平成22年1月1",
        "平成22年1月1日日", "平成平成22年1月1日", "成22年12月31日", "平成22年12月31", "平成22月12年31日",
        "平成22年12日31月", "平成２２年１２月３１日", "平成22年12月3１日", "平成 22年12月31日", "㍻22年12月31日",
        "平成22年12月31日 ", "平成22年1月1日から", "西暦22年12月31日", "平安22年12月31日",
        "平成九年12月31日", "平成22年12月31日（金）"})
    for (const parse_options& o : {lenient, strict}) found.check(t, o);
  CHECK_MESSAGE(found.count == 0, found.count, " texts read otherwise; the first: ", found.first);
}

TEST_CASE("元 may start a span: 平成元～3年度, 平成元年度～3年度") {
  for (const char* text : {"平成元～3年度", "平成元～3年度末", "平成元年度～3年度", "H元～3"}) {
    CAPTURE(text);
    const date_expression e = parse_date(text);
    CHECK(e.kind() == date_kind::fiscal_year_span);
    CHECK(e.days() == day_span{days_from_civil(1989, 4, 1), days_from_civil(1992, 3, 31)});
  }
  CHECK_THROWS_AS(parse_date("平成元3年度"), parse_error);
}

TEST_CASE("texts held as UTF-16 or UTF-32 read as their UTF-8 spelling") {
  struct row {
    std::string_view utf8;
    std::u16string_view utf16;
    std::u32string_view utf32;
  };
  const row rows[] = {
      {"平成22年12月31日", u"平成22年12月31日", U"平成22年12月31日"},
      {"H22.12.31", u"H22.12.31", U"H22.12.31"},
      {"2010-12-31", u"2010-12-31", U"2010-12-31"},
      {"平成23～25年度末", u"平成23～25年度末", U"平成23～25年度末"},
      {"平成２２年度（見込）", u"平成２２年度（見込）", U"平成２２年度（見込）"},
      {"令和元年4月30日", u"令和元年4月30日", U"令和元年4月30日"},
      {"平成22年13月1日", u"平成22年13月1日", U"平成22年13月1日"},
      {"平成32年度", u"平成32年度", U"平成32年度"},
      {"𠀋22年", u"𠀋22年", U"𠀋22年"},  // a character beyond the BMP: a UTF-16 pair
  };
  for (const auto& r : rows) {
    CAPTURE(r.utf8);
    date_reading a, b, c;
    date_reading_failure fa, fb, fc;
    const bool ok = try_read_date(r.utf8, {}, a, fa);
    CHECK(try_read_date(r.utf16, {}, b, fb) == ok);
    CHECK(try_read_date(r.utf32, {}, c, fc) == ok);
    if (ok) {
      CHECK((a.kind == b.kind && a.days == b.days && a.estimate == b.estimate && a.proleptic == b.proleptic));
      CHECK((a.kind == c.kind && a.days == c.days && a.estimate == c.estimate && a.proleptic == c.proleptic));
    } else {
      CHECK(fa.position == fb.position);
      CHECK(fa.position == fc.position);
    }
  }
}

TEST_SUITE("calendar") {

TEST_CASE("more written forms (#14): weekdays, suffixes, month ends, thirds of a month, fiscal starts") {
  constexpr expected_reading forms[] = {
      // A weekday after a day, checked against it.
      {"令和5年3月31日（金）", date_kind::day, "2023-03-31", "2023-03-31"},
      {"令和5年3月31日(金)", date_kind::day, "2023-03-31", "2023-03-31"},
      {"令和5年3月31日（金曜日）", date_kind::day, "2023-03-31", "2023-03-31"},
      {"令和5年3月31日 （ 金曜 ）", date_kind::day, "2023-03-31", "2023-03-31"},
      {"H22.12.31（金）", date_kind::day, "2010-12-31", "2010-12-31"},
      {"2010-12-31 (金)", date_kind::day, "2010-12-31", "2010-12-31"},
      {"令和6年2月末日（木）", date_kind::month_end, "2024-02-29", "2024-02-29"},
      // 現在, 時点, 付け, 付 after a date.
      {"平成22年12月31日現在", date_kind::day, "2010-12-31", "2010-12-31"},
      {"平成22年12月末時点", date_kind::month_end, "2010-12-31", "2010-12-31"},
      {"令和5年4月1日付け", date_kind::day, "2023-04-01", "2023-04-01"},
      {"令和5年4月1日付", date_kind::day, "2023-04-01", "2023-04-01"},
      {"令和5年3月31日（金）現在", date_kind::day, "2023-03-31", "2023-03-31"},
      {"平成22年12月末 現在（見込）", date_kind::month_end, "2010-12-31", "2010-12-31", true},
      // 末日 and 晦日: the last day of the month.
      {"令和5年3月末日", date_kind::month_end, "2023-03-31", "2023-03-31"},
      {"令和5年2月晦日", date_kind::month_end, "2023-02-28", "2023-02-28"},
      {"令和6年2月末日", date_kind::month_end, "2024-02-29", "2024-02-29"},
      // 上旬, 中旬, 下旬.
      {"令和5年4月上旬", date_kind::day_span, "2023-04-01", "2023-04-10"},
      {"令和5年4月中旬", date_kind::day_span, "2023-04-11", "2023-04-20"},
      {"令和5年4月下旬", date_kind::day_span, "2023-04-21", "2023-04-30"},
      {"令和6年2月下旬", date_kind::day_span, "2024-02-21", "2024-02-29"},
      {"2023年2月下旬", date_kind::day_span, "2023-02-21", "2023-02-28"},
      {"令和5年4月上旬～5月中旬", date_kind::day_span, "2023-04-01", "2023-05-20"},
      // 年度当初, 年度初め: the fiscal year's first day.
      {"令和5年度当初", date_kind::day, "2023-04-01", "2023-04-01"},
      {"令和5年度初め", date_kind::day, "2023-04-01", "2023-04-01"},
      {"2013年度当初", date_kind::day, "2013-04-01", "2013-04-01"},
      {"平成23年度当初～平成25年度末", date_kind::fiscal_year_span, "2011-04-01", "2014-03-31"},
      // から…まで, and ～ between two full expressions in any notation, across eras.
      {"平成31年4月1日～令和元年5月31日", date_kind::day_span, "2019-04-01", "2019-05-31"},
      {"平成31年4月1日（月）～令和元年5月31日（金）", date_kind::day_span, "2019-04-01", "2019-05-31"},
      {"平成23年度から平成25年度まで", date_kind::fiscal_year_span, "2011-04-01", "2014-03-31"},
      {"平成23年度から25年度まで", date_kind::fiscal_year_span, "2011-04-01", "2014-03-31"},
      {"平成23年度 から 平成25年度", date_kind::fiscal_year_span, "2011-04-01", "2014-03-31"},
      {"令和5年4月1日から", date_kind::open_ended, "2023-04-01", "9999-12-31"},
      {"H22.4.1～2011年3月31日", date_kind::day_span, "2010-04-01", "2011-03-31"},
      {"2011年度～平成25年度", date_kind::fiscal_year_span, "2011-04-01", "2014-03-31"},
      {"平成23年度～2013年度", date_kind::fiscal_year_span, "2011-04-01", "2014-03-31"},
      {"平成30年度から令和2年度まで", date_kind::fiscal_year_span, "2018-04-01", "2021-03-31"},
      {"2010-04-01～2011-03-31", date_kind::day_span, "2010-04-01", "2011-03-31"},
      // - and － in fiscal spans.
      {"平成23-25年度", date_kind::fiscal_year_span, "2011-04-01", "2014-03-31"},
      {"平成23－25年度", date_kind::fiscal_year_span, "2011-04-01", "2014-03-31"},
      // Dual notation, either order, checked.
      {"平成２３年度（２０１１年度）", date_kind::fiscal_year, "2011-04-01", "2012-03-31"},
      {"2011年度（平成23年度）", date_kind::fiscal_year, "2011-04-01", "2012-03-31"},
      {"令和5年（2023年）3月31日", date_kind::day, "2023-03-31", "2023-03-31"},
      {"2023年（令和5年）3月31日", date_kind::day, "2023-03-31", "2023-03-31"},
      {"令和元年度（2019年度）", date_kind::fiscal_year, "2019-04-01", "2020-03-31"},
      {"平成31年度(2019年度)末", date_kind::fiscal_year_end, "2020-03-31", "2020-03-31"},
      {"平成25年度（２０１３年度）（見込）", date_kind::fiscal_year, "2013-04-01", "2014-03-31", true},
      // 見込 without brackets.
      {"平成22年度末見込", date_kind::fiscal_year_end, "2011-03-31", "2011-03-31", true},
      {"平成22年度見込み", date_kind::fiscal_year, "2010-04-01", "2011-03-31", true},
      // Compact ISO.
      {"20101231", date_kind::day, "2010-12-31", "2010-12-31"},
      {"２０１０１２３１", date_kind::day, "2010-12-31", "2010-12-31"},
      {"20100401～20110331", date_kind::day_span, "2010-04-01", "2011-03-31"},
      // 皇紀: the year counted from 660 BC.
      {"皇紀2680年", date_kind::year, "2020-01-01", "2020-12-31"},
      {"皇紀二六八〇年", date_kind::year, "2020-01-01", "2020-12-31"},
      {"皇紀2683年3月31日", date_kind::day, "2023-03-31", "2023-03-31"},
      // A PDF's line break or space between an era's kanji.
      {"平 成22年度", date_kind::fiscal_year, "2010-04-01", "2011-03-31"},
      {"平 \n成２８年度", date_kind::fiscal_year, "2016-04-01", "2017-03-31"},
  };
  for (const auto& form : forms) check_reading(form);
}

TEST_CASE("more written forms (#14): every error says where and what") {
  constexpr malformed_text malformed[] = {
      // A weekday that is not the day's, or after something that is not a day.
      {"令和5年3月31日（木）", 10, "金 (the weekday of that day)"},
      {"令和5年3月31日(土曜日)", 10, "金 (the weekday of that day)"},
      {"令和6年2月末日（金）", 9, "木 (the weekday of that day)"},
      {"平成31年4月1日（月）～令和元年5月31日（木）", 23, "金 (the weekday of that day)"},
      {"令和5年3月（金）", 7, "no weekday"},
      {"令和5年度（金）", 6, "no weekday"},
      {"令和5年3月31日（金", 11, "）"},
      // Dual notation that disagrees, or is not a year of the same kind.
      {"平成23年度（2012年度）", 7, "the same year in both notations"},
      {"2011年度（平成24年度）", 7, "the same year in both notations"},
      {"令和5年（2022年）3月31日", 5, "the same year in both notations"},
      {"平成23年度（2011年）", 12, "年度, as before the bracket"},
      {"令和5年（2023年度）", 10, "年 (not 年度)"},
      {"平成23年度（2011", 11, "年度, as before the bracket"},
      {"平成23年度（2011年度", 13, "）"},
      {"平成23年度（令和年度）", 9, "an era year"},
      // Compact ISO out of range.
      {"20101331", 4, "a month 1–12"},
      {"20100230", 6, "a day that exists in the month"},
      {"201012311", 0, "a number of at most 4 digits"},
      // Ranges whose end comes first.
      {"令和5年4月下旬～4月上旬", 9, "an end after the start"},
      {"平成25年度から平成23年度まで", 8, "an end after the start"},
      {"令和元年5月31日～平成31年4月1日", 10, "an end after the start"},
      // 皇紀 years outside what a date holds; a date without a year, and no context.
      {"皇紀2000年", 2, "a year between 1400 and 9998"},
      {"8月22日", 1, "a date without a year needs a context"},
      // What follows stays checked.
      {"平成22年度末見込見込", 9, "the end of the date"},
      {"令和5年4月上旬日", 8, "the end of the date"},
      {"令和5年度当初末", 7, "the end of the date"},
  };
  for (const auto& bad : malformed) check_malformed(bad);
}

TEST_CASE("dates without a year read in a context (#14)") {
  const date_expression fy2023 = parse_date("令和5年度");
  struct row {
    std::string_view text;
    date_kind kind;
    std::string_view first, last;
  };
  // In a fiscal year: the year that puts the month inside it.
  for (const row& r : {row{"8月22日", date_kind::day, "2023-08-22", "2023-08-22"},
                       row{"2月1日", date_kind::day, "2024-02-01", "2024-02-01"},
                       row{"4月1日", date_kind::day, "2023-04-01", "2023-04-01"},
                       row{"3月31日", date_kind::day, "2024-03-31", "2024-03-31"},
                       row{"８月２２日（火）", date_kind::day, "2023-08-22", "2023-08-22"},
                       row{"8月", date_kind::month, "2023-08-01", "2023-08-31"},
                       row{"1月末", date_kind::month_end, "2024-01-31", "2024-01-31"},
                       row{"2月下旬", date_kind::day_span, "2024-02-21", "2024-02-29"},
                       row{"12月1日～1月31日", date_kind::day_span, "2023-12-01", "2024-01-31"},
                       row{"4月～6月", date_kind::month_span, "2023-04-01", "2023-06-30"},
                       // A text with its own year keeps it.
                       row{"平成22年12月31日", date_kind::day, "2010-12-31", "2010-12-31"}}) {
    CAPTURE(r.text);
    const date_expression e = parse_date(r.text, fy2023);
    CHECK(e.text() == r.text);
    CHECK(e.kind() == r.kind);
    CHECK(iso(e.first()) == r.first);
    CHECK(iso(e.last()) == r.last);
  }
  // Any fiscal kind gives a fiscal context; other kinds, and days, give the calendar year.
  CHECK(iso(parse_date("2月1日", parse_date("令和5年度末")).first()) == "2024-02-01");
  CHECK(iso(parse_date("2月1日", parse_date("令和5年度第2四半期")).first()) == "2024-02-01");
  CHECK(iso(parse_date("2月1日", parse_date("2023年")).first()) == "2023-02-01");
  CHECK(iso(parse_date("2月1日", parse_date("令和5年3月31日")).first()) == "2023-02-01");
  CHECK(iso(parse_date("8月22日", days_from_civil(2023, 1, 5)).first()) == "2023-08-22");
  CHECK(context_of(parse_date("令和5年度").reading()) == date_context{2023, true});
  CHECK(context_of(days_from_civil(2023, 1, 5)) == date_context{2023, false});
  // Another fiscal start month: FY2023 from January is the calendar year.
  parse_options january;
  january.fiscal_start_month = 1;
  CHECK(iso(parse_date("2月1日", parse_date("2023年度", january), january).first()) == "2023-02-01");
  // The allocation-free core takes the context in its options.
  parse_options o;
  o.context = {2023, true};
  date_reading r;
  date_reading_failure f;
  REQUIRE(try_read_date("2月1日", o, r, f));
  CHECK(iso(r.days.first) == "2024-02-01");
  // Errors still say where: a day that does not exist in the year the context gives.
  check_malformed({"2月30日", 2, "a day that exists in the month"}, o);
  check_malformed({"13月1日", 0, "a month 1–12"}, o);
  check_malformed({"8月22日（水）", 6, "火 (the weekday of that day)"}, o);
}

TEST_CASE("the fast path stays exact beside the new forms") {
  const char* texts[] = {"20101231", "令和5年3月31日（金）", "令和5年3月31日現在", "令和5年3月末日",
                         "皇紀2680年1月1日", "令和5年（2023年）3月31日", "8月22日", "平成31年4月1日～令和元年5月31日"};
  for (const char* t : texts) check_fast_path_reads_as_general(t);
}

}  // TEST_SUITE

TEST_SUITE("calendar") {

TEST_CASE("formatting options (#14): JIS X 0301, padding, 1年, the Western year, the weekday, kanji numerals, 皇紀") {
  const sys_days d = days_from_civil(2023, 3, 31);  // a Friday
  auto with = [](date_style style, auto&& set) {
    format_options o;
    o.style = style;
    set(o);
    return o;
  };
  const struct {
    sys_days day;
    format_options options;
    std::string_view text;
  } cases[] = {
      {d, with(date_style::jisx0301, [](auto&) {}), "R05.03.31"},
      {days_from_civil(2019, 5, 1), with(date_style::jisx0301, [](auto&) {}), "R01.05.01"},
      {days_from_civil(1989, 1, 7), with(date_style::jisx0301, [](auto&) {}), "S64.01.07"},
      {days_from_civil(1873, 1, 1), with(date_style::jisx0301, [](auto&) {}), "M06.01.01"},
      {d, with(date_style::abbrev, [](auto& o) { o.zero_pad = true; }), "R05.03.31"},
      {d, with(date_style::abbrev, [](auto&) {}), "R5.3.31"},
      {d, with(date_style::kanji, [](auto&) {}), "令和5年3月31日"},
      {d, with(date_style::kanji, [](auto& o) { o.zero_pad = true; }), "令和05年03月31日"},
      {days_from_civil(2019, 5, 1), with(date_style::kanji, [](auto& o) { o.gannen = false; }), "令和1年5月1日"},
      {days_from_civil(2019, 5, 1), with(date_style::kanji, [](auto&) {}), "令和元年5月1日"},
      {d, with(date_style::kanji, [](auto& o) { o.with_western = true; }), "令和5年（2023年）3月31日"},
      {d, with(date_style::kanji, [](auto& o) { o.weekday = true; }), "令和5年3月31日（金）"},
      {days_from_civil(2010, 12, 31), with(date_style::kanji, [](auto& o) { o.weekday = true; }), "平成22年12月31日（金）"},
      {days_from_civil(2019, 5, 1), with(date_style::western, [](auto& o) { o.weekday = true; }), "2019年5月1日（水）"},
      {d, with(date_style::kanji, [](auto& o) { o.kanji_numerals = true; }), "令和五年三月三十一日"},
      // Spelt numbers have no width (as ICU's spellout ignores yy, MM and dd).
      {d, with(date_style::kanji, [](auto& o) { o.kanji_numerals = o.zero_pad = true; }), "令和五年三月三十一日"},
      {days_from_civil(2010, 12, 20), with(date_style::kanji, [](auto& o) { o.kanji_numerals = true; }), "平成二十二年十二月二十日"},
      {days_from_civil(2019, 5, 1), with(date_style::kanji, [](auto& o) { o.kanji_numerals = true; }), "令和元年五月一日"},
      {d, with(date_style::kanji, [](auto& o) { o.kanji_numerals = o.with_western = o.weekday = true; }),
       "令和五年（二〇二三年）三月三十一日（金）"},
      {d, with(date_style::western, [](auto& o) { o.kanji_numerals = true; }), "二〇二三年三月三十一日"},
      {d, with(date_style::western, [](auto& o) { o.zero_pad = true; }), "2023年03月31日"},
      {d, with(date_style::koki, [](auto&) {}), "皇紀2683年3月31日"},
      {days_from_civil(2020, 1, 1), with(date_style::koki, [](auto&) {}), "皇紀2680年1月1日"},
      {d, with(date_style::iso, [](auto& o) { o.weekday = true; }), "2023-03-31"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(format_date(c.day, c.options) == c.text);
    char buf[max_formatted_date];
    CHECK(std::string_view(buf, format_date_to(buf, c.day, c.options)) == c.text);
    // What is written reads back to the day (the reader knows every form but the ISO weekday).
    if (c.options.style != date_style::iso) CHECK(iso(parse_date(c.text).first()) == iso(c.day));
  }
  // The new styles by themselves, and the default options as the style alone.
  CHECK(format_date(d, date_style::jisx0301) == "R05.03.31");
  CHECK(format_date(d, date_style::koki) == "皇紀2683年3月31日");
  for (const date_style style : {date_style::kanji, date_style::abbrev, date_style::western, date_style::iso})
    CHECK(format_date(d, with(style, [](auto&) {})) == format_date(d, style));
  // The longest text fits the buffer.
  const std::string longest = format_date(days_from_civil(9998, 12, 28), with(date_style::kanji, [](auto& o) {
    o.kanji_numerals = o.with_western = o.weekday = true;
  }));
  CHECK(longest.size() <= max_formatted_date);
  // Before the eras only the Western styles write.
  const sys_days before = days_from_civil(civil_date{1872, 12, 31});  // the day before the eras
  CHECK_THROWS_AS(format_date(before, with(date_style::jisx0301, [](auto&) {})), range_error);
  CHECK(format_date(before, with(date_style::koki, [](auto&) {})) == "皇紀2532年12月31日");
}

}  // TEST_SUITE
